# asyncio.Lock keeps a read-modify-write across an await safe; Semaphore limits concurrency.
import asyncio

balance = 0
lock = asyncio.Lock()

async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.001)
    balance = current + amount

async def deposit_safe(amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.001)
        balance = current + amount

async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe(1) for _ in range(50)))
    print("without a lock, updates are lost:", balance < 50)
    balance = 0
    await asyncio.gather(*(deposit_safe(1) for _ in range(50)))
    print("with a lock:", balance, "| locked now:", lock.locked())
    limit = asyncio.Semaphore(3)
    inside = 0
    peak = 0

    async def limited(i):
        nonlocal inside, peak
        async with limit:
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0.01)
            inside -= 1
        return i

    results = await asyncio.gather(*(limited(i) for i in range(10)))
    print("semaphore peak:", peak, "| results:", results)

asyncio.run(main())

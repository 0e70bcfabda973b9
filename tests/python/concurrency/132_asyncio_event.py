# asyncio.Event: waiters released together by set(), is_set, clear, and wait with a timeout.
import asyncio

async def waiter(name, event, log):
    log.append(f"{name} waiting")
    await event.wait()
    log.append(f"{name} released")

async def main():
    event = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(n, event, log)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.02)
    print(log, event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print(log[3:], event.is_set())
    event.clear()
    try:
        await asyncio.wait_for(event.wait(), timeout=0.03)
    except TimeoutError:
        print("wait timed out on a cleared event")

asyncio.run(main())

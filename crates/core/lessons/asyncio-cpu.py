import asyncio
import time


async def ticker():
    for tick in range(5):
        start = time.perf_counter()
        await asyncio.sleep(0.1)
        late = time.perf_counter() - start - 0.1
        print(f"tick {tick}: {late * 1000:.0f} ms late")


async def crunch():
    await asyncio.sleep(0.15)
    total = 0
    for n in range(5_000_000):  # no await in here: nothing else can run
        total += n
    print("crunch done")


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())

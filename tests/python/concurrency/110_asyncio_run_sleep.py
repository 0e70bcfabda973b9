# asyncio.run and asyncio.sleep: coroutines, awaiting, return values, and sequential versus gathered time.
import asyncio
import time

async def brew(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")
    return f"{name} ready"

async def sequential():
    first = await brew("coffee", 0.05)
    second = await brew("tea", 0.03)
    return [first, second]

async def main():
    start = time.perf_counter()
    print(await sequential())
    elapsed = time.perf_counter() - start
    print("sequential took at least the sum:", elapsed >= 0.075)
    result = await asyncio.sleep(0.01, result="sleep can return a value")
    print(result)
    coro = brew("never awaited", 0)
    print(type(coro).__name__, asyncio.iscoroutine(coro))
    coro.close()
    return "main finished"

print(asyncio.run(main()))
try:
    asyncio.run(brew)
except ValueError as err:
    print("ValueError:", str(err).split(" at 0x")[0])

# asyncio.gather: concurrent waits, results in argument order, and return_exceptions.
import asyncio
import time

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()

async def broken(delay):
    await asyncio.sleep(delay)
    raise ValueError("broken source")

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(fetch("slow", 0.15), fetch("fast", 0.05), fetch("mid", 0.1))
    elapsed = time.perf_counter() - start
    print(results, "| overlapped:", elapsed < 0.28)
    mixed = await asyncio.gather(fetch("ok", 0.01), broken(0.02), return_exceptions=True)
    print([type(r).__name__ for r in mixed], repr(mixed[1]))
    try:
        await asyncio.gather(fetch("a", 0.05), broken(0.01))
    except ValueError as err:
        print("gather raised the first error:", err)
    await asyncio.sleep(0.1)
    print(await asyncio.gather())

asyncio.run(main())

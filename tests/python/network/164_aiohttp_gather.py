# aiohttp: a hundred downloads gathered take one latency; a failure, a timeout and a cancel.
import asyncio
import time
import aiohttp

BASE = "http://127.0.0.1:8765/io/resource/"

async def fetch(session, i, query="latency=200"):
    async with session.get(f"{BASE}{i}?{query}") as response:
        response.raise_for_status()
        return len(await response.read())

async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        sizes = await asyncio.gather(*(fetch(session, i) for i in range(100)))
        elapsed = time.perf_counter() - start
        print(len(sizes), set(sizes), "| one latency, not a hundred:", 0.19 < elapsed < 1.5)
        mixed = await asyncio.gather(fetch(session, 1, "latency=30"), fetch(session, 2, "latency=10&fail=1"),
                                     fetch(session, 3, "latency=50"), return_exceptions=True)
        print([type(r).__name__ for r in mixed], mixed[0], mixed[2], mixed[1].status, mixed[1].message)
        async with session.get(BASE + "4?latency=10") as response:
            print(response.status, response.ok, response.content_type, (await response.read())[:4])
        try:
            async with session.get(BASE + "6?latency=800", timeout=aiohttp.ClientTimeout(total=0.1)):
                print("not reached")
        except asyncio.TimeoutError:
            print("request timed out")
        task = asyncio.create_task(fetch(session, 7, "latency=2000"))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("download cancelled:", task.cancelled())
        try:
            await session.get("http://127.0.0.1:1/elsewhere")
        except aiohttp.ClientConnectorError as err:
            print("refused:", type(err).__name__, isinstance(err, aiohttp.ClientError))

asyncio.run(main())

import asyncio
import threading
import time

import aiohttp


async def download(session, n):
    async with session.get(f"io/resource/{n}?latency=300") as response:
        response.raise_for_status()
        return len(await response.read())


async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        # Each download waits for its answer without blocking the others.
        sizes = await asyncio.gather(*(download(session, n) for n in range(15)))
    took = time.perf_counter() - start
    print(f"{len(sizes)} downloads, {sum(sizes):,} bytes, in {took:.1f} s, not 4.5 s")
    print(f"threads: {threading.active_count()}")


asyncio.run(main())

# asyncio.Barrier lets tasks wait for each other; asyncio.Runner runs several coroutines on one loop.
import asyncio
async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrived", barrier.n_waiting)
    index = await barrier.wait()
    return name, index
async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.broken)
    results = await asyncio.gather(*(worker(barrier, n, d) for n, d in (("a", 0.03), ("b", 0.01), ("c", 0.02))))
    print(sorted(i for _, i in results))
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print), asyncio.iscoroutinefunction(worker))
    class K:
        async def m(self): pass
    print(asyncio.iscoroutinefunction(K().m))
with asyncio.Runner() as runner:
    runner.run(main())
    print(runner.run(asyncio.sleep(0.01, "second run")))

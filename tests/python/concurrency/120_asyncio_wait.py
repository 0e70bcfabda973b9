# asyncio.wait with FIRST_COMPLETED and ALL_COMPLETED, on tasks, with a timeout.
import asyncio

async def nap(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    tasks = [asyncio.create_task(nap(s)) for s in (0.2, 0.02, 0.1)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "| pending:", len(pending))
    done, pending = await asyncio.wait(tasks)
    print("all:", sorted(t.result() for t in done), "| pending:", len(pending))
    slow = asyncio.create_task(nap(0.3))
    done, pending = await asyncio.wait([slow], timeout=0.05)
    print("after timeout:", len(done), len(pending), slow.done())
    slow.cancel()
    print(asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED, asyncio.FIRST_EXCEPTION)

asyncio.run(main())

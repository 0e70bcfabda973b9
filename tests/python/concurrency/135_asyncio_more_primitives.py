# More of asyncio: LIFO and priority queues, Condition, shield, FIRST_EXCEPTION, timeout_at and reschedule.
import asyncio
from concurrent.futures import ThreadPoolExecutor

async def main():
    lifo, prio = asyncio.LifoQueue(), asyncio.PriorityQueue()
    for item in (3, 1, 2):
        lifo.put_nowait(item)
        await prio.put((item, f"job{item}"))
    print([lifo.get_nowait() for _ in range(3)], [(await prio.get())[1] for _ in range(3)])

    cond = asyncio.Condition()
    ready = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: ready)
            print(name, "sees", ready)
    waiters = [asyncio.create_task(consumer(n)) for n in ("x", "y")]
    await asyncio.sleep(0.01)
    async with cond:
        ready.append("data")
        cond.notify_all()
    await asyncio.gather(*waiters)

    async def slow():
        await asyncio.sleep(0.05)
        return "shielded result"
    inner = asyncio.ensure_future(slow())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
    except TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print(await inner)

    async def fail():
        await asyncio.sleep(0.01)
        raise KeyError("first failure")
    tasks = [asyncio.create_task(fail()), asyncio.create_task(slow())]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), repr(next(iter(done)).exception()))
    for t in pending:
        t.cancel()

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as scope:
            scope.reschedule(loop.time() + 0.03)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout expired:", scope.expired())

    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("locked inside:", sem.locked())
    try:
        sem.release()
    except ValueError as err:
        print("ValueError:", err)

    handle = loop.call_later(0.01, print, "never printed")
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, pow, 2, 10))
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from call_soon")
    print(await fut, fut.done(), repr(loop.create_future()))
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as err:
        print("InvalidStateError:", type(err).__name__)
    print(await asyncio.wait_for(slow(), timeout=None))

asyncio.run(main())

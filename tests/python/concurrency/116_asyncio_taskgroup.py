# asyncio.TaskGroup: waits for all its tasks, and cancels the rest when one fails (ExceptionGroup).
import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name

async def main():
    async with asyncio.TaskGroup() as group:
        first = group.create_task(job("first", 0.05))
        second = group.create_task(job("second", 0.02))
    print("results:", first.result(), second.result())
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("slow", 0.3))
            group.create_task(job("bad", 0.02, fail=True))
    except ExceptionGroup as group_error:
        print("caught:", type(group_error).__name__, [repr(e) for e in group_error.exceptions])
    print("after the failed group")

asyncio.run(main())

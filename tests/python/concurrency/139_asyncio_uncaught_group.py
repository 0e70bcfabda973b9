# An uncaught TaskGroup failure: the ExceptionGroup's traceback, drawn with its members, ends the run.
import asyncio

async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} is unreachable")
    print(f"{name} fetched")
    return name

async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(fetch("a", 0.01))
        group.create_task(fetch("b", 0.02, fail=True))
        group.create_task(fetch("c", 0.03, fail=True))
    print("not reached")

asyncio.run(main())

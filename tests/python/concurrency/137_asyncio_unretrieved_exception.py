# A task that fails with nobody awaiting it: the run goes on, and the error is reported as never retrieved.
import asyncio

async def boom():
    await asyncio.sleep(0.01)
    raise ValueError("lost")

async def main():
    task = asyncio.create_task(boom())
    await asyncio.sleep(0.05)
    print("main done", task.done())

asyncio.run(main())
print("after run")

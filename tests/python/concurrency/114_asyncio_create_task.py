# asyncio.create_task: tasks start at the next await, run concurrently, and are awaited for results.
import asyncio

log = []

async def worker(name, delay):
    log.append(f"{name} started")
    await asyncio.sleep(delay)
    log.append(f"{name} finished")
    return name

async def main():
    task_a = asyncio.create_task(worker("a", 0.06))
    task_b = asyncio.create_task(worker("b", 0.02))
    log.append("tasks created")
    print("done before any await:", task_a.done(), "| log:", log)
    await asyncio.sleep(0)
    print("after one yield:", log)
    print(await task_a, await task_b)
    print(log)
    print("done:", task_a.done(), "| result:", task_a.result())
    print(type(task_a).__name__, isinstance(task_a, asyncio.Future))

asyncio.run(main())

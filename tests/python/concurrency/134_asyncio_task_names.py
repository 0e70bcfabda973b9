# Task names: the main task is Task-1, later tasks count up, and names can be chosen or changed.
import asyncio

async def name_of_current():
    return asyncio.current_task().get_name()

async def main():
    print("main runs as:", asyncio.current_task().get_name())
    t2 = asyncio.create_task(name_of_current())
    t3 = asyncio.create_task(name_of_current(), name="custom")
    print(await t2, await t3, t2.get_name(), t3.get_name())
    t4 = asyncio.create_task(name_of_current())
    t4.set_name("renamed")
    print(await t4)
    names = await asyncio.gather(name_of_current(), name_of_current())
    print("gather wraps coroutines in tasks:", names)
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
asyncio.run(main())

# asyncio.Queue: producer and consumers with task_done/join, maxsize back-pressure, and get_nowait.
import asyncio

async def producer(queue, items):
    for item in items:
        await queue.put(item)
        print(f"put {item} (size {queue.qsize()})")

async def consumer(name, queue, done):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.01)
        done.append((item, name))
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, done)) for i in range(2)]
    await producer(queue, range(6))
    await queue.join()
    print("processed:", sorted(item for item, _ in done))
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    empty = asyncio.Queue()
    try:
        empty.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    full = asyncio.Queue(maxsize=1)
    full.put_nowait("x")
    try:
        full.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", full.full(), full.qsize())

asyncio.run(main())

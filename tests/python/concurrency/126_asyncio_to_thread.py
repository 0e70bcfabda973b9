# asyncio.to_thread: blocking calls run in worker threads while the event loop keeps going.
import asyncio
import threading
import time

def blocking_io(name, seconds):
    time.sleep(seconds)
    return f"{name} on {'main' if threading.current_thread() is threading.main_thread() else 'a worker'}"

async def heartbeat(beats):
    for _ in range(3):
        await asyncio.sleep(0.03)
        beats.append("beat")

async def main():
    beats = []
    start = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "read", 0.15),
        asyncio.to_thread(blocking_io, "write", 0.15),
        heartbeat(beats),
    )
    elapsed = time.perf_counter() - start
    print(results[:2], beats)
    print("blocking calls overlapped:", elapsed < 0.28)
    print(await asyncio.to_thread(sum, [1, 2, 3]), await asyncio.to_thread(max, 4, 9, key=None))

asyncio.run(main())

# asyncio.wait_for: a result in time, a TimeoutError when too slow, and the inner task cancelled.
import asyncio

async def compute(delay, value, log):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        log.append(f"compute({value}) was cancelled")
        raise

async def main():
    log = []
    print(await asyncio.wait_for(compute(0.01, "quick", log), timeout=1))
    try:
        await asyncio.wait_for(compute(0.5, "slow", log), timeout=0.05)
    except asyncio.TimeoutError:
        print("TimeoutError raised")
    print(log)
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)

asyncio.run(main())

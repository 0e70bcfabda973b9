# asyncio.timeout() as an async context manager: the body is cancelled and TimeoutError raised.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("timed out inside the block")
    async with asyncio.timeout(1) as scope:
        await asyncio.sleep(0.01)
    print("finished in time; expired:", scope.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0.01)
    print("no deadline")

asyncio.run(main())

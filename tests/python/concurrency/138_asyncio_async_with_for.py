# async with and async for under asyncio: an async context manager and an async iterator that sleep.
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, exc_type.__name__ if exc_type else "cleanly")
        return False

class Countdown:
    def __init__(self, start):
        self.current = start
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.current == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.005)
        self.current -= 1
        return self.current + 1

async def main():
    async with Connection("db") as conn:
        print("query on", conn.name)
    async for n in Countdown(3):
        print("countdown", n)
    try:
        async with Connection("cache"):
            raise KeyError("boom")
    except KeyError as err:
        print("KeyError:", err)
    print([n async for n in Countdown(4)])

asyncio.run(main())

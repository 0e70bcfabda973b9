# async with and async for, driven by hand: __aenter__/__aexit__ and __aiter__/__anext__.
class Step:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        yield self.label

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await Step(f"open {self.name}")
        print("connected to", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await Step(f"close {self.name}")
        print("closed", self.name, "after", exc_type.__name__ if exc_type else "success")
        return exc_type is KeyError

class Ticker:
    def __init__(self, limit):
        self.limit = limit
        self.current = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.current >= self.limit:
            raise StopAsyncIteration
        await Step(f"tick {self.current}")
        self.current += 1
        return self.current * 10

async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    values = []
    async for value in Ticker(3):
        values.append(value)
    print("ticker values", values)
    async with Connection("cache"):
        raise KeyError("suppressed by __aexit__")
    print("after suppressed error")
    try:
        async with Connection("queue"):
            raise ValueError("propagates")
    except ValueError as err:
        print("caught", err)
    return "main done"

def drive(coro):
    while True:
        try:
            label = coro.send(None)
        except StopIteration as stop:
            return stop.value
        print("  driver:", label)

print(drive(main()))

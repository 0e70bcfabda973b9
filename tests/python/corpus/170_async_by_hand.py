# async def and await driven by hand: coroutine objects stepped with send(None) to completion.
class Yield:
    """An awaitable that suspends the coroutine once, handing a message to the driver."""
    def __init__(self, message):
        self.message = message
    def __await__(self):
        reply = yield self.message
        return reply

async def add(a, b):
    return a + b

async def worker(name):
    print(f"{name}: start")
    reply = await Yield(f"{name} paused")
    print(f"{name}: resumed with {reply!r}")
    total = await add(2, 3)
    await Yield(f"{name} paused again")
    return f"{name} finished with {total}"

def run(coro):
    step = 0
    reply = None
    while True:
        try:
            message = coro.send(reply)
        except StopIteration as stop:
            return stop.value
        step += 1
        print(f"driver: step {step} got {message!r}")
        reply = f"ack {step}"

coro = worker("w1")
print(type(coro).__name__)
print(run(coro))

def round_robin(*coros):
    pending = list(enumerate(coros))
    results = {}
    while pending:
        index, coro = pending.pop(0)
        try:
            message = coro.send(None)
            print("scheduler:", message)
            pending.append((index, coro))
        except StopIteration as stop:
            results[index] = stop.value
    return results

async def counter(label, n):
    for i in range(n):
        await Yield(f"{label} tick {i}")
    return f"{label} done"

print(round_robin(counter("a", 2), counter("b", 3)))

async def simple():
    return 42

c = simple()
try:
    c.send(None)
except StopIteration as stop:
    print("simple returned", stop.value)

async def failing():
    await Yield("about to fail")
    raise ValueError("async failure")

f = failing()
print(f.send(None))
try:
    f.send(None)
except ValueError as err:
    print("ValueError:", err)

async def nested():
    first = await add(1, 1)
    second = await add(first, 10)
    return [first, second]

print(run(nested()))
c2 = simple()
c2.close()
print("closed without running")

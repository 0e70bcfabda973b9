# Generators as coroutines: send(), priming with next(), throw() and close().
def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = running_average()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(60))

def echo():
    received = []
    try:
        while True:
            item = yield len(received)
            if item is None:
                break
            received.append(item)
    finally:
        print("echo saw", received)

e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration:
    print("echo finished")

def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as err:
            print("generator caught", err)
            total = 0
        else:
            total += value

acc = accumulator()
next(acc)
acc.send(5)
print(acc.send(7))
print(acc.throw(ValueError("reset")))
print(acc.send(3))
acc.close()
try:
    acc.send(1)
except StopIteration:
    print("closed generator raises StopIteration")

fresh = running_average()
try:
    fresh.send(1)
except TypeError as err:
    print("TypeError:", err)

def grep(pattern):
    print("looking for", pattern)
    matches = []
    while True:
        line = yield
        if line is None:
            return matches
        if pattern in line:
            matches.append(line)

g = grep("py")
next(g)
for line in ["python", "rust", "pypy", "go"]:
    g.send(line)
try:
    g.send(None)
except StopIteration as stop:
    print("matches:", stop.value)

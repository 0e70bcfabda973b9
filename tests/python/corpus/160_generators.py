# Generators: yield, lazy evaluation, state between calls, return values and StopIteration.
def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("done counting")

gen = countdown(3)
print(type(gen).__name__, "created, nothing ran yet")
print(next(gen))
print(next(gen))
print(list(gen))
print(list(gen))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def with_return():
    yield 1
    yield 2
    return "final value"

g = with_return()
print(next(g), next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration value:", stop.value)

def read_lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield number, line.strip()

doc = "first\n\n  second  \nthird"
for number, line in read_lines(doc):
    print(number, line)

def pipeline(lines):
    stripped = (line.strip() for line in lines)
    nonempty = (line for line in stripped if line)
    upper = (line.upper() for line in nonempty)
    return upper

print(list(pipeline(["  a ", "", " b", "   "])))

def trace_gen():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator cleaned up")

for item in trace_gen():
    print("got", item)
t = trace_gen()
print(next(t))
t.close()
print("closed")

def evens_below(limit):
    for n in range(limit):
        if n % 2:
            continue
        yield n

print(sum(evens_below(10)), max(evens_below(10)), list(evens_below(0)))
def infinite_ids(prefix):
    n = 0
    while True:
        n += 1
        yield f"{prefix}-{n}"
ids = infinite_ids("job")
print(next(ids), next(ids), next(ids))
def one_shot():
    yield "only"
o = one_shot()
print(list(o), next(o, "empty now"))

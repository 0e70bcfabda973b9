# The iterator protocol: iter() and next(), iterables versus iterators, exhaustion, sentinels.
numbers = [1, 2, 3]
it = iter(numbers)
print(next(it), next(it), next(it), next(it, "exhausted"))
print(iter(it) is it, iter(numbers) is iter(numbers))

class Fibonacci:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        self.a, self.b = 0, 1
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

print(list(Fibonacci(100)))
fib = Fibonacci(10)
print([x for x in fib], sum(fib), 8 in fib)

class Chunked:
    def __init__(self, items, size):
        self.items, self.size = items, size
    def __iter__(self):
        for start in range(0, len(self.items), self.size):
            yield self.items[start:start + self.size]

print(list(Chunked(list(range(7)), 3)), list(Chunked("abcdefg", 2)))

d = {"x": 1, "y": 2}
keys = iter(d)
print(next(keys), list(keys))
items = iter(d.items())
print(next(items))
lines = iter(["a", "b", "STOP", "c"])
print(list(iter(lambda: next(lines), "STOP")))
counter = {"n": 0}
def tick():
    counter["n"] += 1
    return counter["n"]
print(list(iter(tick, 4)))
reader = iter("hello")
first_two = [next(reader), next(reader)]
rest = "".join(reader)
print(first_two, rest)
try:
    d2 = {"a": 1}
    for key in d2:
        d2["b"] = 2
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    iter(42)
except TypeError as err:
    print("TypeError:", err)
try:
    next([1, 2])
except TypeError as err:
    print("TypeError:", err)
squares = (n * n for n in range(3))
print(iter(squares) is squares, list(squares), list(squares))
pairs = zip(iter([1, 2, 3]), iter("ab"))
print(list(pairs))
it1 = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it1, it1)))

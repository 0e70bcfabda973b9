# yield from: delegating to sub-generators and iterables, return values, and recursive trees.
def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned:", result)
    yield from [10, 20]
    yield from "ab"
    yield from range(2)

print(list(outer()))

def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.walk(depth + 1)

tree = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
for depth, value in tree.walk():
    print("  " * depth + value)

def echo_twice():
    while True:
        received = yield
        print("sub received", received)
        if received == "stop":
            return "sub done"

def delegator():
    outcome = yield from echo_twice()
    print("delegator got", outcome)
    yield "after"

d = delegator()
next(d)
d.send("hello")
print(d.send("stop"))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], (3,), {4: "x"}, "56")))

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest

print([''.join(p) for p in permutations("abc")])

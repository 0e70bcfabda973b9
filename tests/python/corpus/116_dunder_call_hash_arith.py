# __call__, __hash__ with __eq__ (objects as dict keys), and arithmetic operators.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, value):
        return value * self.factor

triple = Multiplier(3)
print(triple(4), callable(triple), list(map(triple, [1, 2])))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Point(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Point(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p, q = Point(1, 2), Point(3, 4)
print(p + q, q - p, p * 3, 2 * p, -p, abs(Point(3, 4)))
visited = {Point(0, 0): "start", Point(1, 2): "middle"}
print(visited[Point(1, 2)], Point(0, 0) in visited, len({Point(1, 1), Point(1, 1), Point(2, 2)}))
p += q
print(p)

class NoHash:
    def __eq__(self, other):
        return True

try:
    {NoHash()}
except TypeError as err:
    print("TypeError:", err)

class Vector:
    def __init__(self, *items):
        self.items = list(items)
    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Vector(*(i + other for i in self.items))
        return Vector(*(a + b for a, b in zip(self.items, other.items)))
    def __iadd__(self, other):
        print("in-place add")
        self.items = [a + b for a, b in zip(self.items, other.items)]
        return self
    def __eq__(self, other):
        return self.items == other.items
    def __lt__(self, other):
        return sum(self.items) < sum(other.items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __repr__(self):
        return f"Vector{tuple(self.items)}"

v = Vector(1, 2, 3)
w = v
v += Vector(1, 1, 1)
print(v, w, v is w, v + 10, v == Vector(2, 3, 4), sorted([Vector(5), Vector(1), Vector(3)]))
try:
    Vector(1) - Vector(2)
except TypeError as err:
    print("TypeError:", err)

class Pipeline:
    def __init__(self, funcs=()):
        self.funcs = list(funcs)
    def __or__(self, func):
        return Pipeline(self.funcs + [func])
    def __call__(self, value):
        for func in self.funcs:
            value = func(value)
        return value

process = Pipeline() | str.strip | str.upper | (lambda s: s + "!")
print(process("  hello "))

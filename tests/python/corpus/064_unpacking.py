# Unpacking: tuples, starred targets, nested targets, swaps, for loops, and calls.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *middle, tail = range(6)
print(first, rest, init, last, head, middle, tail)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), r = (1, 2), 3
(m, (n, o)), s = [("M", ("N", "O")), "S"]
print(p, q, r, m, n, o, s)
for index, (name, score) in enumerate([("ada", 3), ("bob", 5)]):
    print(index, name, score)
for key, *values in [("a", 1, 2), ("b", 3), ("c",)]:
    print(key, values)
pairs = {"x": 1, "y": 2}
for k, v in pairs.items():
    print(k, v, end=" ")
print()
one, two, three = "abc"
print(one, two, three)
i = j = k = 0
i += 1
print(i, j, k)
values = [1, 2, 3]
values[0], values[2] = values[2], values[0]
print(values)
def total(*numbers):
    return sum(numbers)
args = [1, 2, 3]
print(total(*args), total(*args, 10), total(*range(5), *[100]))
print(*args, sep="-")
print([*args, *"ab"], (*args,), {*args}, {**{"a": 1}, **{"b": 2}})
def describe(name, age, city="?"):
    return f"{name}/{age}/{city}"
info = {"age": 30, "city": "oslo"}
print(describe("ada", **info), describe(*("bob", 25)))
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError:", err)
coords = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*coords)
print(xs, ys)
[u, v] = 5, 6
print(u, v)

# Tuples: packing, immutability, methods, comparison, hashing, and tuples as dict keys.
point = 3, 4
single = (5,)
not_tuple = (5)
empty = ()
print(point, single, not_tuple, empty, type(single).__name__, type(not_tuple).__name__)
print(point[0], point[-1], len(point), point + (5,), point * 2)
print((1, 2, 3).index(2), (1, 1, 2).count(1), tuple([1, 2]), tuple("ab"), tuple(range(3)))
try:
    point[0] = 10
except TypeError as err:
    print("TypeError:", err)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
distances = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print(distances[(1, 0)], distances[0, 1], (0, 0) in distances)
holder = ([1, 2], "fixed")
holder[0].append(3)
print(holder)
try:
    hash(holder)
except TypeError as err:
    print("TypeError:", err)
def min_max(values):
    return min(values), max(values)
low, high = min_max([4, 8, 1, 9])
print(low, high, min_max([7]))
records = [("bob", 25), ("ada", 36), ("cy", 25)]
print(sorted(records), sorted(records, key=lambda r: (r[1], r[0])))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested))
print(sum((1, 2, 3)), max((3, 9, 2)), sorted((3, 1, 2)), 2 in (1, 2, 3))
print(tuple(x * 2 for x in (1, 2, 3)), tuple(), (1,) * 0)
for i, (name, age) in enumerate(records):
    print(i, name, age)
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)

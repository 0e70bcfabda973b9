# set and frozenset: operations, methods, membership, deduplication (printed sorted).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), a.isdisjoint({9}), {1, 2} <= a, {1, 2} < a, a >= {1})
print({1, 2}.issubset(a), a.issuperset({4}), a == {4, 3, 2, 1}, len(a))
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s), 3 in s, 2 not in s)
s.update([5, 6], {7})
s.discard(100)
s.remove(5)
print(sorted(s))
try:
    s.remove(100)
except KeyError as err:
    print("KeyError:", err)
popped = {42}.pop()
print(popped)
names = ["bob", "ada", "bob", "cy", "ada"]
print(sorted(set(names)), len(set(names)))
seen = set()
unique_in_order = []
for name in names:
    if name not in seen:
        seen.add(name)
        unique_in_order.append(name)
print(unique_in_order)
frozen = frozenset([1, 2, 2, 3])
print(sorted(frozen), len(frozen), 2 in frozen, frozen == {1, 2, 3})
groups = {frozenset({1, 2}): "pair", frozenset(): "none"}
print(groups[frozenset({2, 1})], groups[frozenset()])
try:
    frozen.add(4)
except AttributeError as err:
    print("AttributeError:", err)
try:
    {[1, 2]}
except TypeError as err:
    print("TypeError:", err)
c = {1, 2, 3}
c -= {1}
c |= {10}
c &= {2, 10, 11}
print(sorted(c), {0, 1, 2}, set(range(5)))
print(sorted({x % 4 for x in range(20)}), sorted(set("mississippi")))
print(set([1, 2]) == frozenset([1, 2]), {1: 1}.keys() & {1, 2})

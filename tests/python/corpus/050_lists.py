# list methods: append, extend, insert, remove, pop, index, count, sort, reverse, copy, clear.
items = [3, 1, 4]
items.append(1)
items.extend([5, 9])
items.insert(0, 2)
items.insert(100, 6)
items.insert(-1, 0)
print(items, len(items))
items.remove(1)
print(items, items.pop(), items.pop(0), items)
print(items.index(4), items.index(1), items.count(1), items.count(42))
try:
    items.index(42)
except ValueError as err:
    print("ValueError:", err)
try:
    items.remove(42)
except ValueError as err:
    print("ValueError:", err)
try:
    [].pop()
except IndexError as err:
    print("IndexError:", err)
items.reverse()
print(items)
items.sort()
print(items, sorted(items, reverse=True), items)
alias = items
clone = items.copy()
alias.append(99)
print(items, clone, alias is items, clone == items[:-1])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
shared = [[0] * 3] * 2
shared[0][0] = 1
print(grid, shared)
print([1, 2] + [3], [0] * 4, [1, 2] * 0, [[1]] * 2)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])
print(3 in [1, 2, 3], [1] in [[1], [2]], 4 not in [1, 2])
stack = []
for n in range(4):
    stack.append(n * n)
while stack:
    print(stack.pop(), end=" ")
print()
numbers = [5, 2, 8]
numbers += [1]
numbers *= 2
print(numbers, min(numbers), max(numbers), sum(numbers))
numbers.clear()
print(numbers, list(), list("xyz"), list(range(3)), list((1, 2)))
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested), nested[-1][-1])
a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
c = [1, 2, 3]
d = c
c += [4]
print(c, d)
print(list(reversed([1, 2, 3])), [x for x in [1, 2, 3]][::-1])

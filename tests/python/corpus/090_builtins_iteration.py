# zip, enumerate, reversed, map, filter, iter and next: laziness and exhaustion.
names = ["ada", "bob", "cy"]
ages = [36, 25, 41, 99]
print(list(zip(names, ages)), dict(zip(names, ages)), list(zip()))
print(list(zip(names, ages, "xyz")), list(zip("ab", range(10))))
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("")))
for i, name in enumerate(names, 10):
    print(i, name, end="; ")
print()
print(list(reversed(names)), list(reversed(range(4))), "".join(reversed("abc")))
print(list(reversed((1, 2, 3))), list(reversed([])))
lazy = map(lambda n: n * 10, [1, 2, 3])
print(type(lazy).__name__, next(lazy), list(lazy), list(lazy))
evens = filter(lambda n: n % 2 == 0, range(10))
print(next(evens), next(evens), list(evens))
zipped = zip([1, 2], [3, 4])
print(list(zipped), list(zipped))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
letters = iter("xyz")
for ch in letters:
    print("got", ch)
    if ch == "x":
        print("skipping", next(letters))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(sorted(zip(ages, names)), max(zip(ages, names)), list(map(sum, zip([1, 2], [10, 20]))))
rows = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*rows)), [list(col) for col in zip(*rows)])
pairs = list(enumerate(zip("ab", "cd")))
print(pairs)
for index, (left, right) in pairs:
    print(index, left + right)
print(list(range(0)), list(filter(str.isdigit, "a1b2")), list(map(abs, (-1, -2))))
r = reversed([1, 2, 3])
print(next(r), list(r))


def upto_two(x):
    if x > 2:
        raise StopIteration  # ends a map(), a filter() and iter(f, sentinel)
    return x


print(list(map(upto_two, range(9))), list(filter(upto_two, range(9))))
print(list(iter(lambda: upto_two(3), None)))
one = 1.0
for attempt in (
    lambda: zip([1], 5),
    lambda: enumerate("ab", 1.5),
    lambda: [1, 2, 3][one],
    lambda: [1, 2, 3][one:],
    lambda: list(zip([1, 2], "ab", [3], strict=True)),
    lambda: list(zip([1], "ab", [3, 4, 5], strict=True)),
    lambda: list(zip([1], "a", [3, 4], strict=True)),
):
    try:
        print(attempt())
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
print(hasattr(1.5, "__index__"), hasattr(True, "__index__"), (7).__index__())

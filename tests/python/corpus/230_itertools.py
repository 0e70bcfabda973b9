# itertools: count, cycle, repeat, islice, chain, accumulate, groupby and zip_longest.
import itertools
from itertools import count, cycle, repeat, islice, chain, accumulate, groupby, zip_longest

print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 7)), list(repeat("x", 3)), list(zip(range(3), repeat(0))))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)), list(islice("abcdefg", 2, None, 2)))
data = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(data, key=lambda w: w[0]):
    print(letter, list(group))
for letter, group in groupby(sorted(data), key=lambda w: w[0]):
    print(letter, len(list(group)))
print([(k, len(list(g))) for k, g in groupby("aaabccdaa")])
print(list(zip_longest("abc", [1, 2])), list(zip_longest([1], [2, 3], fillvalue="-")))
print(list(itertools.islice(itertools.count(), 0)), list(zip_longest()), list(chain()))
running = list(accumulate([100, -20, -50, 30]))
print(running, min(running))
events = [("mon", 3), ("mon", 5), ("tue", 2), ("wed", 1), ("wed", 4)]
totals = {day: sum(n for _, n in rows) for day, rows in groupby(events, key=lambda e: e[0])}
print(totals)
ids = count(1)
print([f"task-{next(ids)}" for _ in range(3)], next(ids))

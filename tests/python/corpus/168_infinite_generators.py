# Infinite generators tamed with itertools.islice and early breaks.
from itertools import islice, count

def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(islice(primes(), 15)))
print(list(islice(naturals(), 5, 10)), list(islice(naturals(), 0, 20, 5)))
small = []
for n in naturals():
    if n * n >= 50:
        break
    small.append(n)
print(small)
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(6)), len(list(collatz(97))))
def cycle_colors():
    colors = ["red", "green", "blue"]
    i = 0
    while True:
        yield colors[i % len(colors)]
        i += 1
painter = cycle_colors()
print([next(painter) for _ in range(7)])
for square in (n * n for n in count(1)):
    if square > 60:
        print("first square above 60:", square)
        break
def triangular():
    total = 0
    for n in count(1):
        total += n
        yield total
print(list(islice(triangular(), 10)))
gen = naturals()
print(next(islice(gen, 3, None)), next(gen))

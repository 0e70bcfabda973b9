# Generator expressions: laziness, single use, memory-friendly sums, and evaluation order.
squares = (n * n for n in range(5))
print(type(squares).__name__, sum(squares), sum(squares))
words = ["alpha", "beta", "gamma", "delta"]
print(max(len(w) for w in words), sorted(w[::-1] for w in words), list(w for w in words if "e" in w))
print(", ".join(str(n) for n in range(5)), tuple(c.upper() for c in "abc"), set(n % 2 for n in range(9)) == {0, 1})
print(dict((w, len(w)) for w in words), any(w.startswith("g") for w in words))
def numbers():
    for n in range(1, 6):
        print("producing", n)
        yield n
doubled = (n * 2 for n in numbers())
print("nothing produced yet")
for value in doubled:
    print("consumed", value)
    if value >= 4:
        break
print("remaining:", list(doubled))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
total_chars = sum(len(line) for line in "one\ntwo\nthree".splitlines())
print(total_chars)
first_long = next((w for w in words if len(w) > 4), None)
missing = next((w for w in words if len(w) > 10), "none")
print(first_long, missing)
def make(limit):
    return (x for x in range(limit))
print(list(make(3)), list(zip(make(3), make(10))))
x = 10
gen = (x + i for i in range(3))
x = 100
print(list(gen))
gen2 = (i for i in range(x // 50))
x = 0
print(list(gen2))
print(sorted((n for n in [3, 1, 2]), reverse=True), min((abs(n) for n in [-5, 2, -1])))

# Assignment expressions, chained comparisons, conditional expressions and truthiness.
data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"long list: {n} items")
filtered = [y for x in data if (y := x * 2) > 20]
print(filtered, y)
chunks = iter(["a", "b", "", "c"])
while (chunk := next(chunks)) != "":
    print("chunk", chunk)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 < 2, 1 < 2 > 0, 0 <= 5 <= 5)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(5))
x = 7
print(0 < x < 10 != x, "a" < "b" <= "b", x is not None is not False)
for value in [0, 5, -3]:
    kind = "zero" if value == 0 else "positive" if value > 0 else "negative"
    print(value, kind)
print([] or "default", 0 or None, "x" and "y", "" and "never", None or 0 or [])
print(not 0, not "a", not [], 1 and 2 and 3, 1 and 0 and 3)
def side(v):
    print("side", v)
    return v
result = side(0) and side(1)
result2 = side(2) or side(3)
print(result, result2)
print(bool(0.0), bool(-0.0), bool(" "), bool(()), bool(range(0)))
label = (lambda t: "hot" if t > 25 else "mild" if t > 15 else "cold")
print([label(t) for t in (30, 20, 10)])
print(max(a := 3, 2), a, (b := 4) * b)

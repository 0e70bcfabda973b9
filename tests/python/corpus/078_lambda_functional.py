# lambda with map, filter, sorted, reduce; functions as values stored in data structures.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(list(map(square, range(5))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda n: n % 3 == 0, range(15))), list(filter(None, [0, 1, "", "x", None, []])))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for symbol in "+-*":
    print(f"6 {symbol} 3 = {ops[symbol](6, 3)}")
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
text = "  Hello Big World  "
for step in pipeline:
    text = step(text)
print(text)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), square.__name__, type(square).__name__)
people = [{"name": "ada", "age": 36}, {"name": "bob", "age": 25}]
print(sorted(people, key=lambda p: p["age"])[0]["name"], max(people, key=lambda p: p["age"])["name"])
print(list(map(str, [1, 2.5, None])), list(map(int, "123")), list(map(len, ["a", "bb"])))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print((lambda n: [i for i in range(n)])(4), (lambda x: x if x > 0 else -x)(-9))

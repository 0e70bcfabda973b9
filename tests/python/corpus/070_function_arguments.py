# Function arguments: defaults, keywords, *args, **kwargs, keyword-only and positional-only.
def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("ada"), greet("bob", "Hi"), greet("cy", punctuation="?"))
print(greet(greeting="Hey", name="di"))

def collect(first, *args, **kwargs):
    return first, args, kwargs

print(collect(1))
print(collect(1, 2, 3, key="v", other=None))

def keyword_only(a, *, scale=1, offset=0):
    return a * scale + offset

print(keyword_only(5), keyword_only(5, scale=3), keyword_only(5, offset=1, scale=2))

def positional_only(a, b, /, c=0):
    return a + b + c

print(positional_only(1, 2), positional_only(1, 2, c=3))

def everything(a, b=2, *rest, flag=False, **options):
    return f"a={a} b={b} rest={rest} flag={flag} options={options}"

print(everything(1))
print(everything(1, 3, 5, 7, flag=True, color="red"))

def no_return():
    x = 1

def early(n):
    if n < 0:
        return "negative"
    return

print(no_return(), early(-1), early(1))

def stats(*numbers):
    if not numbers:
        return None
    return min(numbers), max(numbers), sum(numbers) / len(numbers)

print(stats(), stats(4, 8, 6))
for call in [lambda: greet(), lambda: greet("a", "b", "c", "d"), lambda: greet("a", nam="x"),
             lambda: keyword_only(1, 2), lambda: positional_only(a=1, b=2),
             lambda: greet("a", name="b")]:
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)

def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

print(apply(greet, "eve", greeting="Bye"), apply(max, 3, 9, 4), apply(sorted, [3, 1], reverse=True))
print(greet.__name__, callable(greet), callable(42))

def recursive_sum(items):
    if not items:
        return 0
    head, *tail = items
    return head + recursive_sum(tail)

print(recursive_sum([1, 2, 3, 4]))

def fact(n):
    """Returns n! computed recursively."""
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact.__doc__)

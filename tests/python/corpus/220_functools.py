# functools: partial, reduce, wraps, lru_cache and cache_info.
from functools import partial, reduce, wraps, lru_cache

def power(base, exponent):
    return base ** exponent

square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(9), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
print(partial(print, sep="|")("a", "b") is None)
int_from_binary = partial(int, base=2)
print(int_from_binary("1011"), list(map(partial(power, exponent=3), range(4))))
print(reduce(lambda acc, x: acc + x, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2], []), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], 0))
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as err:
    print("TypeError:", err)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info().currsize)

calls = []
@lru_cache(maxsize=2)
def slow_upper(text):
    calls.append(text)
    return text.upper()

for word in ["a", "b", "a", "c", "b", "a"]:
    slow_upper(word)
print(calls, slow_upper.cache_info().hits, slow_upper.cache_info().misses)

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}")
        return func(*args, **kwargs)
    return wrapper

@logged
def area(w, h):
    """Rectangle area."""
    return w * h

print(area(3, 4), area.__name__, area.__doc__)
print(reduce(lambda acc, word: acc + len(word), ["ab", "cde"], 0), partial(area, 2)(5))

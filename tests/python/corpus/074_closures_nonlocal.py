# Closures: captured variables, nonlocal counters, late binding, and factories.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())

def make_multiplier(factor):
    return lambda x: x * factor

double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), [make_multiplier(i)(10) for i in range(3)])

def make_accumulator(start):
    total = start
    def add(amount):
        nonlocal total
        total += amount
        return total
    def current():
        return total
    return add, current

add, current = make_accumulator(100)
add(10)
add(-30)
print(current())

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x

print(outer())

callbacks = []
for i in range(3):
    callbacks.append(lambda: i)
print([cb() for cb in callbacks])
callbacks = [(lambda j: lambda: j)(i) for i in range(3)]
print([cb() for cb in callbacks])

def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def slow_square(n):
    print("computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache.items()))

def read_before_assign():
    value = 1
    def show():
        return value
    value = 2
    return show()

print(read_before_assign())
print(make_counter.__name__, c1.__name__, c1 is not c2)

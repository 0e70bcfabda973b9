# Uncaught StopIteration from calling next() on an exhausted iterator outside a loop.
numbers = iter([1, 2])
print(next(numbers))
print(next(numbers))
print(next(numbers))

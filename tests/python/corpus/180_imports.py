# import forms: import x, import x as y, from x import y, from x import y as z, and module attributes.
import math
import math as m
from math import sqrt, floor as round_down
from collections import Counter, deque
import itertools, functools
from dataclasses import dataclass

print(math.sqrt(49), m.sqrt(49), sqrt(49), round_down(4.9), m is math)
print(Counter("aab").most_common(1), deque([1, 2]).pop())
print(list(itertools.islice(itertools.count(5), 3)), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(type(math).__name__, math.__name__, m.__name__, hasattr(math, "pi"))

def local_import():
    import random as rnd
    return type(rnd).__name__

print(local_import())
print(getattr(math, "tau") == 2 * math.pi, callable(math.floor))
try:
    import not_a_real_module
except ImportError as err:
    print(type(err).__name__, "->", err.name)
try:
    from math import not_a_function
except ImportError as err:
    print("ImportError raised for a missing name")
print(isinstance(ModuleNotFoundError("x"), ImportError))

@dataclass
class P:
    x: int

print(P(1))

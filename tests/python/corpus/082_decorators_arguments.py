# Decorators that take arguments, functools.wraps keeping metadata, and retry/repeat patterns.
import functools

def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def roll(sides=6):
    """Always returns the highest face."""
    return sides

print(roll(), roll(sides=20), roll.__name__, roll.__doc__)

def plain(func):
    def wrapper(*args):
        return func(*args)
    return wrapper

def kept(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper

@plain
def first():
    """First doc."""

@kept
def second():
    """Second doc."""

print(first.__name__, first.__doc__, second.__name__, second.__doc__)
print(second.__wrapped__.__name__, hasattr(first, "__wrapped__"))

def retry(attempts, exceptions=(ValueError,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args):
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args)
                except exceptions as err:
                    print(f"attempt {attempt} failed: {err}")
            return "gave up"
        return wrapper
    return decorate

state = {"calls": 0}

@retry(3)
def flaky():
    state["calls"] += 1
    if state["calls"] < 3:
        raise ValueError(f"not yet ({state['calls']})")
    return "success"

print(flaky())

@retry(2, exceptions=(KeyError, IndexError))
def always_fails():
    return [][1]

print(always_fails())

def tag(name, **attrs):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            attributes = "".join(f' {k}="{v}"' for k, v in attrs.items())
            return f"<{name}{attributes}>{func(*args, **kwargs)}</{name}>"
        return wrapper
    return decorate

@tag("p", cls="intro")
@tag("b")
def text(words):
    return words

print(text("hi"), text.__name__)

def validate(**types):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(**kwargs):
            for key, expected in types.items():
                if not isinstance(kwargs[key], expected):
                    raise TypeError(f"{key} must be {expected.__name__}")
            return func(**kwargs)
        return wrapper
    return decorate

@validate(n=int, label=str)
def show(n, label):
    return f"{label}:{n}"

print(show(n=3, label="x"))
try:
    show(n="3", label="x")
except TypeError as err:
    print("TypeError:", err)

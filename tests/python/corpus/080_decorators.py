# Decorators without arguments: wrapping, stacking order, counting calls, class decorators.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper

def trace(func):
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    return wrapper

@shout
def greet(name):
    return f"hello {name}"

print(greet("ada"), greet.__name__)

@trace
@shout
def farewell(name):
    return f"bye {name}"

farewell("bob")

def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(10), fib.calls)

registry = []
def register(func):
    registry.append(func.__name__)
    return func

@register
def alpha():
    return "a"

@register
def beta():
    return "b"

print(registry, alpha(), beta())

def order(label):
    print("decorating with", label)
    def decorate(func):
        def wrapper():
            return f"{label}({func()})"
        return wrapper
    return decorate

@order("outer")
@order("inner")
def core():
    return "core"

print(core())

def add_greeting(cls):
    cls.greeting = lambda self: f"I am {self.name}"
    return cls

@add_greeting
class Person:
    def __init__(self, name):
        self.name = name

print(Person("cy").greeting())
manual = shout(lambda: "manual")
print(manual())

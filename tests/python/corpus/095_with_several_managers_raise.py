# `with a, b:` whose body raises: each manager's __exit__ runs once, innermost first, and sees the error.
class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.swallow


try:
    with Manager("a") as first, Manager("b") as second:
        print("body", first, second)
        raise RuntimeError("inside")
except RuntimeError as err:
    print("caught", err)

with Manager("outer"), Manager("inner", swallow=True):
    raise ValueError("swallowed by inner")
print("after a swallowed error")

def nested():
    with Manager("x"):
        with Manager("y"), Manager("z"):
            return "returned"

print(nested())

# with statements: __enter__/__exit__ order, exceptions seen by __exit__, suppression, nesting.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"</{self.name}>", "error:" if exc_type else "", exc_type.__name__ if exc_type else "")
        return False

with Tag("html") as html:
    with Tag("body"):
        print("content of", html.name)

with Tag("a"), Tag("b") as b:
    print("inside both, b is", b.name)

class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("suppressed", exc_type.__name__, exc)
            return True
        return False

with Suppress(ZeroDivisionError, KeyError):
    print("before error")
    1 / 0
    print("never reached")
print("after suppressed block")

with Suppress(KeyError) as nothing:
    {}["missing"]
print("value bound by as:", nothing)

try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as err:
    print("escaped:", err)

try:
    with Tag("outer"):
        raise RuntimeError("boom")
except RuntimeError as err:
    print("caught", err)

def use_resource():
    with Tag("resource"):
        return "returned from inside with"
print(use_resource())

for i in range(3):
    with Tag(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)

class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *exc_info):
        self.exc_info = exc_info
        return None

with Timer() as t:
    pass
print(t.entered, t.exc_info)

class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self.log
    def __exit__(self, exc_type, exc, tb):
        self.log.append("rollback" if exc_type else "commit")

log = []
with Transaction(log) as entries:
    entries.append("work")
try:
    with Transaction(log):
        log.append("fail")
        raise KeyError("k")
except KeyError:
    pass
print(log)

# pickle's rules, which decide what can cross to another process: plain data and
# module-level functions and classes pickle (by name); lambdas, nested functions, locks,
# generators and modules do not, with CPython's exceptions and messages.
import pickle
import threading


def square(n):
    return n * n


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __reduce__(self):
        return (Temperature, (self.celsius + 0.5,))


class AppError(Exception):
    pass


def make_local():
    def local():
        pass
    return local


shared = [1, 2]
data = {"ints": (1, -2, 3 ** 50), "floats": [0.5, float("inf")], "text": "héllo",
        "bytes": b"\x00\xff", "set": {3, 4}, "frozen": frozenset("ab"), "none": None,
        "flags": (True, False), "range": range(2, 9, 3), "same": (shared, shared)}
back = pickle.loads(pickle.dumps(data))
print(back == data, back["same"][0] is back["same"][1], back["ints"][2] == 3 ** 50)
print(type(pickle.dumps(data)).__name__)

cycle = [1]
cycle.append(cycle)
again = pickle.loads(pickle.dumps(cycle))
print(again[1] is again, again[0])

print(pickle.loads(pickle.dumps(square))(9), pickle.loads(pickle.dumps(square)) is square)
print(pickle.loads(pickle.dumps(Point)) is Point, pickle.loads(pickle.dumps(len)) is len)
p = pickle.loads(pickle.dumps(Point(1, [2, 3])))
print(p, type(p).__name__, p.y)
print(pickle.loads(pickle.dumps(Temperature(20))).celsius)
err = pickle.loads(pickle.dumps(AppError("bad", 7)))
print(type(err).__name__, err.args, isinstance(err, AppError))
bound = pickle.loads(pickle.dumps(Point(5, 6).__repr__))
print(bound())

refused = [lambda n: n, make_local(), threading.Lock(), threading.RLock(),
           (n for n in range(3)), pickle, threading.Event(), [1, threading.Lock()]]
for value in refused:
    try:
        pickle.dumps(value)
        print("pickled?!", value)
    except Exception as err:
        print(type(err).__name__, "|", str(err).split(" at 0x")[0])
try:
    pickle.loads(b"\x08\x01")
except pickle.UnpicklingError as err:
    print("UnpicklingError raised")
print(issubclass(pickle.PicklingError, pickle.PickleError), pickle.PicklingError.__module__)

# type, isinstance/issubclass with tuples, id, hash of ints and tuples, callable, getattr family.
class Animal:
    sound = "..."
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    pass
rex = Dog()
print(type(rex).__name__, type(rex) is Dog, type(rex) == Animal, isinstance(rex, Animal))
print(isinstance(rex, (Cat, Dog)), isinstance(3, (str, float)), isinstance(True, int), isinstance(None, object))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (Cat, Animal)), issubclass(bool, (int,)))
print(issubclass(Dog, object), isinstance(Dog, type), type(Dog).__name__, type(type).__name__)
print(type(3)(7.9), type("x")(5), type([])("ab"), type(3.5) is float)
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(hash(42), hash(-7), hash(0), hash(True), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0), hash(3.5) == hash(3.5))
print(callable(len), callable(Dog), callable(rex), callable(lambda: 0), callable("str"))
print(getattr(rex, "sound"), getattr(rex, "missing", "fallback"), hasattr(rex, "sound"), hasattr(rex, "bark"))
setattr(rex, "name", "Rex")
print(rex.name, getattr(rex, "name"), Cat().sound, getattr(Cat, "sound"))
delattr(rex, "name")
print(hasattr(rex, "name"))
try:
    getattr(rex, "missing")
except AttributeError as err:
    print("AttributeError:", err)
print(type(None).__name__, type(print).__name__, type(len) is type(print), type(Ellipsis).__name__)
kinds = [1, 1.5, "s", [1], (1,), {1: 1}, {1}, None, True, b"b", range(1), Dog]
print([type(k).__name__ for k in kinds])
print(isinstance(1.5, (int, float)), isinstance([], (list, tuple)), not isinstance({}, list))
print(hash((1, 2)), hash((-1, 0, 2 ** 70)), hash(()))
print(chr(ord("a") + 1), ord("€"), chr(8364), [ord(c) for c in "AZaz09"])
print(repr(repr("x")), str(str), int.__name__, callable(int))

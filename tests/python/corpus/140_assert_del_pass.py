# assert with and without messages, del of names, items, slices and attributes, and pass.
def mean(values):
    assert len(values) > 0, "mean of an empty list"
    return sum(values) / len(values)

print(mean([1, 2, 3]))
try:
    mean([])
except AssertionError as err:
    print("AssertionError:", err)
assert True
assert 1, "never shown"
try:
    assert [] , f"empty list is falsy ({len([])} items)"
except AssertionError as err:
    print("AssertionError:", err)

x = 10
del x
try:
    print(x)
except NameError as err:
    print("NameError:", err)

items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[-1]
del items[1:3]
print(items)
data = {"a": 1, "b": 2, "c": 3}
del data["b"]
print(data)
try:
    del data["zzz"]
except KeyError as err:
    print("KeyError:", err)

class Thing:
    def __init__(self):
        self.a = 1
        self.b = 2

t = Thing()
del t.a
print(hasattr(t, "a"), t.b)
try:
    del t.a
except AttributeError as err:
    print("AttributeError:", err)

a, b, c = 1, 2, 3
del a, b
try:
    print(c, a)
except NameError as err:
    print(c, "NameError:", err)

def uses_del():
    local = [1]
    alias = local
    del local
    return alias

print(uses_del())
for i in range(3):
    pass
print("loop variable survives:", i)
while False:
    pass
class Placeholder:
    pass
def todo():
    ...
print(todo(), Placeholder)

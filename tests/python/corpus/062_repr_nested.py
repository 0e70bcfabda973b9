# repr and str of nested containers, strings inside containers, and recursive structures.
data = {"name": "ada", "tags": ["x", "y"], "pos": (1, 2.5), "ok": True, "none": None}
print(data)
print(str(data) == repr(data), [data["name"]], [[], [[]], {}, ()])
print(["it's", 'say "hi"', "both ' \""], ("tab\t",), {"key\n": "v"})
print([1.0, 0.1, -0.0, 1e16, float("inf")], (1,), ((),), [(1, [2, {3: (4,)}])])
loop = [1, 2]
loop.append(loop)
print(loop, len(loop), loop[2] is loop)
d = {"self": None}
d["self"] = d
print(d)
a = [1]
b = [a, a]
print(b, b[0] is b[1])
outer = [[1, 2], [3, [4, [5, [6]]]]]
print(outer, repr(outer) == str(outer))
print(repr(""), repr([""]), repr(["a" * 3]), str(["x"]), str("x"))
print({1: {2: {3: {}}}}, [None, True, False], (None,))
class Plain:
    pass
print(type(Plain()).__name__, repr(Plain).startswith("<class '"), Plain.__name__)
class WithRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"WithRepr({self.v!r})"
print([WithRepr(1), WithRepr("s")], {"k": WithRepr([1])}, (WithRepr(None),))
print(str(WithRepr(2)), f"{WithRepr(3)}", "%s %r" % (WithRepr(4), WithRepr(5)))
print(range(5), range(1, 10, 2), repr(range(0)), list(range(10, 0, -3)))
print(print, len, type(print).__name__)

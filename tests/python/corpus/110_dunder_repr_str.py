# __repr__ versus __str__: which one print, str, repr, f-strings and containers use.
class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

m = Money(12.5)
print(m)
print(str(m), repr(m))
print(f"{m} {m!r} {m!s}")
print([m, Money(3, "USD")])
print({"price": m}, (m,))
print("%s / %r" % (m, m))
print("{} / {!r}".format(m, m))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

class OnlyStr:
    def __str__(self):
        return "only str"

o = OnlyRepr()
print(o, str(o), [o])
s = OnlyStr()
print(s, str(s), repr(s).startswith("<__main__.OnlyStr object at 0x"), repr([s])[:20])

class Plain:
    pass

text = repr(Plain())
print(text.startswith("<__main__.Plain object at 0x"), text.endswith(">"), str(Plain())[:15])

class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        if not self.children:
            return f"Node({self.value})"
        return f"Node({self.value}, {self.children})"

tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)

class BadRepr:
    def __repr__(self):
        return 42

try:
    repr(BadRepr())
except TypeError as err:
    print("TypeError:", err)

class Fraction:
    def __init__(self, num, den):
        self.num, self.den = num, den
    def __str__(self):
        return f"{self.num}/{self.den}"
    def __format__(self, spec):
        return format(str(self), spec)

print(f"[{Fraction(1, 3):>6}]", format(Fraction(2, 5), "<5") + "|")

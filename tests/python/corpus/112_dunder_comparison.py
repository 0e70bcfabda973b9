# __eq__, __lt__ and friends: sorting custom objects, reflected comparisons, NotImplemented.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

versions = [Version("1.10.0"), Version("1.2.3"), Version("1.2"), Version("0.9.9")]
print(sorted(versions), max(versions), min(versions))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"), Version("1.0") == "1.0")
print(Version("2.0") > Version("1.9"), Version("1.0") < Version("1.0.1"))
print(sorted(versions, reverse=True)[0], Version("1.2") in versions)

class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __eq__(self, other):
        return self.rank == other.rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __le__(self, other):
        return self < other or self == other
    def __gt__(self, other):
        return other < self
    def __ge__(self, other):
        return other <= self
    def __repr__(self):
        return self.rank

hand = [Card(r) for r in "KT2A9"]
print(sorted(hand), Card("Q") >= Card("J"), Card("2") <= Card("2"), Card("3") > Card("4"))

class Plain:
    pass

a, b = Plain(), Plain()
print(a == a, a == b, a != b)
try:
    print(a < b)
except TypeError as err:
    print("TypeError:", err)

class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print(f"Loud.__eq__({self.n}, {other!r})")
        return isinstance(other, Loud) and self.n == other.n
    def __repr__(self):
        return f"Loud({self.n})"

print(Loud(1) == Loud(1))
print(Loud(2) in [Loud(1), Loud(2), Loud(3)])
print(1 == Loud(1))

# Classes: __init__, instance and class attributes, methods, and how attribute lookup works.
class Account:
    bank = "Threadline Bank"
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self

    def summary(self):
        return f"{self.owner}: {self.balance} at {self.bank}"

a = Account("ada", 100)
b = Account("bob")
a.deposit(50).withdraw(30)
b.deposit(10)
print(a.summary())
print(b.summary())
print(Account.count, a.count, b.bank)
try:
    b.withdraw(100)
except ValueError as err:
    print("ValueError:", err)
a.bank = "Private Bank"
print(a.bank, b.bank, Account.bank)
Account.bank = "Renamed Bank"
print(a.bank, b.bank)
del a.bank
print(a.bank)
print(Account.deposit(b, 5).balance, b.balance)
method = a.summary
print(method())
a.nickname = "A"
print(a.nickname, hasattr(b, "nickname"))

class Shared:
    items = []
    def add(self, item):
        self.items.append(item)

s1, s2 = Shared(), Shared()
s1.add("x")
print(s2.items, Shared.items is s1.items)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def distance_to(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

p = Point(0, 0).moved(3, 4)
print(p.x, p.y, p.distance_to(Point(0, 0)), isinstance(p, Point))
print(type(p).__name__, Point.__name__, p.__class__ is Point)
print(getattr(p, "x"), hasattr(p, "z"), Point(1, 2) == Point(1, 2))

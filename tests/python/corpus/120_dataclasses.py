# dataclasses: generated __init__, __repr__ and __eq__, defaults, default_factory, methods.
from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(3)
q = Point(3, 0)
print(p, q, p == q, p is q, Point(1, 2) == Point(2, 1))
p.x = 10
print(p, p.x, p.y)
print(Point(y=5, x=1), Point(*[7, 8]))

@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    count: int = 0

a = Inventory("ada")
b = Inventory("bob")
a.items.append("sword")
a.tags["rare"] = True
print(a)
print(b, a.items is b.items)

@dataclass
class Employee:
    name: str
    salary: float
    department: str = "general"

    def raise_salary(self, percent):
        self.salary = round(self.salary * (1 + percent / 100), 2)
        return self

    @property
    def label(self):
        return f"{self.name} ({self.department})"

staff = [Employee("ada", 5000.0, "research"), Employee("bob", 4200.5), Employee("cy", 6100.0, "ops")]
staff[1].raise_salary(10)
for e in sorted(staff, key=lambda e: e.salary, reverse=True):
    print(e.label, e.salary)
print(staff[1])

try:
    Point()
except TypeError as err:
    print("TypeError:", err)
@dataclass
class Order:
    customer: str
    lines: list = field(default_factory=list)

    def total(self):
        return sum(qty * price for qty, price in self.lines)

order = Order("cy", [(2, 1.5), (1, 4.25)])
order.lines.append((3, 0.5))
print(order, order.total(), Order("cy") == Order("cy", []), Order("cy") != Order("di"))

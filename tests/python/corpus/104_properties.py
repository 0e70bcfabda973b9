# @property with getter, setter and deleter; computed attributes and validation.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as err:
    print("ValueError:", err)
print(t.celsius)

class Circle:
    def __init__(self, radius):
        self.radius = radius

    @property
    def area(self):
        print("computing area")
        return round(3.14159 * self.radius ** 2, 2)

c = Circle(2)
print(c.area, c.area)
try:
    c.area = 10
except AttributeError as err:
    print("AttributeError:", err)

class Person:
    def __init__(self, first, last):
        self.first, self.last = first, last

    @property
    def full_name(self):
        return f"{self.first} {self.last}"

    @full_name.setter
    def full_name(self, value):
        self.first, self.last = value.split(" ", 1)

    @full_name.deleter
    def full_name(self):
        print("deleting name")
        self.first = self.last = None

p = Person("Ada", "Lovelace")
print(p.full_name)
p.full_name = "Grace Brewster Hopper"
print(p.first, "|", p.last)
del p.full_name
print(p.first, p.last)
print(type(Person.full_name).__name__, isinstance(Person.full_name, property))

class Inventory:
    def __init__(self):
        self._items = []
    @property
    def count(self):
        return len(self._items)
    def add(self, item):
        self._items.append(item)

inv = Inventory()
inv.add("x")
inv.add("y")
print(inv.count)

# @staticmethod and @classmethod: alternative constructors, counters, and inheritance of both.
class Date:
    created = 0

    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
        Date.created += 1

    @classmethod
    def from_string(cls, text):
        year, month, day = map(int, text.split("-"))
        return cls(year, month, day)

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.created}"

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"

class BirthDate(Date):
    pass

d = Date.from_string("2024-02-29")
b = BirthDate.from_string("1815-12-10")
print(d, b, type(b).__name__)
print(Date.how_many(), BirthDate.how_many(), d.how_many())
print(Date.is_leap(2024), Date.is_leap(1900), d.is_leap(2000), BirthDate.is_leap(2023))
print([y for y in range(1896, 1913) if Date.is_leap(y)])

class Registry:
    _plugins = {}

    @classmethod
    def register(cls, name):
        def decorate(plugin):
            cls._plugins[name] = plugin
            return plugin
        return decorate

    @classmethod
    def run(cls, name, *args):
        return cls._plugins[name](*args)

@Registry.register("double")
def double(x):
    return 2 * x

@Registry.register("greet")
def greet(name):
    return f"hi {name}"

print(Registry.run("double", 21), Registry.run("greet", "ada"), sorted(Registry._plugins))

class MathUtil:
    @staticmethod
    def clamp(value, low, high):
        return max(low, min(value, high))

print(MathUtil.clamp(15, 0, 10), MathUtil().clamp(-5, 0, 10), MathUtil.clamp(5, 0, 10))
print(Date.from_string("2000-01-01").year, Date.created)

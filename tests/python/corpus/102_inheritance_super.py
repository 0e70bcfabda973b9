# Single inheritance, overriding, super() in __init__ and in methods, and isinstance checks.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height

class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"

class Circle(Shape):
    def __init__(self, radius):
        Shape.__init__(self, "circle")
        self.radius = radius

    def area(self):
        return 3.14159 * self.radius ** 2

shapes = [Rectangle(2, 3), Square(4), Circle(1), Shape("blob")]
for shape in shapes:
    print(shape.describe())
print(isinstance(shapes[1], Rectangle), isinstance(shapes[1], Shape), isinstance(shapes[0], Square))
print(issubclass(Square, Shape), type(shapes[1]).__name__)

class Base:
    def hello(self):
        return "base hello"
    def chain(self):
        return ["Base"]

class Middle(Base):
    def chain(self):
        return ["Middle"] + super().chain()

class Leaf(Middle):
    def hello(self):
        return "leaf and " + super().hello()
    def chain(self):
        return ["Leaf"] + super().chain()

leaf = Leaf()
print(leaf.hello(), leaf.chain(), Middle().hello())

class Counter:
    def __init__(self):
        self.value = 0
    def increment(self):
        self.value += 1
        return self.value

class LoudCounter(Counter):
    def increment(self):
        value = super().increment()
        print("now", value)
        return value

lc = LoudCounter()
lc.increment()
lc.increment()
print(lc.value)

class Animal:
    def speak(self):
        raise NotImplementedError(f"{type(self).__name__} must implement speak")

class Dog(Animal):
    def speak(self):
        return "woof"

class Fish(Animal):
    pass

for animal in (Dog(), Fish()):
    try:
        print(animal.speak())
    except NotImplementedError as err:
        print("NotImplementedError:", err)

class MyList(list):
    def total(self):
        return sum(self)

ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list))

class MyError(ValueError):
    pass
print(issubclass(MyError, Exception), MyError("x").args)

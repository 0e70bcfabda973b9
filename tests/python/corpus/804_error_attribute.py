# Uncaught AttributeError on an instance of a user class.
class Foo:
    def __init__(self):
        self.count = 1

foo = Foo()
print("count is", foo.count)
print(foo.bar)

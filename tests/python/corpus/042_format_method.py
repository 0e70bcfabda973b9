# str.format and format(): positional, keyword, indexed, attribute fields and the spec mini-language.
print("{} {} {}".format(1, "two", 3.0))
print("{2} {1} {0}".format("a", "b", "c"), "{0}{0}{0}".format("ab"))
print("{x} and {y}".format(x=10, y=20), "{0} {name}".format("pos", name="kw"))
point = {"x": 3, "y": 4}
print("({x}, {y})".format(**point), "{p[x]}-{p[y]}".format(p=point))

class Pet:
    def __init__(self, kind, name):
        self.kind = kind
        self.name = name

pet = Pet("cat", "Tom")
print("{0.name} the {0.kind}".format(pet), "{p.name!r}".format(p=pet))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:,} {:x} {:%}".format(3.14159, 10 ** 9, 48879, 0.125))
print(format(3.14159, ".3f"), format(1234567, ","), format("s", ">4"), format(42))
print(format(0.5, "%"), format(255, "b"), format(-17, "+05d"), format(1e-10, ".1e"))
print("{!r} {!s}".format("hi", "hi"), "{:5}|{:5}|".format("ab", 12))
print("{:.3}".format("truncated"), "{:10.3}|".format("truncated"))
print("{:{fill}{align}{width}}".format("dyn", fill="#", align="^", width=9))
template = "{name:<10}{score:>6.1f}"
for name, score in [("ada", 97.25), ("grace", 88.0), ("linus", 71.5)]:
    print(template.format(name=name, score=score))
print("{{}} {}".format("braces"), "{:c}".format(65))
print("{0:>{1}}".format("w", 5), "{:d}".format(True), "{:.2f}".format(2))
try:
    "{:d}".format(2.5)
except ValueError as err:
    print("ValueError:", err)
try:
    "{} {}".format("only one")
except IndexError as err:
    print("IndexError:", err)
try:
    "{missing}".format(present=1)
except KeyError as err:
    print("KeyError:", err)

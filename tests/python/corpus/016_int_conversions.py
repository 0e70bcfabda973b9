# Converting to and from int: bases, bin/hex/oct, str and float, bool.
print(int("12"), int("-12"), int("+7"), int("0012"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("1010", 2))
print(int("z", 36), int("0b101", 0), int("0o17", 0), int("0x1A", 0), int("1_000"))
print(bin(10), hex(255), oct(8), bin(-5), hex(-255))
print(bin(0), hex(0), oct(0))
print(str(123), repr(-45), float(3), int(3.99), int(-3.99))
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None))
print(float("3.25"), float("  -1e3 "), float("inf"), float("-inf"), float("nan"))
print(chr(65), ord("A"), chr(0x263A), ord("\u00e9"), chr(97 + 25))
print(int(True) + int(False), True == 1, False == 0, True is True, None is None)
print(format(255, "x"), format(255, "#x"), format(255, "08b"), format(10, "o"))
print("%d %i %x %X %o" % (42, 42, 255, 255, 8))
values = ["10", "0x10", "010", "ten"]
for text in values:
    try:
        print(text, "->", int(text))
    except ValueError as err:
        print(text, "->", "ValueError:", err)
try:
    int("12", 1)
except ValueError as err:
    print("base 1:", err)
try:
    int(1.5e300 * 1e300)
except OverflowError as err:
    print("OverflowError:", err)
try:
    int(float("nan"))
except ValueError as err:
    print("ValueError:", err)
print(int.__name__, isinstance(True, int), issubclass(bool, int))

# Integer arithmetic: floor division and modulo with negatives, powers, divmod, banker's round.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, divmod = {divmod(a, b)}")
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(2 ** 10, 2 ** -1, 2 ** -2, (-2) ** 3, -2 ** 2, 10 ** 0)
print(type(2 ** -1).__name__, 0 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
print(abs(-5), abs(5), -(-5), +3)
for value in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675]:
    print(f"round({value}) = {round(value)}", end="; ")
print()
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(3.14159, 2), round(2.5), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3, -16 >> 2)
print(True + True, True * 10, False - 1)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 100
print("augmented:", x)
y = 17
y <<= 2
y |= 1
y &= 0xFF
y ^= 0b1010
y >>= 1
print("bitwise augmented:", y)
print(divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
print(-17 % 5, 17 % -5, -17.5 % 5)
print(int(7.9), int(-7.9), int(True), int("  42  "), int("-0"))

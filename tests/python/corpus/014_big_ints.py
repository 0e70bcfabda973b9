# Integers never overflow: factorials, big powers, and mixing big and small values.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(factorial(30))
print(factorial(52))
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
big = 2 ** 100
print(big, big + 1, big * big)
print(big // 3, big % 1000007, divmod(big, 10 ** 12))
print(-big // 7, -big % 7)
print(len(str(2 ** 1000)), sum(int(d) for d in str(2 ** 1000)))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(3 ** 200 == 3 ** 100 * 3 ** 100)
print(big > 10 ** 30, big < 10 ** 31, big == 1267650600228229401496703205376)
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 40))
print(int("123456789012345678901234567890") * 2)
print((10 ** 20) / (10 ** 10), float(2 ** 60))
print(abs(-(10 ** 25)), pow(7, 100, 13), pow(2, 200) % 1000)
print((1 << 100) >> 98, (2 ** 80) & 0xFFFF, (2 ** 80) | 1)
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1])
print(hash(12345) == 12345, hash(-1) == hash(-2))
print(sorted([2 ** 70, -(2 ** 70), 0, 5]))

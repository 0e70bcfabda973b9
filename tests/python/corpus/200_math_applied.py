# math in small applied programs: compound interest, distances, primes, statistics by hand.
import math

principal, rate, years = 1000.0, 0.05, 10
amount = principal * (1 + rate) ** years
print(f"compound: {amount:.2f}, continuous: {principal * math.exp(rate * years):.2f}")
cities = {"A": (0.0, 0.0), "B": (3.0, 4.0), "C": (-1.0, 7.5)}
for name, (x, y) in cities.items():
    print(name, round(math.hypot(x, y), 3), round(math.degrees(math.atan2(y, x)), 1))
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
print([n for n in range(60) if is_prime(n)], is_prime(7919), is_prime(7917))
data = [2.5, 3.5, 4.0, 5.5, 9.0, 1.5]
mean = sum(data) / len(data)
variance = sum((v - mean) ** 2 for v in data) / (len(data) - 1)
ordered = sorted(data)
middle = len(ordered) // 2
median = (ordered[middle - 1] + ordered[middle]) / 2
print(f"mean={mean:.4f} var={variance:.4f} sd={math.sqrt(variance):.4f} median={median}")
print(math.gcd(1071, 462), math.lcm(21, 6), math.comb(52, 5), math.factorial(12) // math.factorial(10))
def quadratic(a, b, c):
    disc = b * b - 4 * a * c
    if disc < 0:
        return ()
    root = math.sqrt(disc)
    return tuple(sorted({(-b - root) / (2 * a), (-b + root) / (2 * a)}))
print(quadratic(1, -3, 2), quadratic(1, 2, 1), quadratic(1, 0, 1))
angles = [0, 30, 45, 60, 90]
print([round(math.sin(math.radians(a)), 4) for a in angles])
print(math.floor(-3.5), math.ceil(-3.5), round(-3.5), int(-3.5), -7 // 2)
print(sum(1 / math.factorial(k) for k in range(15)), math.e)
print(math.pi * 2 == math.tau, math.inf > 1e308, math.isnan(math.inf - math.inf))

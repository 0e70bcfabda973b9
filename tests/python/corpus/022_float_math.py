# The math module: constants, rounding functions, roots, logs, trig, and float helpers.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.fabs(-3), math.copysign(3, -0.0))
print(math.pow(2, 10), math.exp(0), math.exp(1) == math.e)
print(math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(round(math.tan(math.pi / 4), 12), math.atan2(1, 1) == math.pi / 4)
print(math.degrees(math.pi), math.radians(180) == math.pi, math.hypot(3, 4))
print(math.factorial(20), math.factorial(25), math.gcd(48, 36), math.gcd(0, 5))
print(math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fmod(-7, 3), -7 % 3)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.dist((0, 0), (3, 4)), math.floor(-0.5), math.ceil(-0.5))
try:
    math.sqrt(-1)
except ValueError as err:
    print("ValueError:", err)
try:
    math.log(0)
except ValueError as err:
    print("ValueError:", err)
try:
    math.factorial(-1)
except ValueError as err:
    print("ValueError:", err)
from math import sqrt, pi as PI
print(sqrt(81), PI == math.pi)
area = [round(PI * r * r, 3) for r in range(1, 5)]
print(area)

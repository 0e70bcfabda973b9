# Number puzzles: sieve of Eratosthenes, perfect numbers, digit sums, base conversion, gcd by hand.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, flag in enumerate(is_prime) if flag]

primes = sieve(200)
print(len(primes), primes[:10], primes[-3:])
print("twin primes:", [(p, p + 2) for p in primes if p + 2 in primes][:6])

def divisors(n):
    return [d for d in range(1, n) if n % d == 0]

print("perfect:", [n for n in range(2, 1000) if sum(divisors(n)) == n])

def digit_sum(n):
    total = 0
    while n:
        n, digit = divmod(n, 10)
        total += digit
    return total

print(digit_sum(9875), digit_sum(2 ** 100), sum(map(int, str(2 ** 100))))

def to_base(n, base):
    digits = "0123456789ABCDEF"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, base)
        out = digits[r] + out
    return sign + out

print(to_base(255, 2), to_base(255, 16), to_base(-42, 7), to_base(0, 3), int(to_base(12345, 13), 13))

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

print(gcd(1071, 462), gcd(17, 5), gcd(0, 9), [gcd(12, n) for n in range(1, 13)])
armstrong = [n for n in range(100, 1000) if sum(int(d) ** 3 for d in str(n)) == n]
print("armstrong:", armstrong)
happy = []
for start in range(1, 50):
    n, seen = start, set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(d) ** 2 for d in str(n))
    if n == 1:
        happy.append(start)
print("happy:", happy)

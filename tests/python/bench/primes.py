# Benchmark: count the primes below N by trial division, with while loops only.
N = 800_000


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    divisor = 3
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 2
    return True


count = 0
candidate = 0
while candidate < N:
    if is_prime(candidate):
        count += 1
    candidate += 1
print(f"primes below {N}: {count}")

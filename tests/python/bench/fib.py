# Benchmark: naive recursive Fibonacci, dominated by the cost of calls.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


N = 35
print(f"fib({N}) = {fib(N)}")

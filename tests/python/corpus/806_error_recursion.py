# Uncaught RecursionError from recursion without a base case.
def countdown(n):
    return countdown(n - 1)

print("starting")
countdown(10)

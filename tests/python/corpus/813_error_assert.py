# Uncaught AssertionError with a message.
def check_sorted(items):
    assert items == sorted(items), f"not sorted: {items}"
    print("sorted:", items)

check_sorted([1, 2, 3])
check_sorted([3, 1, 2])

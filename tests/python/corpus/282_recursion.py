# Recursion: towers of Hanoi, memoised paths, mutual recursion, nested data walks, power sets.
def hanoi(n, source, target, spare, moves):
    if n == 0:
        return moves
    hanoi(n - 1, source, spare, target, moves)
    moves.append(f"{source}->{target}")
    hanoi(n - 1, spare, target, source, moves)
    return moves

moves = hanoi(3, "A", "C", "B", [])
print(len(moves), " ".join(moves))
print(len(hanoi(10, "A", "C", "B", [])))

def grid_paths(rows, cols, memo=None):
    if memo is None:
        memo = {}
    if rows == 1 or cols == 1:
        return 1
    if (rows, cols) not in memo:
        memo[rows, cols] = grid_paths(rows - 1, cols, memo) + grid_paths(rows, cols - 1, memo)
    return memo[rows, cols]

print(grid_paths(3, 3), grid_paths(18, 18))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(99))

def depth(data):
    if isinstance(data, dict):
        return 1 + max((depth(v) for v in data.values()), default=0)
    if isinstance(data, (list, tuple)):
        return 1 + max((depth(v) for v in data), default=0)
    return 0

print(depth({"a": [1, {"b": (2, [3])}], "c": 4}), depth([]), depth(5))

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + subset for subset in rest]

print(sorted(power_set([1, 2, 3]), key=lambda s: (len(s), s)))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print([ackermann(2, n) for n in range(4)], ackermann(2, 3))

def binary_search(items, target, low=0, high=None):
    if high is None:
        high = len(items) - 1
    if low > high:
        return -1
    mid = (low + high) // 2
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return binary_search(items, target, mid + 1, high)
    return binary_search(items, target, low, mid - 1)

data = list(range(0, 100, 3))
print(binary_search(data, 27), binary_search(data, 28), binary_search(data, 0), binary_search(data, 99))

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(900))

# sum, min, max (with key and default), any, all, abs, round, divmod, pow, len on many types.
nums = [3, -7, 12, 0, 5]
print(sum(nums), sum(nums, 100), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(1, 11)))
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs), min(4, 2, 8), max("abc", "b"))
print(min([], default=None), max([], default=0), min([5], default=1), max((x for x in []), default="none"))
print(max([("a", 3), ("b", 9), ("c", 9)], key=lambda t: t[1]), min({"x": 5, "y": 1}.items(), key=lambda kv: kv[1]))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(n > 10 for n in nums), all(n > -10 for n in nums), any("xyz"), all(""))
print(abs(-3), abs(-2.5), abs(0), round(2.567, 1), round(-2.5), divmod(20, 6), pow(2, 8))
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(0, 10, 3)), len(b"xy"))
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
print(len(Box([1, 2, 3])), bool(Box([])), bool(Box([0])))
scores = {"ada": [90, 85], "bob": [70, 95, 80], "cy": []}
for name, marks in scores.items():
    average = sum(marks) / len(marks) if marks else 0
    print(f"{name}: best={max(marks, default='-')} avg={average:.1f}")
print(sum(1 for c in "hello world" if c in "aeiou"), sum(x * x for x in range(4)))
print(max(1, 2.5), min(-1, -1.0), max([1, 2], [1, 3]), min("apple", "Apple"))
print(sorted(nums, key=abs)[-1], sum(map(int, "12345")), all(map(str.isupper, "ABC")))
for bad in [lambda: sum(["a", "b"]), lambda: max(), lambda: min(1), lambda: len(5), lambda: abs("x")]:
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)

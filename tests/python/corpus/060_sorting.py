# Sorting: sorted vs sort, key functions, reverse, stability, multi-key sorts, min/max with key.
people = [("ada", 36, "london"), ("bob", 25, "paris"), ("cy", 36, "berlin"),
          ("di", 25, "london"), ("eve", 41, "paris")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1])))
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print([p[0] for p in by_age_then_city])
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums, sorted(nums) == nums[::-1])
print(sorted("Threadline"), sorted({3: "c", 1: "a", 2: "b"}), sorted((2.5, 1, 3)))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a")]))
scores = {"ada": 90, "bob": 75, "cy": 90, "di": 60}
ranking = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
for place, (name, score) in enumerate(ranking, start=1):
    print(place, name, score)
print(min(scores, key=scores.get), max(scores, key=scores.get), max(scores.values()))
print(min(words, key=len), max(words, key=len), min([], default="empty"))
print(max([3, 1, 3], key=lambda x: x), max(1, 5, 3), min("b", "a", "c"))
stable = sorted([("x", 2), ("y", 1), ("z", 2), ("w", 1)], key=lambda t: t[1])
print(stable)
try:
    sorted([1, "a", 2])
except TypeError as err:
    print("TypeError:", err)
try:
    max([])
except ValueError as err:
    print("ValueError:", err)
data = [3, 1, 2]
result = data.sort()
print(result, data, sorted(data, reverse=True), list(reversed(data)))
print(sorted([True, False, True]), sorted([0.5, -1, 2, 1.5]))

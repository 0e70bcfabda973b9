# itertools combinatorics: product (with repeat), permutations and combinations.
from itertools import product, permutations, combinations

print(list(product("ab", [1, 2])), len(list(product(range(3), repeat=3))))
print(["".join(p) for p in product("01", repeat=3)])
print(list(permutations([1, 2, 3])), len(list(permutations(range(5), 2))))
print(["".join(p) for p in permutations("abc", 2)])
print(list(combinations("abcd", 2)), list(combinations(range(5), 4)), list(combinations([1], 2)))
coins = [1, 2, 5, 1, 2]
ways = sorted({combo for r in range(1, 5) for combo in combinations(sorted(coins), r) if sum(combo) == 6})
print(ways, len(list(combinations(range(10), 3))))
items = {"tent": (10, 60), "stove": (4, 40), "food": (6, 50), "book": (1, 5)}
best = max((c for r in range(len(items) + 1) for c in combinations(items, r)
            if sum(items[i][0] for i in c) <= 15),
           key=lambda c: sum(items[i][1] for i in c))
print(sorted(best), sum(items[i][1] for i in best))
print(sum(1 for a, b, c in product(range(1, 7), repeat=3) if a + b + c == 10))
word = "stop"
anagrams = sorted({"".join(p) for p in permutations(word)})
print(len(anagrams), anagrams[:5])
grid = [(x, y) for x, y in product(range(3), range(3)) if x != y]
print(grid)

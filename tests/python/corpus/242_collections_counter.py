# collections.Counter: counting, most_common, arithmetic, update/subtract, and missing keys.
from collections import Counter

text = "the cat and the hat and the bat"
words = Counter(text.split())
print(words)
print(words["the"], words["dog"], words.most_common(2), words.most_common()[-1])
letters = Counter(c for c in text if c != " ")
print(letters.most_common(3), sum(letters.values()), len(letters))
inventory = Counter(apples=3, pears=1)
inventory.update(["apples", "kiwis"])
inventory.update({"pears": 4})
print(inventory)
inventory.subtract({"apples": 5})
print(inventory, +inventory)
a = Counter("aabbbc")
b = Counter("abd")
print(a + b, a - b)
print(sorted(a.elements()), list(Counter("xyzzy").keys()), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}))
votes = ["red", "blue", "red", "green", "blue", "red"]
winner, count = Counter(votes).most_common(1)[0]
print(f"{winner} wins with {count} votes")
print(Counter("mississippi").most_common(), Counter().most_common(), Counter("ab").total())
c = Counter()
for n in [3, 1, 3, 3, 2, 1]:
    c[n] += 1
print(c, dict(c), max(c, key=c.get))
del c[3]
print(c, isinstance(c, dict))

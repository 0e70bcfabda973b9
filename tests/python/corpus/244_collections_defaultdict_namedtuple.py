# collections.defaultdict (list, int, set, lambda factories) and namedtuple basics.
from collections import defaultdict, namedtuple

groups = defaultdict(list)
for name, team in [("ada", "red"), ("bob", "blue"), ("cy", "red"), ("di", "green")]:
    groups[team].append(name)
print(groups)
print(dict(groups), groups["purple"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
tags = defaultdict(set)
tags["post1"].add(1)
tags["post1"].add(1)
tags["post2"].add(2)
print({k: sorted(v) for k, v in tags.items()})
nested = defaultdict(lambda: defaultdict(int))
nested["2024"]["jan"] += 5
nested["2024"]["feb"] += 3
nested["2025"]["jan"] += 1
print({year: dict(months) for year, months in nested.items()})
default_name = defaultdict(lambda: "unknown", {"a": "alpha"})
print(default_name["a"], default_name["z"], "z" in default_name, default_name.get("y"))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as err:
    print("KeyError without a factory:", err)
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p == (3, 4), tuple(p), len(p))
x, y = p
print(x + y, p._asdict(), p._replace(y=10), Point._fields)
Card = namedtuple("Card", "rank suit")
hand = [Card("Q", "hearts"), Card("2", "spades"), Card("A", "clubs")]
print(sorted(hand, key=lambda c: c.suit)[0], hand[0].rank)
try:
    p.x = 5
except AttributeError as err:
    print("AttributeError:", err)
print(isinstance(p, tuple), Point(y=1, x=2))

# dict methods and behaviour: insertion order, get, setdefault, pop, update, merge, views.
stock = {"apples": 3, "pears": 0}
stock["kiwis"] = 7
stock["apples"] += 2
print(stock, len(stock), stock["kiwis"], "pears" in stock, "figs" in stock)
print(stock.get("figs"), stock.get("figs", 0), stock.get("apples", 0))
print(stock.setdefault("figs", 10), stock.setdefault("apples", 100), stock)
print(stock.pop("pears"), stock.pop("missing", "default"), stock)
print(stock.popitem(), stock)
stock.update({"apples": 1, "limes": 4})
stock.update(melons=2)
print(stock)
print(list(stock.keys()), list(stock.values()), list(stock.items()))
for fruit, count in stock.items():
    print(f"{fruit}: {count}", end="; ")
print()
keys = stock.keys()
stock["new"] = 0
print(keys, len(keys))
del stock["new"]
print(stock, dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
merged |= {"d": 5}
print(merged, {**merged, "a": 0})
print({1: "int", 1.0: "float", True: "bool"})
order = {}
order["z"] = 1
order["a"] = 2
order["m"] = 3
order["z"] = 4
print(list(order), sorted(order), sorted(order.items(), key=lambda kv: kv[1]))
try:
    print(stock["missing"])
except KeyError as err:
    print("KeyError:", err)
try:
    {[1]: 1}
except TypeError as err:
    print("TypeError:", err)
copy = stock.copy()
copy["apples"] = 0
print(stock["apples"], copy["apples"], stock == copy, {"a": 1, "b": 2} == {"b": 2, "a": 1})
nested = {"user": {"name": "ada", "langs": ["py", "rs"]}}
nested["user"]["langs"].append("c")
print(nested, nested["user"]["langs"][-1])
print(list(reversed({"a": 1, "b": 2})), max({"x": 1, "y": 5}, key={"x": 1, "y": 5}.get))
stock.clear()
print(stock, bool(stock), bool({0: 0}))

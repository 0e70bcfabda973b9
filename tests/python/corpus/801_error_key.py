# Uncaught KeyError: the missing key is shown with its repr.
prices = {"apple": 0.5, "pear": 0.75}
for fruit in ["apple", "pear", "x"]:
    print(fruit, prices[fruit])

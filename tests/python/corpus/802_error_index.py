# Uncaught IndexError from reading past the end of a list inside a nested call.
def last_plus_one(items):
    return items[len(items)]

print("items:", [1, 2, 3])
print(last_plus_one([1, 2, 3]))

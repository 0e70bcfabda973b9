# Uncaught UnboundLocalError: a name assigned later in the function is local everywhere in it.
total = 100

def spend(amount):
    total -= amount
    return total

print("before")
spend(10)

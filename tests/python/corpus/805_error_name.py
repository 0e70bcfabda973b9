# Uncaught NameError for a name that was never defined, raised inside a function.
def greet(name):
    return "hello " + username

print("calling greet")
greet("ada")

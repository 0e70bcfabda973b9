# A syntax error: assigning to the result of a call.
def f():
    return 1

print("this line must not be printed")
f() = 2

# A syntax error found after parsing: return outside a function.
print("this line must not be printed")
for i in range(3):
    return i

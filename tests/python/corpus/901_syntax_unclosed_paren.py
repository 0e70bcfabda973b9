# A syntax error: a parenthesis opened and never closed.
print("this line must not be printed")
total = (1 + 2 * (3 + 4)
print(total)

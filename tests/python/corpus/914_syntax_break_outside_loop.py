# A syntax error: break outside any loop.
print("this line must not be printed")
if True:
    break

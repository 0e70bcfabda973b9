# An indentation error: a line indented for no reason.
print("this line must not be printed")
x = 1
    y = 2
print(x + y)

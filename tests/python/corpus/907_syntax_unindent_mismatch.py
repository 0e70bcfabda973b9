# An indentation error: a dedent to a level that matches no outer block.
print("this line must not be printed")
if True:
        a = 1
    b = 2

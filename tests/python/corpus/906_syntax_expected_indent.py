# An indentation error: a block header with no indented body.
print("this line must not be printed")
def empty():
return 1

# A syntax error: assigning to a keyword.
print("this line must not be printed")
None = 5

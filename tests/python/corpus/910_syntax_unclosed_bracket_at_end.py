# A syntax error: a list whose closing bracket is missing at the end of the file.
print("this line must not be printed")
values = [1, 2,
          3, 4

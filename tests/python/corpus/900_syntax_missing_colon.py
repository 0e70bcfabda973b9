# A syntax error (missing colon after an if): nothing runs, not even the first print.
print("this line must not be printed")
x = 3
if x > 2
    print("big")

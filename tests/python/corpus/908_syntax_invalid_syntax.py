# A syntax error: two operators in a row where an expression is needed.
print("this line must not be printed")
x = 5 * / 2

# A syntax error: Python 2's print statement.
print("this line must not be printed")
print "hello"

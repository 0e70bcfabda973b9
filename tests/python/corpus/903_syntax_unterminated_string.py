# A syntax error: a string literal that is never closed.
print("this line must not be printed")
message = "hello world
print(message)

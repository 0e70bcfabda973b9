# A syntax error: two names side by side in a call, where a comma was meant.
print("this line must not be printed")
print("a" "b", x y)

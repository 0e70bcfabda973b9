# A syntax error found by the compiler: nonlocal at module level.
print("this line must not be printed")
nonlocal counter

# Uncaught ValueError from int() on text that is not a number.
for text in ["12", "  7 ", "abc"]:
    print(text.strip(), "->", int(text))

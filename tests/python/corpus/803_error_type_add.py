# Uncaught TypeError from adding an int and a str.
total = 0
for value in [1, 2, "3"]:
    total = total + value
    print("running total", total)

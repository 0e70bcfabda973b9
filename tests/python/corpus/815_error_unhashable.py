# Uncaught TypeError from using a list as a dict key.
seen = {}
for point in [(0, 0), [1, 1]]:
    seen[point] = True
    print("stored", point)

# printf-style formatting with %: conversions, widths, flags, tuples and mappings.
print("%s is %d years old" % ("Ada", 36))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%.3E" % (3.14159, 2.71828, 1.5, 12345.678, 0.00012))
print("%x|%X|%#x|%o|%#o" % (255, 255, 255, 8, 8))
print("%s|%r" % ("text", "text"))
print("%c%c%c" % (72, 105, 33), "%c" % "z")
print("100%% sure", "%d%%" % 50)
print("%(name)s scored %(score).1f" % {"name": "bob", "score": 88.25})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (None, True))
print("%10s|%-10s|" % ("right", "left"), "%.3s" % "abcdef")
print("%*d|%-*d|" % (6, 7, 6, 7), "%.*f" % (2, 3.14159))
print("%g %g %g" % (0.0001, 1234567.0, 100.0), "%i" % 3.99, "%d" % -2.5)
rows = [("north", 1200.5), ("south", 87.25), ("east", 15000.0)]
for region, sales in rows:
    print("%-8s %10.2f" % (region, sales))
try:
    print("%d" % "not a number")
except TypeError as err:
    print("TypeError:", err)
try:
    print("%s %s" % ("one",))
except TypeError as err:
    print("TypeError:", err)
try:
    print("%s" % ("a", "b"))
except TypeError as err:
    print("TypeError:", err)

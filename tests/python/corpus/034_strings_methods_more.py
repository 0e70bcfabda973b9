# More str methods: padding, zfill, partition, expandtabs, translate, encode, and format.
print(repr("hi".center(10)), repr("hi".center(9, "*")), repr("odd".center(6, "-")))
print(repr("left".ljust(8, ".")), repr("right".rjust(8, ".")), repr("long text".ljust(3)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "12345".zfill(3))
print("key=value=more".partition("="), "no sep".partition("="))
print("key=value=more".rpartition("="), "no sep".rpartition("="))
print(repr("a\tb\tc".expandtabs(4)), repr("ab\tc".expandtabs()))
table = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print("café".encode("utf-8"), b"caf\xc3\xa9".decode("utf-8"), "abc".encode())
print("{} + {} = {}".format(2, 3, 2 + 3), "{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36), "{0[1]} {1[k]}".format([7, 8], {"k": "v"}))
print("Hello {}!".format("you").upper(), "{:*^11}".format("mid"))
print(":".join("2024-01-05".split("-")[::-1]), "a-b-c".split("-", maxsplit=1))
print("abc" * 0, repr(""), "".join([]), "x".center(0), len("".center(4)))
csv = "name,score\nada,90\nbob,75\ncy,82"
rows = [line.split(",") for line in csv.splitlines()[1:]]
for name, score in rows:
    print(f"{name.title():<6}{int(score):>4}")
print(max(rows, key=lambda row: int(row[1]))[0])
sentence = "   many    spaces   here "
print("_".join(sentence.split()), sentence.strip().count(" "))
print("Mississippi".lower().count("ss"), "Mississippi".replace("ss", "SS", 1))
print("a1b2c3".isalnum(), "".join(c for c in "a1b2c3" if c.isdigit()))
print("tic-tac-toe".title(), "o'neil".title(), "hello\tworld".title())
print("%-6s|%6s|%06.2f|%+d" % ("ab", "cd", 3.14159, 5))

# Strings: indexing, concatenation, repetition, membership, comparison, iteration, escapes.
s = "Threadline"
print(s[0], s[-1], s[3], s[-4], len(s))
print(s + "!", s * 2, "-" * 20, 3 * "ab")
print("read" in s, "Read" in s, "x" not in s, "" in s)
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc", "a" == "a")
print(max("hello"), min("hello"), sorted("hello"), list("abc"))
for ch in "hey":
    print(ch, ord(ch), end=" | ")
print()
word = "naïve café"
print(len(word), word.upper(), word[2], word[::-1])
print("snow ☃ man", len("☃"), "\u2603" == "☃")
multiline = """first line
  second line
third"""
print(multiline)
print(multiline.splitlines())
print(repr("tab\tnewline\nbackslash\\ quote' dq\" bell\x07 nul\x00"))
print(repr("é☃"), repr("\x7f"), repr("\u200b"))
s2 = "immutable"
try:
    s2[0] = "I"
except TypeError as err:
    print("TypeError:", err)
t = s2
s2 += "!"
print(t, s2, t is not s2)
print(str(3) + "3", int("3") + 3, "3" * 3)
print("a,b" == "a" + "," + "b", "abc".__len__(), "x".join(["1", "2"]))
chars = []
for i, ch in enumerate("abc"):
    chars.append(ch * (i + 1))
print("".join(chars), "-".join(chars))
print(str(None), str(True), str([1, "a"]), str({"k": "v"}), str((1,)))
print("%s and %r" % ("text", "text"))

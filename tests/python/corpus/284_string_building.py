# String algorithms: caesar cipher, palindromes, run-length encoding, anagrams, word wrap.
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))

def is_palindrome(text):
    letters = [c.lower() for c in text if c.isalnum()]
    return letters == letters[::-1]

for phrase in ["A man, a plan, a canal: Panama", "Threadline", "No lemon, no melon"]:
    print(f"{phrase!r}: {is_palindrome(phrase)}")

def rle_encode(text):
    if not text:
        return ""
    parts = []
    current, count = text[0], 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            parts.append(f"{count}{current}")
            current, count = ch, 1
    parts.append(f"{count}{current}")
    return "".join(parts)

def rle_decode(encoded):
    result, digits = [], ""
    for ch in encoded:
        if ch.isdigit():
            digits += ch
        else:
            result.append(ch * int(digits))
            digits = ""
    return "".join(result)

encoded = rle_encode("aaabccddddde")
print(encoded, rle_decode(encoded), rle_encode(""), rle_encode("x" * 12))

words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for word in words:
    groups.setdefault("".join(sorted(word)), []).append(word)
print([g for g in groups.values() if len(g) > 1])

def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines

for line in wrap("The quick brown fox jumps over the lazy dog and keeps running far away", 20):
    print(f"|{line:<20}|")

built = ""
for i in range(5):
    built += str(i)
print(built, "-".join(str(i) for i in range(5)), str(12345)[::-1], "".join(map(str, range(3))) * 2)
vowels = sum(1 for c in "Programming in Python" if c.lower() in "aeiou")
print("vowels:", vowels, "| title:", " ".join(w[0].upper() + w[1:] for w in "make me a title".split()))

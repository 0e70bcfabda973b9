# A blog classic: word frequencies of a text with dict, Counter, sorting and aligned output.
from collections import Counter

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
"""

def normalise(text):
    cleaned = "".join(ch.lower() if ch.isalpha() else " " for ch in text)
    return cleaned.split()

words = normalise(TEXT)
print(f"{len(words)} words, {len(set(words))} distinct")
manual = {}
for word in words:
    manual[word] = manual.get(word, 0) + 1
counted = Counter(words)
print("dict and Counter agree:", manual == dict(counted))
top = sorted(manual.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
width = max(len(word) for word, _ in top)
for word, count in top:
    bar = "#" * count
    print(f"{word:<{width}} {count:>3} {bar}")
by_length = {}
for word in sorted(set(words)):
    by_length.setdefault(len(word), []).append(word)
for length in sorted(by_length):
    print(length, ", ".join(by_length[length]))
longest = max(words, key=len)
print("longest:", longest, "| first letters:", "".join(sorted({w[0] for w in words})))
pairs = Counter(zip(words, words[1:]))
print("most common pair:", pairs.most_common(1)[0])

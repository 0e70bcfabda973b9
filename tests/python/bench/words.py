# Benchmark: dict- and string-heavy work. Words come from a small linear congruential generator
# of our own (not `random`), are counted in a dict, sorted by count and joined into a report.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qua", "dri"]
WORDS = 1_500_000


def word_stream(count, seed):
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        length = 1 + (state >> 16) % 3
        parts = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) % 2147483648
            parts.append(SYLLABLES[(state >> 16) % len(SYLLABLES)])
        yield "".join(parts)


counts = {}
for word in word_stream(WORDS, 2024):
    counts[word] = counts.get(word, 0) + 1

ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
report = ", ".join(f"{word}={count}" for word, count in ranked[:5])
longest = max(counts, key=lambda word: (len(word), word))
letters = {}
for word, count in counts.items():
    for letter in word:
        letters[letter] = letters.get(letter, 0) + count
top_letter = max(letters, key=lambda letter: (letters[letter], letter))
print(f"{len(counts)} distinct of {WORDS}; top: {report}; longest: {longest}; commonest letter: {top_letter}")

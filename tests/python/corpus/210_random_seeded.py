# random with a fixed seed: only facts that hold for any generator (repeatability, bounds, shuffles).
import random

random.seed(42)
first = [random.random() for _ in range(5)]
random.seed(42)
second = [random.random() for _ in range(5)]
print("same seed repeats:", first == second)
print("floats in [0, 1):", all(0 <= x < 1 for x in first))
random.seed(7)
rolls = [random.randint(1, 6) for _ in range(1000)]
print("randint in bounds:", min(rolls) >= 1, max(rolls) <= 6, len(rolls))
print("every face seen:", sorted(set(rolls)) == [1, 2, 3, 4, 5, 6])
values = [random.uniform(-2.5, 2.5) for _ in range(500)]
print("uniform in bounds:", all(-2.5 <= v <= 2.5 for v in values))
deck = list(range(52))
random.shuffle(deck)
print("shuffle keeps the cards:", sorted(deck) == list(range(52)), len(deck))
colors = ["red", "green", "blue"]
picks = [random.choice(colors) for _ in range(100)]
print("choice picks members:", all(p in colors for p in picks))
random.seed("a string seed")
a = random.randint(0, 10 ** 9)
random.seed("a string seed")
print("string seed repeats:", a == random.randint(0, 10 ** 9))
random.seed(1)
sequence_one = [random.randint(0, 100) for _ in range(10)]
random.seed(2)
sequence_two = [random.randint(0, 100) for _ in range(10)]
print("different seeds differ:", sequence_one != sequence_two)
print("randint of a single value:", random.randint(5, 5))
try:
    random.choice([])
except IndexError as err:
    print("IndexError raised by choice([])")
try:
    random.randint(5, 1)
except ValueError:
    print("ValueError raised by randint(5, 1)")

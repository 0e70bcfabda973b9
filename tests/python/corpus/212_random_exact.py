# random with a fixed seed, printing actual values: matches CPython only with its generator.
import random

random.seed(42)
print([random.randint(1, 100) for _ in range(5)])
print(round(random.random(), 10), round(random.uniform(1, 2), 10))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.choice("abcdef"))

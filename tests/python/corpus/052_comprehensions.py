# List, dict, set and nested comprehensions, with conditions and their own scope.
squares = [n * n for n in range(10)]
evens = [n for n in range(20) if n % 2 == 0]
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(squares, evens, labels)
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
flat = [value for row in matrix for value in row]
print(matrix, transposed, flat, sep="\n")
words = ["apple", "banana", "cherry", "avocado", "blueberry"]
by_length = {word: len(word) for word in words}
initials = {word[0] for word in words}
print(by_length, sorted(initials))
grouped = {letter: [w for w in words if w.startswith(letter)] for letter in "abc"}
print(grouped)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print({n % 3 for n in range(10)}, {n: n ** 2 for n in range(5) if n % 2})
x = "outer"
result = [x for x in range(3)]
print(x, result)
total = sum(n for n in range(101))
print(total, max(len(w) for w in words), any(w.endswith("y") for w in words))
print([c.upper() for c in "hi" if c != "i"], [i * j for i in range(1, 4) for j in range(i)])
table = [[f"{i}x{j}={i * j}" for j in range(1, 4)] for i in range(1, 3)]
for row in table:
    print(" ".join(row))
print([len(w) for w in words if len(w) > 5 if "e" in w])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, 16)]
print(", ".join(fizz))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs_bound = [lambda i=i: i for i in range(3)]
print([f() for f in funcs_bound])

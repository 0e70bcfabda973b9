# if/elif/else, for/else, while/else, break, continue, pass, nested loops, range forms.
for n in range(1, 16):
    if n % 15 == 0:
        print("FizzBuzz", end=" ")
    elif n % 3 == 0:
        print("Fizz", end=" ")
    elif n % 5 == 0:
        print("Buzz", end=" ")
    else:
        print(n, end=" ")
print()
for n in [7, 9, 11]:
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("never printed: the loop broke")
count = 3
while count:
    count -= 1
else:
    print("while ended without break, count =", count)
for _ in []:
    print("never")
else:
    print("for over empty runs else")
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print(outer, inner)
def placeholder():
    pass
class Empty:
    pass
print(placeholder(), Empty.__name__)
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -2)), list(range(0, -5, -1)))
print(range(3)[1], len(range(0, 100, 7)), 14 in range(0, 100, 7), range(5)[-1], range(10)[2:5])
total = 0
for k in range(1, 101):
    total += k
print(total)
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
matches = 0
for a in range(1, 20):
    for b in range(a, 20):
        c = (a * a + b * b) ** 0.5
        if c == int(c) and c < 20:
            matches += 1
            print((a, b, int(c)), end=" ")
print(matches)

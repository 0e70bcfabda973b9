# Matrices as lists of lists: multiply, transpose, identity, determinant, and pretty printing.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(col) for col in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def determinant(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for col in range(len(m)):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        total += (-1) ** col * m[0][col] * determinant(minor)
    return total

def show(m):
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("[" + " ".join(f"{v:>{width}}" for v in row) + "]")

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(matmul(identity(3), b) == b, determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
square = [[4, 3], [6, 3]]
print(determinant(square), determinant(identity(4)), determinant([[1, 2], [2, 4]]))
power = identity(2)
fib_matrix = [[1, 1], [1, 0]]
for _ in range(30):
    power = matmul(power, fib_matrix)
print("fib(30) =", power[0][1])
scaled = [[v / 2 for v in row] for row in a]
show(scaled)
print(sum(map(sum, a)), max(max(row) for row in b), [row[i] for i, row in enumerate(identity(3))])

# map(), filter(), zip() and enumerate() over generators, iterator classes
# and functions written in Python: the same items, in the same order, the
# same errors and tracebacks, also when what they pull or call waits for a
# pool's workers.
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def numbers(n):
    for i in range(n):
        yield i


def square(n):
    return n * n


def chatty(n):
    for i in range(n):
        print("  yields", i)
        yield i


def fails_after_one():
    yield 1
    raise KeyError("inside the generator")


def started(n):
    process = multiprocessing.Process(target=square, args=(n,))
    process.start()
    return process


def exit_code(process):
    process.join()
    return process.exitcode


def stops_at_two(x):
    if x == 2:
        raise StopIteration
    return x


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def lazily():
    pairs = zip(numbers(3), "abc")
    print(next(pairs), list(pairs))
    print(list(map(square, numbers(4))), list(map(pow, numbers(3), Countdown(3))))
    print(list(filter(None, numbers(4))), list(filter(lambda x: x % 2, Countdown(5))))
    print(list(enumerate(numbers(3))), list(enumerate(Countdown(2), 10)))
    print(list(enumerate(numbers(2), start=-1)), dict(zip("ab", numbers(2))))
    print(list(zip(numbers(2))), list(zip(Countdown(3), numbers(5), "xyz")))
    print("map ends where its function raises StopIteration:", list(map(stops_at_two, numbers(5))))
    for i, (a, b) in enumerate(zip(numbers(3), Countdown(3))):
        print(i, a, b)
    for x in map(square, chatty(5)):
        print("  got", x)
        if x > 1:
            break
    print(sum(map(square, numbers(4))), sorted(filter(None, Countdown(4))), "".join(map(str, numbers(3))))


def errors():
    for attempt in (
        lambda: list(zip(numbers(2), [1], strict=True)),
        lambda: list(zip([1], numbers(2), strict=True)),
        lambda: list(zip([1, 2], [1, 2], numbers(1), strict=True)),
        lambda: list(zip([1], numbers(1), Countdown(2), strict=True)),
        lambda: list(zip(numbers(1), Countdown(1), strict=True)),
        lambda: map(square, numbers(1), 5),
        lambda: enumerate(numbers(1), 1.5),
        lambda: filter(square, 5),
        lambda: list(map(square, fails_after_one())),
        lambda: list(map(lambda x: 1 / x, [1, 0])),
        lambda: list(filter(lambda x: x.upper(), [1])),
    ):
        try:
            print(attempt())
        except (ValueError, TypeError, KeyError, ZeroDivisionError, AttributeError) as error:
            print(type(error).__name__, error)


def pools():
    with ProcessPoolExecutor(2) as pool:
        for n, sq in zip(range(4), pool.map(square, range(4))):
            print(n, sq)
        for i, sq in enumerate(pool.map(square, range(3)), 1):
            print(i, sq)
        print(list(map(str, pool.map(square, range(3)))), list(filter(None, pool.map(square, range(3)))))
        print(list(map(lambda n: pool.submit(square, n).result(), range(3))))
        print(list(zip(pool.map(square, range(2)), pool.map(square, range(2, 4)), strict=True)))
    print("exit codes:", list(map(exit_code, [started(2), started(3)])))


if __name__ == "__main__":
    lazily()
    errors()
    pools()
    list(map(square, fails_after_one()))

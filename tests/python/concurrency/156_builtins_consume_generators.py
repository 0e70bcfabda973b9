# Builtins that consume a generator or an iterator class (list, sorted, sum,
# min, max, any, all, str.join, list.extend, dict, set): the same results,
# the same errors and the same tracebacks, also when the iterator waits for
# a pool's workers.
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def numbers(n):
    for i in range(n):
        yield i


def square(n):
    return n * n


def chatty():
    for i in range(5):
        print("  yields", i)
        yield i


def fails_after_one():
    yield 1
    raise KeyError("inside the generator")


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


class Tens:
    """Iterates through a generator; dict() reads it as a mapping (keys)."""

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        for item in self.items:
            yield item * 10

    def keys(self):
        return ["a", "b"]

    def __getitem__(self, key):
        return key.upper()


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("broken iterator")


def iterator_classes():
    print(list(Countdown(3)), tuple(Tens(1, 2)), sorted(Countdown(4)), sum(Tens(1, 2, 3)))
    print(max(Countdown(5)), min(Tens(4, 2)), set(Countdown(2)), ",".join(map(str, Tens(1))))
    print(any(Countdown(2)), all(Countdown(3)), any(Tens()), all(Tens()))
    print(dict(Tens(1)), "-".join(str(x) for x in Countdown(3)))
    kept = []
    kept.extend(Countdown(2))
    print(kept)
    try:
        list(Broken())
    except ValueError as error:
        print("ValueError", error)


def plain_generators():
    print(list(numbers(4)), tuple(numbers(3)), set(numbers(3)), frozenset(numbers(2)))
    print(dict((i, str(i)) for i in range(3)))
    print(sorted(numbers(5), reverse=True), sorted((x % 3 for x in range(7)), key=lambda v: -v))
    print(sum(numbers(5)), sum(numbers(5), 10), sum((x / 2 for x in range(3)), start=1.5))
    print(min(numbers(5)), max(numbers(5)), max((x for x in []), default="none"))
    print(min(numbers(4), key=lambda v: (v - 2) ** 2))
    print(any(numbers(0)), any(numbers(3)), all(numbers(3)), all(x > -1 for x in range(3)))
    print("-".join(str(i) for i in range(4)))
    kept = [9]
    kept.extend(numbers(3))
    print(kept)
    print("any stops at the first true:", any(x == 1 for x in chatty()))
    print("all stops at the first false:", all(x < 2 for x in chatty()))


def errors():
    for attempt in (
        lambda: max(x for x in []),
        lambda: sum(numbers(2), ""),
        lambda: "".join(x for x in range(2)),
        lambda: list(numbers(2), 3),
        lambda: sorted(numbers(2), cmp=1),
        lambda: list(fails_after_one()),
    ):
        try:
            attempt()
        except (ValueError, TypeError, KeyError) as error:
            print(type(error).__name__, error)


def pools():
    with ThreadPoolExecutor(2) as threads:
        print(list(threads.map(square, range(5))), sum(threads.map(square, range(4))))
    with ProcessPoolExecutor(2) as pool:
        print(list(pool.map(square, range(5))))
        print(sorted(pool.map(square, range(4)), reverse=True))
        print(sum(pool.map(square, range(4))), max(pool.map(square, range(4))))
        print(any(pool.map(square, range(3))), "-".join(pool.map(str, range(3))))
    with multiprocessing.Pool(2) as pool:
        print(list(pool.imap(square, range(4))), sorted(pool.imap_unordered(square, [3, 1])))
    try:
        with ProcessPoolExecutor(2) as pool:
            print(set(pool.map(square, [2, -2])))
            raise RuntimeError("raised inside the with: the pool still shuts down")
    except RuntimeError as error:
        print("RuntimeError", error)


if __name__ == "__main__":
    plain_generators()
    iterator_classes()
    errors()
    pools()
    sorted(fails_after_one())

import os
import time

try:
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14
    kind = "interpreters"
except ImportError:  # older Pythons: processes stand in
    from concurrent.futures import ProcessPoolExecutor as InterpreterPoolExecutor
    kind = "processes"


def count_down(n):
    while n > 0:
        n -= 1
    return n


if __name__ == "__main__":
    tasks = [5_000_000] * 4
    print(f"{len(tasks)} counts down from {tasks[0]:,}")
    start = time.perf_counter()
    for n in tasks:
        count_down(n)
    print(f"one after another: {time.perf_counter() - start:.2f} s")

    workers = min(len(tasks), os.cpu_count())
    start = time.perf_counter()
    # Every worker has an interpreter of its own, and with it a GIL of its own.
    with InterpreterPoolExecutor(max_workers=workers) as executor:
        list(executor.map(count_down, tasks))
    print(f"{workers} {kind}:     {time.perf_counter() - start:.2f} s")

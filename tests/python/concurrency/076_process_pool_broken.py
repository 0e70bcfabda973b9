# ProcessPoolExecutor: as_completed, map with chunksize, an exception from a worker, and a
# worker that dies abruptly (os._exit), which breaks the pool with BrokenProcessPool.
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool


def square(n):
    return n * n


def fail(n):
    raise ValueError(f"no square for {n}")


def die(n):
    os._exit(3)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(square, n) for n in range(6)]
        print(sorted(f.result() for f in as_completed(futures)))
        print(list(pool.map(square, range(10), chunksize=3)))
        error = pool.submit(fail, 4).exception()
        print(type(error).__name__, error)
    print(issubclass(BrokenProcessPool, RuntimeError))
    pool = ProcessPoolExecutor(max_workers=1)
    print(pool.submit(square, 3).result())
    doomed = pool.submit(die, 1)
    try:
        doomed.result(timeout=10)
    except BrokenProcessPool as err:
        print("BrokenProcessPool:", err)
    try:
        pool.submit(square, 2)
    except BrokenProcessPool as err:
        print("BrokenProcessPool:", err)
    pool.shutdown()
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as err:
        print("ValueError:", err)

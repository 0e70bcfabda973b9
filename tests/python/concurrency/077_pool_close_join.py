# multiprocessing.Pool: worker names, imap_unordered, map_async with callbacks, an
# exception in a worker (error_callback, re-raised by get), close and join.
import multiprocessing


def who(n):
    return multiprocessing.current_process().name


def cube(n):
    return n ** 3


def check(n):
    if n == 3:
        raise ZeroDivisionError(f"bad input {n}")
    return n


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    pool = multiprocessing.Pool(processes=2)
    print(set(pool.map(who, range(8), chunksize=1)) <= {"SpawnPoolWorker-1", "SpawnPoolWorker-2"})
    print(sorted(pool.imap_unordered(cube, range(6))))
    seen = []
    result = pool.map_async(cube, [1, 2, 3], callback=seen.append)
    print(result.get(timeout=10), seen)
    errors = []
    failing = pool.map_async(check, range(5), chunksize=1, error_callback=errors.append)
    failing.wait(timeout=10)
    print(failing.ready(), failing.successful(), errors)
    try:
        failing.get()
    except ZeroDivisionError as err:
        print("ZeroDivisionError:", err)
    try:
        pool.join()
    except ValueError as err:
        print("ValueError:", err)
    pool.close()
    pool.join()
    try:
        pool.map(cube, [1])
    except ValueError as err:
        print("ValueError:", err)
    print(multiprocessing.active_children())

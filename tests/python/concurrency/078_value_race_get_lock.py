# Value and Array across processes: `+=` on a Value is a read then a write, so children
# lose updates unless they hold get_lock(); typecodes keep their C types (ints wrap,
# 'f' rounds to 32 bits, 'c' holds one byte); Lock, RLock and lock=False.
import multiprocessing


def bump_unlocked(total, times):
    for _ in range(times):
        total.value += 1


def bump_locked(total, times):
    for _ in range(times):
        with total.get_lock():
            total.value += 1


def fill(array, start):
    for i in range(start, len(array), 2):
        array[i] = -i


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    unlocked = multiprocessing.Value("i", 0)
    locked = multiprocessing.Value("i", 0)
    procs = [multiprocessing.Process(target=bump_unlocked, args=(unlocked, 300)) for _ in range(3)]
    procs += [multiprocessing.Process(target=bump_locked, args=(locked, 300)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("unlocked never gains:", 300 <= unlocked.value <= 900)
    print("locked:", locked.value)
    numbers = multiprocessing.Array("q", 5)
    fillers = [multiprocessing.Process(target=fill, args=(numbers, k)) for k in (0, 1)]
    for f in fillers:
        f.start()
    for f in fillers:
        f.join()
    print(numbers[:], numbers[-1], len(numbers), list(numbers[1:4]))
    print(multiprocessing.Value("i", 2 ** 31 + 5).value, multiprocessing.Value("B", 300).value)
    print(multiprocessing.Value("f", 0.1).value, multiprocessing.Value("d", 0.1).value)
    print(multiprocessing.Value("c", b"x").value, multiprocessing.Array("c", b"hello").value)
    print(multiprocessing.Value("i", 7, lock=False))
    print(multiprocessing.Value("d", 1.5))
    print(type(multiprocessing.Value("i").get_lock()).__name__)
    lock = multiprocessing.Lock()
    print(lock.acquire(), lock.acquire(timeout=0.05))
    lock.release()
    rlock = multiprocessing.RLock()
    with rlock:
        with rlock:
            print(rlock)
    try:
        multiprocessing.Value("z", 1)
    except TypeError as err:
        print("TypeError:", err)
    try:
        numbers[9] = 1
    except IndexError as err:
        print("IndexError:", err)

# Shared memory with Value and Array, protected by a multiprocessing Lock across spawned children.
import multiprocessing

def add_many(total, lock, times):
    for _ in range(times):
        with lock:
            total.value += 1

def fill(array, offset):
    for i in range(len(array)):
        if i % 2 == offset:
            array[i] = i * i

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    total = multiprocessing.Value("i", 0)
    lock = multiprocessing.Lock()
    procs = [multiprocessing.Process(target=add_many, args=(total, lock, 500)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("shared counter:", total.value)
    array = multiprocessing.Array("d", 6)
    fillers = [multiprocessing.Process(target=fill, args=(array, k)) for k in (0, 1)]
    for f in fillers:
        f.start()
    for f in fillers:
        f.join()
    print("shared array:", list(array), array[:3])
    flag = multiprocessing.Value("b", True)
    print(flag.value, multiprocessing.Value("d", 2.5).value)

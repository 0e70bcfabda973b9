# A child process that waits for its parent inside calls that call back into Python:
# a synchronized Value read through its property, an Array slot set through
# __setitem__, and a queue drained by a generator that sorted() consumes.
import multiprocessing


def child(total, slots, jobs, results):
    for _ in range(20):
        with total.get_lock():
            total.value += 1
    print("child reads the total outside the lock:", total.value >= 20)
    slots[0] = 7
    received = sorted(jobs.get() for _ in range(3))
    results.put([n * n for n in received])


if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    slots = multiprocessing.Array("i", 2)
    jobs, results = multiprocessing.Queue(), multiprocessing.Queue()
    worker = multiprocessing.Process(target=child, args=(total, slots, jobs, results))
    worker.start()
    for n in (3, 1, 2):
        jobs.put(n)
    for _ in range(20):
        with total.get_lock():
            total.value += 1
    print("squares:", results.get(timeout=10))
    worker.join()
    print("total:", total.value, "slots:", list(slots), "exit code:", worker.exitcode)

# A Process subclass overriding run, join with a timeout, terminate (exit code -15),
# parent_process, and the pid and name a child sees.
import multiprocessing
import os
import time


class Counter(multiprocessing.Process):
    def __init__(self, limit, results):
        super().__init__()
        self.limit = limit
        self.results = results

    def run(self):
        total = sum(range(self.limit))
        parent = multiprocessing.parent_process()
        self.results.put((self.name, total, parent.pid == os.getppid(), parent.name))


def sleeper():
    time.sleep(30)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print(multiprocessing.parent_process())
    results = multiprocessing.Queue()
    counter = Counter(1000, results)
    print(counter.is_alive(), counter.pid is None)
    counter.start()
    print(results.get(timeout=10))
    counter.join()
    print(counter.exitcode, counter.is_alive())
    slow = multiprocessing.Process(target=sleeper, daemon=True)
    slow.start()
    slow.join(timeout=0.2)
    print("still running after join(0.2):", slow.is_alive(), slow.exitcode)
    slow.terminate()
    slow.join()
    print("after terminate:", slow.exitcode, slow.is_alive())
    print(multiprocessing.active_children())

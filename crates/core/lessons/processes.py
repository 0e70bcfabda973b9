import multiprocessing
import os

counter = 0  # every process has a counter of its own


def add(amount):
    global counter
    counter += amount
    me = multiprocessing.current_process()
    print(f"{me.name} (pid {os.getpid()}): counter = {counter}")


if __name__ == "__main__":
    children = [multiprocessing.Process(target=add, args=(10,)) for _ in range(2)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    # Each child changed its own copy of `counter`; this one never changed.
    print(f"MainProcess (pid {os.getpid()}): counter = {counter}")

# ProcessPoolExecutor with the spawn start method: submit, map in input order, and child exceptions.
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
import os

def cube(n):
    return n ** 3

def child_pid(_):
    return os.getpid()

def explode(n):
    raise ValueError(f"bad item {n}")

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        print(pool.submit(cube, 7).result())
        print(list(pool.map(cube, range(8))))
        pids = set(pool.map(child_pid, range(4)))
        print("work ran in other processes:", os.getpid() not in pids)
        try:
            pool.submit(explode, 3).result()
        except ValueError as err:
            print("ValueError from the child:", err)
    print("done")

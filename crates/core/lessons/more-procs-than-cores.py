import concurrent.futures
import os
import time


def waits(seconds):
    time.sleep(seconds)  # waiting (a disk, a network): the core is free meanwhile
    return sum(range(20_000))


def computes(n):
    while n > 0:  # computing: the core is busy all along
        n -= 1


def timed(pool, work, args):
    start = time.perf_counter()
    list(pool.map(work, args))
    return time.perf_counter() - start


if __name__ == "__main__":
    cores = os.cpu_count()
    many = cores + 2
    with concurrent.futures.ProcessPoolExecutor(cores) as fit, \
            concurrent.futures.ProcessPoolExecutor(many) as more:
        for pool, size in ((fit, cores), (more, many)):
            list(pool.map(time.sleep, [0.05] * size))  # start every worker first,
            list(pool.map(computes, [200_000] * size))  # and run its loop once
        print(f"{cores} cores; pools of {cores} and {many} processes")
        naps = [0.25] * many
        print(f"{many} waiting tasks, {cores} processes: {timed(fit, waits, naps):.2f} s")
        print(f"{many} waiting tasks, {many} processes: {timed(more, waits, naps):.2f} s")
        counts = [5_000_000] * many
        print(f"{many} computing tasks, {cores} processes: {timed(fit, computes, counts):.2f} s")
        print(f"{many} computing tasks, {many} processes: {timed(more, computes, counts):.2f} s")

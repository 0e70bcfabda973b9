import threading
import time


def task(number, seconds):
    time.sleep(seconds)  # stands for waiting on a disk or a network
    print(f"task {number} done after {seconds} s")


jobs = [(1, 0.3), (2, 0.4), (3, 0.5)]
start = time.perf_counter()
for number, seconds in jobs:
    thread = threading.Thread(target=task, args=(number, seconds))
    thread.start()
    thread.join()  # waits here, so the next thread cannot start until this one ends
total = sum(seconds for _, seconds in jobs)
print(f"{len(jobs)} tasks in {time.perf_counter() - start:.1f} s: all {total:.1f} s of them")

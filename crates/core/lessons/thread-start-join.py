import threading
import time


def task(number, seconds):
    time.sleep(seconds)  # stands for waiting on a disk or a network
    print(f"task {number} done after {seconds} s")


jobs = [(1, 0.3), (2, 0.4), (3, 0.5)]
start = time.perf_counter()
threads = []
for number, seconds in jobs:
    thread = threading.Thread(target=task, args=(number, seconds))
    thread.start()  # start every thread first...
    threads.append(thread)
for thread in threads:
    thread.join()  # ...then wait for each of them
total = sum(seconds for _, seconds in jobs)
print(f"{len(jobs)} tasks in {time.perf_counter() - start:.1f} s, not {total:.1f} s")

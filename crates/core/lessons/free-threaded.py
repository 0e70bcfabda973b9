import os
import sys
import threading
import time


def count_down(n):
    while n > 0:
        n -= 1


gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # Python 3.13+ can run without it
workers = min(os.cpu_count(), 4)
print(f"GIL enabled: {gil}; {os.cpu_count()} cores, {workers} threads")

N = 2_000_000
start = time.perf_counter()
count_down(N)
one = time.perf_counter() - start
print(f"one count on one thread:    {one:.2f} s")

start = time.perf_counter()
threads = [threading.Thread(target=count_down, args=(N,)) for _ in range(workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
together = time.perf_counter() - start
print(f"{workers} counts on {workers} threads: {together:.2f} s")
print(f"work per second: {workers * one / together:.1f}x one thread's")

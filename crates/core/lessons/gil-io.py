import threading
import time

import requests


def fetch(first, count):
    for n in range(first, first + count):
        # While this thread waits for the answer it does not hold the GIL.
        requests.get(f"io/resource/{n}?latency=300").raise_for_status()


start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(2 * k, 2)) for k in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"8 downloads of 0.3 s in 4 threads: {time.perf_counter() - start:.1f} s, not 2.4 s")

# Two CPU-bound tasks one after the other, then in two threads at once. Prints both times in ms
# and the speedup (about 1 with a GIL, close to 2 on two free cores without one).
import threading
import time

N = 3_000_000


def work(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
work(N)
work(N)
sequential = time.perf_counter() - start
threads = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
parallel = time.perf_counter() - start
print("sequential_ms", round(sequential * 1000, 3))
print("threads_ms", round(parallel * 1000, 3))
print("speedup", round(sequential / parallel, 3))

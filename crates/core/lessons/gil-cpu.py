import threading
import time


def count_down(n):
    while n > 0:
        n -= 1


N = 3_000_000
print(f"counting down from {N:,}, twice")

start = time.perf_counter()
count_down(N)
count_down(N)
alone = time.perf_counter() - start
print(f"one after another: {alone:.2f} s")

start = time.perf_counter()
threads = [threading.Thread(target=count_down, args=(N,)) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
together = time.perf_counter() - start
print(f"in two threads:    {together:.2f} s ({alone / together:.2f}x as fast)")

# Executor shutdown: the with-block waits for work, submit after shutdown fails, shutdown(wait=True).
from concurrent.futures import ThreadPoolExecutor
import time

finished = []

def task(n):
    time.sleep(0.02)
    finished.append(n)
    return n

with ThreadPoolExecutor(max_workers=2) as pool:
    for n in range(4):
        pool.submit(task, n)
print("with-block waited for all:", sorted(finished))
try:
    pool.submit(task, 99)
except RuntimeError as err:
    print("RuntimeError:", err)
pool2 = ThreadPoolExecutor(max_workers=1)
future = pool2.submit(task, 5)
pool2.shutdown(wait=True)
print("shutdown(wait=True) waited:", future.done(), future.result())
pool3 = ThreadPoolExecutor(max_workers=1)
first = pool3.submit(time.sleep, 0.1)
queued = [pool3.submit(task, n) for n in range(10, 13)]
pool3.shutdown(wait=True, cancel_futures=True)
print("queued work cancelled:", [f.cancelled() for f in queued], "| first ran:", first.done())

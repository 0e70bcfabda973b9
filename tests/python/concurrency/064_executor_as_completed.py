# as_completed yields futures as they finish: results printed sorted, and a timing-based fact.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

def job(n):
    time.sleep(0.05 * (5 - n))
    return n * 10

with ThreadPoolExecutor(max_workers=5) as pool:
    futures = {pool.submit(job, n): n for n in range(5)}
    finished = []
    for future in as_completed(futures):
        finished.append((futures[future], future.result()))
print(sorted(finished))
print("count:", len(finished))
print("shortest job finished first:", finished[0][0] == 4)
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(time.sleep, 0.5), pool.submit(time.sleep, 0.01)]
    try:
        for f in as_completed(futures, timeout=0.2):
            print("one finished in time")
    except TimeoutError:
        print("as_completed timed out waiting for the slow one")

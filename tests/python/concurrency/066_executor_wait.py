# concurrent.futures.wait with FIRST_COMPLETED and ALL_COMPLETED, and a timeout.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, ALL_COMPLETED
import time

def nap(seconds):
    time.sleep(seconds)
    return seconds

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(nap, s) for s in (0.3, 0.02, 0.2)]
    done, pending = wait(futures, return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], "| still pending:", len(pending))
    done, pending = wait(futures, return_when=ALL_COMPLETED)
    print("all completed:", sorted(f.result() for f in done), len(pending))
    slow = pool.submit(nap, 0.4)
    done, pending = wait([slow], timeout=0.05)
    print("after a short timeout:", len(done), len(pending))
    print(FIRST_COMPLETED, ALL_COMPLETED)

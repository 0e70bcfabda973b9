# I/O-bound threads overlap their waits: five 200 ms sleeps in threads take far less than 1 s.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def fake_download(i):
    time.sleep(0.2)
    return i

start = time.perf_counter()
threads = [threading.Thread(target=fake_download, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("threads overlapped:", 0.19 <= elapsed < 0.6)
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    results = list(pool.map(fake_download, range(5)))
elapsed = time.perf_counter() - start
print(results, "pool overlapped:", 0.19 <= elapsed < 0.6)

# Thread names in a ThreadPoolExecutor: ThreadPoolExecutor-N_M, or a chosen thread_name_prefix.
from concurrent.futures import ThreadPoolExecutor
import threading

def my_name(_):
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1) as pool:
    print(set(pool.map(my_name, range(3))))
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(my_name, 0).result())
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="downloader") as pool:
    print(pool.submit(my_name, 0).result())
with ThreadPoolExecutor(max_workers=2) as pool:
    names = sorted(set(pool.map(my_name, range(2))))
    print("a prefix does not use up a pool number:", all(n.startswith("ThreadPoolExecutor-2_") for n in names))
print("workers are gone after the with-block:", threading.active_count())
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as err:
    print("ValueError:", err)

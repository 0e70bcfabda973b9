import threading
import time


def download(n):
    print(f"{threading.current_thread().name} starts download {n}")
    time.sleep(0.2)  # waiting on the network: the GIL is free meanwhile
    print(f"download {n} done")


threads = [threading.Thread(target=download, args=(n,)) for n in range(3)]
start = time.perf_counter()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"three downloads in {time.perf_counter() - start:.1f} s")

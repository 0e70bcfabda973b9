import concurrent.futures
import os
import threading
import time

cores = os.cpu_count()
print(f"os.cpu_count(): {cores}")
print(f"ThreadPoolExecutor() starts up to min(32, {cores} + 4) = {min(32, cores + 4)} threads")
print(f"ProcessPoolExecutor() starts up to {cores} processes")


def nap(_):
    time.sleep(0.05)
    return threading.current_thread().name


with concurrent.futures.ThreadPoolExecutor() as executor:
    names = set(executor.map(nap, range(40)))
print(f"40 naps ran on {len(names)} threads")

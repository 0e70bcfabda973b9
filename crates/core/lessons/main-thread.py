import os
import threading
import time

# Nothing here starts a thread or a process: the program runs from top to
# bottom on the one thread every Python process begins with.
start = time.perf_counter()
total = 0
for n in range(1, 200_001):
    total += n * n

me = threading.current_thread()
print(f"process {os.getpid()} ran this on {me.name}")
print(f"threads alive: {threading.active_count()}")
print(f"sum of squares: {total}")
print(f"took {time.perf_counter() - start:.2f} s")

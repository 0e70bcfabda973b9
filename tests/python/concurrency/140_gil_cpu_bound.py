# The GIL: two CPU-bound threads never run bytecode at the same time, so together they use no
# more CPU time than the wall time that passes (without a GIL, on two cores, they would use ~2x).
import threading
import time

cpu_used = []
lock = threading.Lock()

def count_down(n):
    while n > 0:
        n -= 1
    with lock:
        cpu_used.append(time.thread_time())

N = 2_000_000
start = time.perf_counter()
threads = [threading.Thread(target=count_down, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - start
print("both finished:", len(cpu_used) == 2)
print("CPU time of the threads fits in the wall time:", sum(cpu_used) < 1.3 * wall)

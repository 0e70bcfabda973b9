# BoundedSemaphore: releasing more than acquired raises ValueError, unlike a plain Semaphore.
import threading

pool = threading.BoundedSemaphore(2)
pool.acquire()
pool.acquire()
print("third acquire:", pool.acquire(blocking=False))
pool.release()
pool.release()
try:
    pool.release()
except ValueError as err:
    print("ValueError:", err)
connections = threading.BoundedSemaphore(3)
used = []
lock = threading.Lock()

def connect(i):
    with connections:
        with lock:
            used.append(i)

threads = [threading.Thread(target=connect, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(used), connections.acquire(blocking=False))

# Semaphore limiting how many threads are inside a section at once, checked by a shared counter.
import threading
import time

slots = threading.Semaphore(2)
state_lock = threading.Lock()
inside = 0
peak = 0
finished = []

def visit(name):
    global inside, peak
    with slots:
        with state_lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.03)
        with state_lock:
            inside -= 1
            finished.append(name)

threads = [threading.Thread(target=visit, args=(f"v{i}",)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak inside:", peak, "| all finished:", sorted(finished))
sem = threading.Semaphore(1)
print(sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.02))
sem.release()
sem.release()
print("a plain Semaphore may be released above its start:", sem.acquire(blocking=False), sem.acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as err:
    print("ValueError:", err)

# Event: waiting threads released by set(), wait with a timeout, clear, and is_set.
import threading
import time

ready = threading.Event()
log = []
log_lock = threading.Lock()

def waiter(name):
    ready.wait()
    with log_lock:
        log.append(name)

threads = [threading.Thread(target=waiter, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
time.sleep(0.05)
print("before set:", log, ready.is_set())
ready.set()
for t in threads:
    t.join()
print("after set:", sorted(log), ready.is_set())
print("wait on a set event returns at once:", ready.wait(), ready.wait(0))
ready.clear()
start = time.perf_counter()
print("wait with a timeout on a clear event:", ready.wait(0.05))
print("waited at least the timeout:", time.perf_counter() - start >= 0.04)
stop = threading.Event()
ticks = []

def ticker():
    while not stop.wait(0.01):
        ticks.append(1)

t = threading.Thread(target=ticker)
t.start()
time.sleep(0.1)
stop.set()
t.join()
print("ticker stopped after a few ticks:", 1 <= len(ticks) <= 15)

import threading
import time

go = threading.Event()


def life():
    total = 0
    for n in range(1_000_000):  # running, or ready while the main thread has the GIL
        total += n
    time.sleep(0.2)  # blocked: sleeping
    go.wait()  # blocked: waiting for an event
    return total


worker = threading.Thread(target=life)
print(f"new:        {worker.name}, alive: {worker.is_alive()}")
worker.start()
print(f"started:    {worker.name}, alive: {worker.is_alive()}")

busy = 0
for n in range(1_000_000):  # the main thread computes too: they take turns
    busy += n
time.sleep(0.3)
print(f"waiting:    {worker.name}, alive: {worker.is_alive()}")
go.set()
worker.join()
print(f"terminated: {worker.name}, alive: {worker.is_alive()}")

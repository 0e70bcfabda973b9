# join(timeout) returns while the thread still runs; is_alive reports it; a later join completes.
import threading
import time

done = threading.Event()

def slow():
    time.sleep(0.3)
    done.set()

t = threading.Thread(target=slow)
print("alive before start:", t.is_alive())
t.start()
start = time.perf_counter()
t.join(timeout=0.05)
waited = time.perf_counter() - start
print("alive after a short join:", t.is_alive(), "| returned early:", waited < 0.25)
t.join()
print("alive after a full join:", t.is_alive(), "| work done:", done.is_set())
try:
    threading.Thread(target=slow).join()
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    threading.current_thread().join()
except RuntimeError as err:
    print("RuntimeError:", err)

# time.sleep ordering: threads that sleep 50-300 ms print in the order of their sleeps, not starts.
import threading
import time

def napper(name, seconds):
    time.sleep(seconds)
    print(f"{name} woke after {int(seconds * 1000)} ms")

plan = [("slow", 0.30), ("fast", 0.05), ("medium", 0.15)]
threads = [threading.Thread(target=napper, args=p) for p in plan]
start = time.perf_counter()
for t in threads:
    t.start()
print("all started")
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("sleeps overlapped (well under their 500 ms sum):", elapsed < 0.45)
print("took at least the longest sleep:", elapsed >= 0.29)

# Queue.join waits until every item was marked done with task_done by daemon workers.
import queue
import threading
import time

jobs = queue.Queue()
done = []
lock = threading.Lock()

def worker():
    while True:
        job = jobs.get()
        time.sleep(0.005)
        with lock:
            done.append(job)
        jobs.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for job in range(12):
    jobs.put(job)
jobs.join()
print("all jobs done:", sorted(done) == list(range(12)), len(done))
q = queue.Queue()
q.put("x")
q.get()
q.task_done()
try:
    q.task_done()
except ValueError as err:
    print("ValueError:", err)
q.join()
print("join on a finished queue returns at once")

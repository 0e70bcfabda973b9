# Bounded queues: Full and Empty, put/get without blocking, and timeouts that really wait.
import queue
import time

q = queue.Queue(maxsize=2)
q.put("a")
q.put("b")
print(q.full(), q.qsize(), q.maxsize)
try:
    q.put("c", block=False)
except queue.Full:
    print("queue.Full without blocking")
start = time.perf_counter()
try:
    q.put("c", timeout=0.05)
except queue.Full:
    print("queue.Full after a timeout of at least 40 ms:", time.perf_counter() - start >= 0.04)
print(q.get(), q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("queue.Empty from get_nowait")
start = time.perf_counter()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("queue.Empty after a timeout of at least 40 ms:", time.perf_counter() - start >= 0.04)
q.put_nowait(1)
print(q.get(block=False), issubclass(queue.Empty, Exception), queue.Full.__name__)

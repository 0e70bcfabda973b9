# LifoQueue returns the newest item first; SimpleQueue is an unbounded FIFO without task tracking.
import queue
import threading

stack = queue.LifoQueue()
for item in [1, 2, 3]:
    stack.put(item)
print([stack.get() for _ in range(3)])
simple = queue.SimpleQueue()
for item in "abc":
    simple.put(item)
print(simple.qsize(), simple.get(), simple.get(), simple.empty(), simple.get(), simple.empty())
print(hasattr(simple, "task_done"), hasattr(simple, "join"))
try:
    simple.get(block=False)
except queue.Empty:
    print("queue.Empty from an empty SimpleQueue")
handoff = queue.SimpleQueue()
t = threading.Thread(target=lambda: handoff.put("from thread"))
t.start()
print(handoff.get(timeout=2))
t.join()

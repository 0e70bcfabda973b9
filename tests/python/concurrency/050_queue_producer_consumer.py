# queue.Queue between a producer and two consumers, stopped with one sentinel per consumer.
import queue
import threading

tasks = queue.Queue()
results = []
results_lock = threading.Lock()

def producer():
    for n in range(1, 21):
        tasks.put(n)
    for _ in range(2):
        tasks.put(None)

def consumer(name):
    while True:
        item = tasks.get()
        if item is None:
            break
        with results_lock:
            results.append((item, item * item))

threads = [threading.Thread(target=producer)]
threads += [threading.Thread(target=consumer, args=(f"c{i}",)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), sum(sq for _, sq in results), sorted(results)[:3])
print("queue empty at the end:", tasks.empty(), tasks.qsize())
fifo = queue.Queue()
for word in ["first", "second", "third"]:
    fifo.put(word)
print([fifo.get() for _ in range(3)])

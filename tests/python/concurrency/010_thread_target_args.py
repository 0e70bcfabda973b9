# threading.Thread with target, args, kwargs and name; start, join, and results gathered in a list.
import threading

results = []
results_lock = threading.Lock()

def work(label, count, *, scale=1):
    total = sum(range(count)) * scale
    with results_lock:
        results.append((label, total))

threads = [
    threading.Thread(target=work, args=("a", 10)),
    threading.Thread(target=work, args=("b", 100), kwargs={"scale": 2}),
    threading.Thread(target=work, args=("c",), kwargs={"count": 5, "scale": 10}, name="worker-c"),
]
print([t.name for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
t = threading.Thread(target=print, args=("printed by a thread",))
t.start()
t.join()
print("ident set after start:", t.ident is not None, "| native_id is an int:", isinstance(t.native_id, int))

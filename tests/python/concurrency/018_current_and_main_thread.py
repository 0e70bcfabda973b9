# current_thread, main_thread, active_count and enumerate, seen from the main thread and workers.
import threading

print(threading.current_thread().name, threading.main_thread().name)
print(threading.current_thread() is threading.main_thread(), threading.active_count())
seen = {}
gate = threading.Barrier(3)

def report(key):
    me = threading.current_thread()
    seen[key] = (me.name, me is threading.main_thread())
    gate.wait()
    gate.wait()

workers = [threading.Thread(target=report, args=(i,), name=f"w{i}") for i in range(2)]
for w in workers:
    w.start()
gate.wait()
print("active while workers wait:", threading.active_count())
print("names:", sorted(t.name for t in threading.enumerate()))
gate.wait()
for w in workers:
    w.join()
print(dict(sorted(seen.items())))
print("active after join:", threading.active_count(), [t.name for t in threading.enumerate()])

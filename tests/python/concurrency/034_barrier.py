# Barrier: parties meet before moving on, wait() returns distinct indices, and the action runs once.
import threading

phases = []
lock = threading.Lock()
actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("all arrived"))
indices = []

def runner(name):
    with lock:
        phases.append(("start", name))
    index = barrier.wait()
    with lock:
        indices.append(index)
        phases.append(("after", name))

threads = [threading.Thread(target=runner, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([p[0] for p in phases])
print(sorted(indices), actions, barrier.parties, barrier.n_waiting, barrier.broken)
lonely = threading.Barrier(2, timeout=0.05)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError after timeout; broken =", lonely.broken)
lonely.reset()
print("reset:", lonely.broken)

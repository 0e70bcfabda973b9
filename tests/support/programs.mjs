// Python programs the browser tests run, with what they must show.

// Three threads that compute, then meet under a lock; the main thread joins them.
export const THREADS = `import threading
results = []
lock = threading.Lock()

def work(n):
    total = 0
    for i in range(30_000 * n):
        total += i * i
    with lock:
        results.append((n, total % 1000))

threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(threading.active_count(), threading.current_thread().name)
`;

// Its lanes, as Python names its threads.
export const THREAD_LANES = ['MainThread', 'Thread-1 (work)', 'Thread-2 (work)', 'Thread-3 (work)'];

// Two named threads print after different sleeps; the main thread prints last.
export const PRINTING_THREADS = `import threading
import time

def work(n):
    time.sleep(0.02 * n)
    print(f"worker {n} done")

threads = [threading.Thread(target=work, args=(n,), name=f"w{n}") for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done")
`;

# The GIL's turns: two CPU-bound threads note when each sees that the other ran since its last
# iteration (its own turn began then) and how long its previous turn lasted. Prints the turns'
# median and 90th percentile in ms.
import sys
import threading
import time

DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
progress = [0, 0]
turns = [[], []]
running = [True]


def spinner(me):
    other = 1 - me
    seen = progress[other]
    start = time.perf_counter()
    last = start
    while running[0]:
        progress[me] += 1
        now = time.perf_counter()
        if progress[other] != seen:
            turns[me].append(last - start)
            start = now
            seen = progress[other]
        last = now


threads = [threading.Thread(target=spinner, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
time.sleep(DURATION)
running[0] = False
for t in threads:
    t.join()
lengths = sorted(ms * 1000 for per_thread in turns for ms in per_thread[1:])
if lengths:
    print("turns", len(lengths))
    print("median_ms", round(lengths[len(lengths) // 2], 3))
    print("p90_ms", round(lengths[len(lengths) * 9 // 10], 3))
else:
    print("turns 0")

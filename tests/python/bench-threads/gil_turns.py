# The GIL's turns: two CPU-bound threads log the moment each finds that it was not the last to
# run (its turn began then); a turn lasts from one logged moment to the next. Prints the turns'
# median and 90th percentile in ms.
import sys
import threading
import time

DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
last_runner = [None]
began = []
running = [True]


def spinner(me):
    while running[0]:
        # Threads that run at once (no GIL) change places at every step: a bounded log.
        if last_runner[0] != me and len(began) < 100_000:
            last_runner[0] = me
            began.append(time.perf_counter())


threads = [threading.Thread(target=spinner, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
time.sleep(DURATION)
running[0] = False
for t in threads:
    t.join()
# The first turns begin while the threads start: leave them out.
lengths = sorted((b - a) * 1000 for a, b in zip(began[2:], began[3:]))
if lengths:
    print("turns", len(lengths))
    print("median_ms", round(lengths[len(lengths) // 2], 3))
    print("p90_ms", round(lengths[len(lengths) * 9 // 10], 3))
else:
    print("turns 0")

# time: perf_counter, time and monotonic only move forward; sleep waits at least as asked.
import time

start = time.perf_counter()
wall_start = time.time()
mono_start = time.monotonic()
total = sum(i * i for i in range(20000))
time.sleep(0.01)
elapsed = time.perf_counter() - start
print("computed", total)
print("perf_counter difference >= 0:", elapsed >= 0)
print("slept at least 10 ms:", elapsed >= 0.009)
print("time difference >= 0:", time.time() - wall_start >= 0)
print("monotonic difference >= 0:", time.monotonic() - mono_start >= 0)
print("time is after 2020:", time.time() > 1577836800)
print("types:", type(time.perf_counter()).__name__, type(time.time()).__name__)
readings = [time.perf_counter() for _ in range(5)]
print("non-decreasing:", all(b >= a for a, b in zip(readings, readings[1:])))

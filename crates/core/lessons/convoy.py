import sys
import threading
import time

took = {}


def poll(label, times=40):
    # I/O-bound: many short waits, each followed by a little work.
    start = time.perf_counter()
    for _ in range(times):
        time.sleep(0.001)
    took[label] = time.perf_counter() - start


def spin(stop):
    # CPU-bound: never waits, so it gives the GIL up only when asked.
    while not stop.is_set():
        pass


print(f"switch interval: {sys.getswitchinterval() * 1000:.1f} ms")
alone = threading.Thread(target=poll, args=("alone",))
alone.start()
alone.join()

stop = threading.Event()
cpu = threading.Thread(target=spin, args=(stop,))
cpu.start()
beside = threading.Thread(target=poll, args=("beside",))
beside.start()
beside.join()
stop.set()
cpu.join()

print(f"40 sleeps of 1 ms, alone:           {took['alone'] * 1000:.0f} ms")
print(f"the same beside a CPU-bound thread: {took['beside'] * 1000:.0f} ms")

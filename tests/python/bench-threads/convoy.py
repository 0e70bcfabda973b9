# The convoy effect: an I/O thread doing 40 sleeps of 1 ms, alone and beside a CPU-bound thread.
# Under a GIL, each wake-up waits for the CPU thread to be asked to let go (about one switch
# interval). Prints both times in ms and their ratio.
import threading
import time

SLEEPS = 40


def io_task():
    for _ in range(SLEEPS):
        time.sleep(0.001)


def cpu_task(running):
    n = 0
    while running[0]:
        n += 1


start = time.perf_counter()
io_task()
alone = time.perf_counter() - start
running = [True]
cpu = threading.Thread(target=cpu_task, args=(running,))
cpu.start()
time.sleep(0.05)
start = time.perf_counter()
io = threading.Thread(target=io_task)
io.start()
io.join()
beside = time.perf_counter() - start
running[0] = False
cpu.join()
print("alone_ms", round(alone * 1000, 3))
print("beside_ms", round(beside * 1000, 3))
print("ratio", round(beside / alone, 3))

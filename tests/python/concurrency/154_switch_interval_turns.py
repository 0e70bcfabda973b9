# The switch interval decides how long a CPU-bound thread keeps the GIL from a thread that wants
# it: with a long interval the worker finishes its loop first, with a short one the main thread
# gets in first.
import sys
import threading


def race(interval):
    sys.setswitchinterval(interval)
    order = []

    def spin():
        n = 300_000
        while n > 0:
            n -= 1
        order.append("worker")

    worker = threading.Thread(target=spin)
    worker.start()
    order.append("main")
    worker.join()
    return order


print("interval 1 s:", race(1.0))
print("interval 0.1 ms:", race(0.0001))
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())

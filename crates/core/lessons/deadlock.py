import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()


def transfer(first, second, label):
    with first:
        time.sleep(0.1)  # time enough for the other thread to take its first lock
        with second:
            print(f"{label}: done")


# Opposite orders: each thread ends up holding one lock and waiting for the
# other's. The fix is one order for all: give both threads (lock_a, lock_b).
one = threading.Thread(target=transfer, args=(lock_a, lock_b, "a to b"))
two = threading.Thread(target=transfer, args=(lock_b, lock_a, "b to a"))
one.start()
two.start()
one.join()
two.join()
print("both transfers done")

import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)


def transfer(first, second, label):
    with first:
        both_hold_one.wait()  # each thread now holds its first lock
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

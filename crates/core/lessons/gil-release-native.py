import hashlib
import threading
import time

data = bytes(range(256)) * 16384  # 4 MiB


def digest(rounds):
    # sha256 lets go of the GIL while it hashes data of 2 KiB or more.
    for _ in range(rounds):
        hashlib.sha256(data).hexdigest()


ROUNDS = 30
print(f"hashing {len(data) >> 20} MiB {ROUNDS} times, twice")
start = time.perf_counter()
digest(ROUNDS)
digest(ROUNDS)
alone = time.perf_counter() - start
print(f"one after another: {alone:.2f} s")

start = time.perf_counter()
threads = [threading.Thread(target=digest, args=(ROUNDS,)) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
together = time.perf_counter() - start
print(f"in two threads:    {together:.2f} s ({alone / together:.2f}x as fast)")

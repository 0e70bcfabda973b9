# hashlib.sha256 lets go of the GIL for data of 2048 bytes and more: another thread runs while a
# big block is hashed (a build without a second host thread to run it on cannot show this).
import hashlib
import threading

data = b"threadline" * 3_000_000
progress = [0]
started = threading.Event()
done = threading.Event()


def count():
    started.set()
    while not done.is_set():
        progress[0] += 1


counter = threading.Thread(target=count)
counter.start()
started.wait()
before = progress[0]
digest = hashlib.sha256(data).hexdigest()
during = progress[0] - before
done.set()
counter.join()
print(digest)
print("the other thread ran while a big block was hashed:", during > 100)
small = hashlib.sha256(b"x" * 100).hexdigest()
print(len(small), small[:12])

import sys
import threading

shared = list(range(1000))  # one object that every thread will use
inside = threading.Barrier(4)  # three threads and the main thread
release = threading.Event()


def use(data):
    inside.wait()  # from here on, this thread's frame holds `data`
    release.wait()
    return len(data)


# getrefcount counts its own argument too.
print(f"before any thread:       {sys.getrefcount(shared)}")
threads = [threading.Thread(target=use, args=(shared,)) for _ in range(3)]
print(f"threads made (args):     {sys.getrefcount(shared)}")
for thread in threads:
    thread.start()
inside.wait()
print(f"threads running (frames): {sys.getrefcount(shared)}")
release.set()
for thread in threads:
    thread.join()
print(f"threads ended:           {sys.getrefcount(shared)}")

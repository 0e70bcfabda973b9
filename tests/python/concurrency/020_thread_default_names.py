# Default thread names: "Thread-N (target)" numbered in creation order, and names set later.
import threading

def download():
    pass

def upload():
    pass

threads = [threading.Thread(target=download), threading.Thread(target=upload), threading.Thread()]
print([t.name for t in threads])
named = threading.Thread(target=download, name="custom")
after = threading.Thread(target=download)
print(named.name, after.name)
after.name = "renamed"
print(after.name, str(threads[0]).startswith("<Thread(Thread-1 (download), initial"))
for t in threads:
    t.start()
    t.join()
print(repr(threads[0]).split(",")[0], "stopped" in repr(threads[0]))

class Custom(threading.Thread):
    pass

print(Custom().name, threading.Thread(target=lambda: None).name)

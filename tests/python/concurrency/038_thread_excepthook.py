# An exception in a thread: threading.excepthook prints it to stderr; the program goes on and exits 0.
import threading

def fail():
    raise ValueError("bad input in worker")

t = threading.Thread(target=fail)
t.start()
t.join()
print("main thread continues; worker alive:", t.is_alive())
caught = []

def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook
t2 = threading.Thread(target=fail, name="custom-hook")
t2.start()
t2.join()
print("custom hook saw:", caught)
threading.excepthook = threading.__excepthook__
t3 = threading.Thread(target=lambda: 1 / 0)
t3.start()
t3.join()
print("done")

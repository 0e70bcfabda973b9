# Future.add_done_callback: callbacks run when done, at once if already done, and see exceptions.
from concurrent.futures import ThreadPoolExecutor, Future
import threading

log = []
lock = threading.Lock()

def on_done(future):
    with lock:
        if future.exception() is not None:
            log.append(("failed", type(future.exception()).__name__))
        else:
            log.append(("ok", future.result()))

with ThreadPoolExecutor(max_workers=2) as pool:
    f1 = pool.submit(sum, [1, 2, 3])
    f1.add_done_callback(on_done)
    f2 = pool.submit(int, "not a number")
    f2.add_done_callback(on_done)
print(sorted(log))
finished = f1
late = []
finished.add_done_callback(lambda f: late.append(f.result()))
print("callback on a finished future runs at once:", late)
manual = Future()
print(manual.done(), manual.running())
manual.add_done_callback(lambda f: print("manual future resolved with", f.result()))
manual.set_result("hand-made")
print(manual.done(), manual.result())
broken = Future()
broken.set_exception(KeyError("missing"))
print(repr(broken.exception()))
try:
    broken.result()
except KeyError as err:
    print("KeyError:", err)

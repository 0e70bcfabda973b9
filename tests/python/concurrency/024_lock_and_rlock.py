# Lock versus RLock: re-entrant acquisition, locked(), non-blocking and timed acquire, release errors.
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print("second acquire without blocking:", lock.acquire(blocking=False))
print("second acquire with a timeout:", lock.acquire(timeout=0.05))
lock.release()
print("after release:", lock.locked())
try:
    lock.release()
except RuntimeError as err:
    print("RuntimeError:", err)

rlock = threading.RLock()

def outer():
    with rlock:
        return inner() + 1

def inner():
    with rlock:
        return 41

print("re-entrant:", outer())
rlock.acquire()
rlock.acquire()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as err:
    print("RuntimeError:", err)

def try_from_other(lock_to_try, out):
    out.append(lock_to_try.acquire(blocking=False))

held = threading.RLock()
held.acquire()
seen = []
t = threading.Thread(target=try_from_other, args=(held, seen))
t.start()
t.join()
held.release()
print("another thread cannot take a held RLock:", seen)
with lock:
    print("inside with, locked:", lock.locked())
print("outside with, locked:", lock.locked())

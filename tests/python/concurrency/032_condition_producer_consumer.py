# Condition: a bounded buffer with wait/notify, wait_for with a predicate, and notify_all.
import threading

buffer = []
capacity = 3
cond = threading.Condition()
consumed = []

def producer(items):
    for item in items:
        with cond:
            cond.wait_for(lambda: len(buffer) < capacity)
            buffer.append(item)
            cond.notify_all()
    with cond:
        cond.wait_for(lambda: len(buffer) < capacity)
        buffer.append(None)
        cond.notify_all()

def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: buffer)
            item = buffer.pop(0)
            cond.notify_all()
        if item is None:
            return
        consumed.append(item * item)

p = threading.Thread(target=producer, args=(range(10),))
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
flag = threading.Condition()
released = []
go = False

def wait_for_go(i):
    with flag:
        while not go:
            flag.wait()
        released.append(i)

waiters = [threading.Thread(target=wait_for_go, args=(i,)) for i in range(4)]
for w in waiters:
    w.start()
with flag:
    go = True
    flag.notify_all()
for w in waiters:
    w.join()
print(sorted(released))
with cond:
    print("wait with timeout and nobody notifying:", cond.wait(timeout=0.02))
try:
    cond.notify()
except RuntimeError as err:
    print("RuntimeError:", err)

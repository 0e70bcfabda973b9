# Events fix the order of prints across threads, whatever order the threads were started in.
import threading

step_one = threading.Event()
step_two = threading.Event()

def first():
    print("first: step one")
    step_one.set()
    step_two.wait()
    print("first: step three")

def second():
    step_one.wait()
    print("second: step two")
    step_two.set()

threads = [threading.Thread(target=second), threading.Thread(target=first)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("ordered by events, not by start order")

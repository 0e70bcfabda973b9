# A bounded multiprocessing.Queue: put waits for a free place (queue.Full after a timeout),
# a child's get frees one; get_nowait on an empty queue raises queue.Empty.
import multiprocessing
import queue


def drain(q, count, done):
    total = 0
    for _ in range(count):
        total += q.get(timeout=10)
    done.put(total)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    print("full:", q.full(), q.qsize())
    try:
        q.put(3, timeout=0.05)
    except queue.Full:
        print("queue.Full after the timeout")
    try:
        q.put_nowait(3)
    except queue.Full:
        print("queue.Full at once")
    done = multiprocessing.Queue()
    child = multiprocessing.Process(target=drain, args=(q, 6, done))
    child.start()
    for n in range(3, 7):
        q.put(n, timeout=10)
    print("the child drained:", done.get(timeout=10))
    child.join()
    try:
        q.get_nowait()
    except queue.Empty:
        print("queue.Empty")
    print("empty:", q.empty(), "full:", q.full())

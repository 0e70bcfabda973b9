# A global changed in a spawned child stays in the child: the parent's copy is untouched.
import multiprocessing

counter = 0
items = ["parent"]

def change_globals(report):
    global counter
    counter += 100
    items.append("child")
    report.put((counter, list(items)))

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    counter = 5
    report = multiprocessing.Queue()
    p = multiprocessing.Process(target=change_globals, args=(report,))
    p.start()
    print("child saw:", report.get(timeout=10))
    p.join()
    print("parent still has:", counter, items)

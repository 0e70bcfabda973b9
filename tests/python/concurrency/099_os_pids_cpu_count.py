# os.getpid and os.getppid across a spawned child; cpu_count agrees between os and multiprocessing.
import multiprocessing
import os

def report(queue):
    queue.put((os.getpid(), os.getppid(), multiprocessing.current_process().name))

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    queue = multiprocessing.Queue()
    p = multiprocessing.Process(target=report, args=(queue,))
    p.start()
    child_pid, child_parent, child_name = queue.get(timeout=10)
    p.join()
    print("child's pid is Process.pid:", child_pid == p.pid)
    print("child's parent is us:", child_parent == os.getpid())
    print("names:", child_name, multiprocessing.current_process().name)
    print("cpu counts agree:", os.cpu_count() == multiprocessing.cpu_count(), os.cpu_count() >= 1)
    print("parent pid differs from ours:", os.getppid() != os.getpid())

# multiprocessing.Process with spawn: start, join, exitcode, names, pid, and a child's result via a queue.
import multiprocessing
import os

def work(n, results):
    results.put((multiprocessing.current_process().name, n * n, os.getpid()))

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print(multiprocessing.get_start_method(), multiprocessing.current_process().name)
    results = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=work, args=(n, results)) for n in (3, 4)]
    print([p.name for p in procs], [p.exitcode for p in procs], procs[0].pid)
    for p in procs:
        p.start()
    gathered = sorted(results.get(timeout=10) for _ in procs)
    for p in procs:
        p.join()
    print([(name, square) for name, square, _ in gathered])
    print("children had their own pids:", all(pid != os.getpid() for _, _, pid in gathered))
    print("exit codes:", [p.exitcode for p in procs], "| alive:", [p.is_alive() for p in procs])
    named = multiprocessing.Process(target=work, args=(5, results), name="squarer")
    named.start()
    print(results.get(timeout=10)[:2])
    named.join()
    print(named.name, named.exitcode)

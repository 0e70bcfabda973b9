# Starting a process without the __main__ guard: the spawned child fails while re-importing the
# module (its RuntimeError goes to stderr) and the parent sees exit code 1.
import multiprocessing

def work():
    pass

multiprocessing.set_start_method("spawn", force=True)
print("module runs as", __name__, flush=True)
p = multiprocessing.Process(target=work)
p.start()
p.join()
print("child exit code:", p.exitcode, flush=True)

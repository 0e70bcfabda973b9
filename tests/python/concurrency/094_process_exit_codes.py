# Exit codes of spawned children: normal exit, sys.exit(n), an uncaught exception (traceback on stderr).
import multiprocessing
import sys

def fine():
    pass

def exits_three():
    sys.exit(3)

def crashes():
    raise RuntimeError("child crashed")

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    for target in (fine, exits_three, crashes):
        p = multiprocessing.Process(target=target)
        p.start()
        p.join()
        print(target.__name__, "->", p.exitcode)

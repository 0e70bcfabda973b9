# With spawn, a child finds its target by name in the module it runs again as __mp_main__:
# a function defined inside the `if __name__ == "__main__":` block does not exist there,
# so the child fails to unpickle it (AttributeError on stderr) and exits with code 1.
import multiprocessing


def at_module_level():
    print("module-level target ran", flush=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")

    def under_the_guard():
        print("never printed")

    ok = multiprocessing.Process(target=at_module_level)
    ok.start()
    ok.join()
    bad = multiprocessing.Process(target=under_the_guard)
    bad.start()
    bad.join()
    print("exit codes:", ok.exitcode, bad.exitcode)

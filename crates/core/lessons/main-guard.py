import multiprocessing


def greet():
    print("hello from the child")


# A spawned child runs this whole file again, as the module `__mp_main__`,
# before it calls greet(). Without `if __name__ == "__main__":` around the
# lines below, the child reaches p.start() too, and refuses to start a
# process of its own.
print(f"running as {__name__}")
p = multiprocessing.Process(target=greet)
p.start()
p.join()
print(f"the child's exit code: {p.exitcode}")

# A bare raise of an exception class with no message, after a finally block has printed.
def work():
    try:
        print("working")
        raise NotImplementedError
    finally:
        print("cleanup runs before the traceback")

work()

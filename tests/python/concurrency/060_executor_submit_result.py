# ThreadPoolExecutor.submit: futures, result(), done(), and an exception re-raised by result().
from concurrent.futures import ThreadPoolExecutor
import time

def square(n):
    time.sleep(0.01)
    return n * n

def fail(message):
    raise ValueError(message)

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(square, n) for n in range(6)]
    print([f.result() for f in futures])
    print(all(f.done() for f in futures), type(futures[0]).__name__)
    bad = pool.submit(fail, "no good")
    try:
        bad.result()
    except ValueError as err:
        print("result() re-raised:", type(err).__name__, err)
    print("exception():", repr(bad.exception()), "| done:", bad.done())
    kw = pool.submit(lambda a, b=0: a - b, 10, b=3)
    print("keyword arguments:", kw.result())
print("cancelled:", futures[0].cancelled(), "| running:", futures[0].running())

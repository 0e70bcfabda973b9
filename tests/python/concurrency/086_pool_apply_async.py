# Pool.apply_async: AsyncResult.get, ready, successful, callbacks, and a child exception re-raised.
import multiprocessing

def slow_add(a, b):
    return a + b

def fail(message):
    raise KeyError(message)

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    collected = []
    with multiprocessing.Pool(processes=2) as pool:
        handles = [pool.apply_async(slow_add, (i, 10), callback=collected.append) for i in range(4)]
        print([h.get(timeout=10) for h in handles])
        print("ready:", all(h.ready() for h in handles), "| successful:", all(h.successful() for h in handles))
        bad = pool.apply_async(fail, ("lost key",))
        try:
            bad.get(timeout=10)
        except KeyError as err:
            print("KeyError from the child:", err)
        print("successful:", bad.successful())
        print("apply (blocking):", pool.apply(slow_add, (1, 2)))
    print("callbacks saw:", sorted(collected))

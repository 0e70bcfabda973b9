# What cannot cross to another process: a lambda sent to a pool, a thread lock given to a Process.
import multiprocessing
import threading

def use_lock(lock):
    pass

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(processes=1) as pool:
        try:
            pool.map(lambda n: n * 2, [1, 2])
        except Exception as err:
            text = str(err)
            print(type(err).__name__, "|", text.split(" at 0x")[0], "|", text.split(": ", 1)[1])
    p = multiprocessing.Process(target=use_lock, args=(threading.Lock(),))
    try:
        p.start()
    except TypeError as err:
        print("TypeError:", err)
    gen = (n for n in range(3))
    q = multiprocessing.Queue()
    p2 = multiprocessing.Process(target=use_lock, args=(gen,))
    try:
        p2.start()
    except TypeError as err:
        print("TypeError:", err)

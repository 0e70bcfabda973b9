# multiprocessing.Queue and Pipe between a parent and spawned children.
import multiprocessing

def producer(queue, count):
    for n in range(count):
        queue.put({"n": n, "square": n * n})
    queue.put(None)

def echo(conn):
    while True:
        message = conn.recv()
        if message == "bye":
            conn.send("bye")
            break
        conn.send(message.upper())
    conn.close()

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    queue = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(queue, 5))
    p.start()
    received = []
    while (item := queue.get(timeout=10)) is not None:
        received.append(item["square"])
    p.join()
    print("from the queue:", received)
    parent_end, child_end = multiprocessing.Pipe()
    e = multiprocessing.Process(target=echo, args=(child_end,))
    e.start()
    for word in ["hello", "pipe", "bye"]:
        parent_end.send(word)
        print("echo:", parent_end.recv())
    e.join()
    print("poll on an idle pipe:", parent_end.poll(0.05))
    print("exit codes:", p.exitcode, e.exitcode)

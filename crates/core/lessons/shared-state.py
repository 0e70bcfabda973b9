import multiprocessing

ROUNDS = 500


def work(slot, total, done):
    for _ in range(ROUNDS):
        with total.get_lock():  # one process at a time in here
            total.value += 1
    done[slot] = ROUNDS  # its own slot: no lock needed


if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)  # lives in memory all the processes share
    done = multiprocessing.Array("i", 4)
    workers = [
        multiprocessing.Process(target=work, args=(slot, total, done)) for slot in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"each process counted: {list(done)}")
    print(f"shared total: {total.value} of {4 * ROUNDS}")

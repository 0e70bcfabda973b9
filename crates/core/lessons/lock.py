import threading

balance = 0
balance_lock = threading.Lock()


def audited(amount):
    # Stands for the work a real deposit does between reading the balance
    # and writing it back: checks, logs, a database round trip.
    return sum(amount for _ in range(200)) // 200


def deposit(times):
    global balance
    for _ in range(times):
        with balance_lock:  # read, modify and write as one step
            current = balance
            current += audited(1)
            balance = current


threads = [threading.Thread(target=deposit, args=(2_500,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"final balance: {balance} (expected {4 * 2_500})")

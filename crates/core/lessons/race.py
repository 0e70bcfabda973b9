import threading

balance = 0


def audited(amount):
    # Stands for the work a real deposit does between reading the balance
    # and writing it back: checks, logs, a database round trip.
    return sum(amount for _ in range(200)) // 200


def deposit(times):
    global balance
    for _ in range(times):
        current = balance  # read
        current += audited(1)  # modify
        balance = current  # write: whatever others wrote meanwhile is lost


threads = [threading.Thread(target=deposit, args=(2_500,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"final balance: {balance} (expected {4 * 2_500})")

# The bank-account race made deterministic with a Lock: concurrent deposits and withdrawals.
import threading

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            current = self.balance
            current += amount
            self.balance = current

    def withdraw(self, amount):
        with self.lock:
            current = self.balance
            current -= amount
            self.balance = current

account = Account(1000)

def depositor():
    for _ in range(25000):
        account.deposit(2)

def spender():
    for _ in range(25000):
        account.withdraw(1)

threads = [threading.Thread(target=depositor) for _ in range(2)]
threads += [threading.Thread(target=spender) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("final balance:", account.balance)
print("expected:", 1000 + 2 * 25000 * 2 - 2 * 25000)

total = 0
total_lock = threading.Lock()

def add_many():
    global total
    for _ in range(50000):
        with total_lock:
            total += 1

workers = [threading.Thread(target=add_many) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("counter with a lock:", total)

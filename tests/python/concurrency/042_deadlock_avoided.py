# Two locks taken in one global order by every thread: the classic transfer deadlock cannot happen.
import threading

class Account:
    def __init__(self, number, balance):
        self.number = number
        self.balance = balance
        self.lock = threading.Lock()

def transfer(source, target, amount):
    first, second = sorted((source, target), key=lambda a: a.number)
    with first.lock:
        with second.lock:
            source.balance -= amount
            target.balance += amount

a = Account(1, 1000)
b = Account(2, 1000)

def a_to_b():
    for _ in range(5000):
        transfer(a, b, 1)

def b_to_a():
    for _ in range(5000):
        transfer(b, a, 2)

threads = [threading.Thread(target=a_to_b), threading.Thread(target=b_to_a)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=10)
print("finished without deadlock:", not any(t.is_alive() for t in threads))
print("balances:", a.balance, b.balance, "| total kept:", a.balance + b.balance)
lock = threading.Lock()
with lock:
    got = lock.acquire(timeout=0.05)
    print("a timed acquire escapes a self-deadlock:", got)

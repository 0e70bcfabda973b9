# Subclassing Thread and overriding run(); a result stored on the thread object; start twice fails.
import threading

class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)

workers = [Summer(range(n)) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])

class Greeter(threading.Thread):
    def run(self):
        print(f"hello from {self.name}")

g = Greeter(name="greeter")
g.start()
g.join()
try:
    g.start()
except RuntimeError as err:
    print("RuntimeError:", err)
plain = threading.Thread()
plain.start()
plain.join()
print("a thread without a target runs nothing:", not plain.is_alive())

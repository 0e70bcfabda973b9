# threading.local: each thread sees its own attributes; the main thread's value is untouched.
import threading

context = threading.local()
context.user = "main"
seen = {}
lock = threading.Lock()

def handle(user):
    print_before = hasattr(context, "user")
    context.user = user
    context.requests = [user.upper()]
    with lock:
        seen[user] = (print_before, context.user, context.requests)

threads = [threading.Thread(target=handle, args=(u,)) for u in ("ada", "bob", "cy")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(dict(sorted(seen.items())))
print("main still sees:", context.user, hasattr(context, "requests"))

class Counter(threading.local):
    def __init__(self):
        self.count = 0

counter = Counter()
def bump(n, out):
    for _ in range(n):
        counter.count += 1
    out.append(counter.count)

results = []
workers = [threading.Thread(target=bump, args=(n, results)) for n in (3, 5)]
for w in workers:
    w.start()
    w.join()
print(results, counter.count)

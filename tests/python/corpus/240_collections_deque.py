# collections.deque: both ends, maxlen as a sliding window, rotate, and use as a queue.
from collections import deque

d = deque([2, 3])
d.append(4)
d.appendleft(1)
print(d, len(d), d[0], d[-1], 3 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([0, -1])
print(d, list(d), list(reversed(d)))
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(7), d.index(8))
d.remove(7)
print(d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as err:
    print("IndexError:", err)
window = deque(maxlen=3)
for reading in [5, 7, 9, 11, 13]:
    window.append(reading)
    print(list(window), sum(window) / len(window))
print(window, window.maxlen)
history = deque("abcde", maxlen=3)
print(history)
history.appendleft("z")
print(history)
tasks = deque(["wash", "dry", "fold"])
while tasks:
    task = tasks.popleft()
    print("doing", task)
    if task == "wash":
        tasks.append("iron")
def bfs(graph, start):
    seen, order, queue = {start}, [], deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": [], "f": []}
print(bfs(graph, "a"))
print(deque(range(5)) == deque([0, 1, 2, 3, 4]), deque([1]) + deque([2]), deque() == deque([]))

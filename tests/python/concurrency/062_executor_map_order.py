# Executor.map returns results in input order even when later inputs finish first.
from concurrent.futures import ThreadPoolExecutor
import time

def slow_echo(item):
    delay, label = item
    time.sleep(delay)
    return label

items = [(0.12, "first"), (0.01, "second"), (0.06, "third"), (0.0, "fourth")]
with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(slow_echo, items)))
    print(list(pool.map(pow, [2, 3, 4], [5, 2, 1])))
    results = pool.map(lambda n: 10 // n, [5, 2, 0, 1])
    try:
        for value in results:
            print("value", value)
    except ZeroDivisionError as err:
        print("map re-raised at the failing item:", err)
    print(list(pool.map(str.upper, [])))

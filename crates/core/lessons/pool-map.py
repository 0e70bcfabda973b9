import concurrent.futures
import time


def task(number, seconds):
    time.sleep(seconds)
    print(f"  task {number} finished")
    return f"task {number} slept {seconds} s"


durations = [0.4, 0.1, 0.3, 0.2]
with concurrent.futures.ThreadPoolExecutor() as executor:
    # map runs the tasks at once but gives the results back in input order:
    # the first result waits for task 0, the slowest
    for result in executor.map(task, range(len(durations)), durations):
        print(f"result: {result}")

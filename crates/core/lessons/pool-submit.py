import concurrent.futures
import time


def task(number, seconds):
    time.sleep(seconds)
    print(f"  task {number} finished")
    return f"task {number} slept {seconds} s"


durations = [1.0, 0.25, 0.75, 0.5]
with concurrent.futures.ThreadPoolExecutor() as executor:
    futures = [executor.submit(task, n, s) for n, s in enumerate(durations)]
    print(f"submitted tasks 0 to {len(futures) - 1}")
    # as_completed hands each future back as soon as its task is done
    for future in concurrent.futures.as_completed(futures):
        print(f"result: {future.result()}")

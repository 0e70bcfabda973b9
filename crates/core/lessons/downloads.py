import concurrent.futures
import time

import requests

# The lab serves small images; `latency` is how long the server takes to answer.
URLS = [f"io/resource/{n}?latency=200" for n in range(15)]


def download(url):
    response = requests.get(url)
    response.raise_for_status()
    return len(response.content)


start = time.perf_counter()
sizes = [download(url) for url in URLS]
print(f"one after another: {len(sizes)} images in {time.perf_counter() - start:.1f} s")

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor() as executor:
    sizes = list(executor.map(download, URLS))
print(f"with a thread pool: {len(sizes)} images in {time.perf_counter() - start:.1f} s")
print(f"{sum(sizes):,} bytes each time")

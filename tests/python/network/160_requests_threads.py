# requests in threads: each download blocks its thread and lets go of the GIL, so they overlap.
import threading
import time
import requests

BASE = "http://127.0.0.1:8765/io/resource/"
sizes = {}

def download(i):
    response = requests.get(f"{BASE}{i}?latency=200", timeout=5)
    sizes[i] = (response.status_code, len(response.content))

start = time.perf_counter()
threads = [threading.Thread(target=download, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(sorted(sizes.items()))
print("downloads overlapped:", 0.19 < elapsed < 0.6)

with requests.Session() as session:
    ok = session.get(BASE + "3?latency=20")
    print(ok.status_code, ok.ok, ok.reason, ok.headers["content-type"], ok.content[:4])
bad = requests.get(BASE + "3?latency=20&fail=1")
print(bad.status_code, bad.ok, bad.reason, bad.text)
try:
    bad.raise_for_status()
except requests.HTTPError as err:
    print("HTTPError:", str(err).replace(BASE, "BASE/"), err.response.status_code)
try:
    requests.get(BASE + "4?latency=800", timeout=0.1)
except requests.Timeout as err:
    print("timed out:", type(err).__name__, isinstance(err, requests.RequestException))
try:
    requests.get("http://127.0.0.1:1/elsewhere", timeout=2)
except requests.ConnectionError as err:
    print("refused:", type(err).__name__, isinstance(err, OSError))

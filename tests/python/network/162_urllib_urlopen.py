# urllib.request.urlopen: a context manager whose read() gives the bytes; HTTPError and URLError.
import time
import urllib.error
import urllib.request

BASE = "http://127.0.0.1:8765/io/resource/"

start = time.perf_counter()
with urllib.request.urlopen(BASE + "5?latency=100") as response:
    body = response.read()
    print(response.status, len(body), body[:4], response.getcode())
print("waited for the latency:", time.perf_counter() - start >= 0.09)
try:
    urllib.request.urlopen(BASE + "5?fail=1")
except urllib.error.HTTPError as err:
    print("HTTPError:", err, err.code, err.reason, isinstance(err, urllib.error.URLError))
try:
    urllib.request.urlopen("http://127.0.0.1:1/elsewhere", timeout=2)
except urllib.error.URLError as err:
    print("URLError:", type(err).__name__, isinstance(err, OSError))
try:
    urllib.request.urlopen(BASE + "6?latency=800", timeout=0.1)
except TimeoutError:
    print("urlopen timed out")

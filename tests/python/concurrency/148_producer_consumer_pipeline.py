# A three-stage thread pipeline connected by queues: download, parse, store, with sentinels.
import queue
import threading
import time

raw = queue.Queue()
parsed = queue.Queue()
stored = []

def download(urls):
    for url in urls:
        time.sleep(0.01)
        raw.put(f"<html>{url}</html>")
    raw.put(None)

def parse():
    while (page := raw.get()) is not None:
        parsed.put(page.removeprefix("<html>").removesuffix("</html>").upper())
    parsed.put(None)

def store():
    while (item := parsed.get()) is not None:
        stored.append(item)

urls = [f"site{i}.example" for i in range(5)]
stages = [threading.Thread(target=download, args=(urls,), name="download"),
          threading.Thread(target=parse, name="parse"),
          threading.Thread(target=store, name="store")]
for stage in stages:
    stage.start()
for stage in stages:
    stage.join()
print(stored)
print([s.name for s in stages], [s.is_alive() for s in stages])

# hashlib.sha256 over bytes, in a thread pool: digests are the same as computed in the main thread.
import hashlib
from concurrent.futures import ThreadPoolExecutor

blocks = [bytes([i]) * (1024 * (i + 1)) for i in range(6)]

def digest(block):
    return hashlib.sha256(block).hexdigest()

expected = [digest(b) for b in blocks]
with ThreadPoolExecutor(max_workers=3) as pool:
    in_threads = list(pool.map(digest, blocks))
print("threads agree:", in_threads == expected)
print(hashlib.sha256(b"threadline").hexdigest())
print(hashlib.sha256(b"").hexdigest()[:16], len(hashlib.sha256(b"x").digest()))
h = hashlib.sha256()
h.update(b"thread")
h.update(b"line")
print(h.hexdigest() == hashlib.sha256(b"threadline").hexdigest(), h.name, h.digest_size)
big = b"a" * 100_000
print(hashlib.sha256(big).hexdigest())
try:
    hashlib.sha256("text")
except TypeError as err:
    print("TypeError:", err)

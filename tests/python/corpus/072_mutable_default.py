# The mutable default argument gotcha, and the None-default idiom that fixes it.
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_bad(1))
print(append_bad(2))
print(append_bad(3, []))
print(append_bad(4))

def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_good(1), append_good(2))

def counter(counts={}):
    counts["calls"] = counts.get("calls", 0) + 1
    return counts["calls"]

print(counter(), counter(), counter())
print(append_bad(5) is append_bad(6), append_good(5) is append_good(6))

calls = []
def stamp(at=len(calls)):
    return at
calls.append("x")
print(stamp(), stamp(5))

def make_list(n, template=[0]):
    return template * n

a = make_list(2)
a.append(9)
print(make_list(3))

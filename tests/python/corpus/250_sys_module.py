# sys: version_info, recursion limit, and reference counts that change as references are added.
import sys

print(sys.version_info[0], sys.version_info[0] >= 3, sys.version_info >= (3, 8))
print(sys.getrecursionlimit())
fresh = []
before = sys.getrefcount(fresh)
holder = [fresh]
after = sys.getrefcount(fresh)
print(before, after, after - before)
other = fresh
print(sys.getrefcount(fresh) - before)
del holder, other
print(sys.getrefcount(fresh) == before)
print(type(sys.version).__name__, sys.version.startswith("3."))
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 100)
box = {"key": fresh, "again": fresh}
print(sys.getrefcount(fresh) - before)

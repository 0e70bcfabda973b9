# Slicing of strings, lists and tuples with steps, negatives, out-of-range bounds, assignment.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1] == "")
print(s[100:], s[-100:3], s[5:100], s[3:3] == "", s[-1:-4:-1])
nums = list(range(10))
print(nums[1:9:3], nums[::-3], nums[-2::-2], nums[slice(2, 6)], nums[slice(None, None, -4)])
tup = tuple(range(5))
print(tup[1:3], tup[::-1], tup[:0], type(tup[1:]).__name__)
letters = list("abcdefg")
letters[1:3] = ["X", "Y", "Z"]
print(letters)
letters[::2] = [1, 2, 3, 4]
print(letters)
letters[2:5] = []
print(letters)
del letters[::2]
print(letters)
nums2 = list(range(8))
del nums2[1:3]
print(nums2)
nums2[len(nums2):] = [100, 200]
print(nums2)
nums2[:0] = [-1]
print(nums2)
copy = nums2[:]
copy.append("new")
print(len(nums2), len(copy), copy is nums2, copy[:-1] == nums2)
try:
    letters[::2] = [1, 2, 3, 4, 5, 6]
except ValueError as err:
    print("ValueError:", err)
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, sl, "abcdefghijk"[sl])
print(sl.indices(5), slice(None).indices(3))
print("racecar" == "racecar"[::-1], [1, 2, 1][::-1] == [1, 2, 1])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in matrix[::-1]], [row[1] for row in matrix][1:])
print(b"bytes"[1:3], b"bytes"[::-1], b"bytes"[0])

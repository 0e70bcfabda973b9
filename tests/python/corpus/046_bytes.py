# bytes: literals, indexing gives ints, slicing, methods, encode/decode, errors.
data = b"hello world"
print(data, len(data), data[0], data[-1], data[:5], type(data[0]).__name__)
print(list(b"abc"), bytes([72, 105]), bytes(range(65, 70)), bytes(2))
print(data.upper(), data.split(), data.replace(b"world", b"there"), data.find(b"o"))
print(b"-".join([b"a", b"b"]), data.startswith(b"he"), b"  x ".strip(), data.count(b"l"))
print(b"abc" + b"def", b"ab" * 3, b"a" in b"abc", 98 in b"abc", b"abc" < b"abd")
print("héllo".encode("utf-8"), "héllo".encode("utf-8").decode("utf-8"), len("héllo".encode()))
print(b"\x00\x01\x7f\x80\xff", repr(b"'"), repr(b'"'), b"\t\n\r")
print(b"abc" == b"abc", hash(b"x") == hash(b"x"), bytes("abc", "ascii"))
try:
    data[0] = 1
except TypeError as err:
    print("TypeError:", err)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print("UnicodeDecodeError:", err.reason)
try:
    b"a" + "b"
except TypeError as err:
    print("TypeError:", err)
print([b for b in b"hi"], sum(b"\x01\x02\x03"), max(b"xyz"))

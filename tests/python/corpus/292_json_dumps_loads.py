# json: dumps (compact, indented, sorted, custom separators) and loads, with JSONDecodeError's positions.
import json
data = {"name": "Ada", "tags": ["x", "y\n"], "n": 3, "pi": 3.5, "ok": True, "none": None, "nested": {"a": [], "b": {}}, "u": "é"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(json.dumps(data)) == data)
print(json.loads('  {"a": [1, 2.5, -3e2, true, null, "s\\u00e9\\n"]} '))
for bad in ['{"a" 1}', '[1, 2', '', '{"a": 1} x', "{'a': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("error:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
print(json.dumps([1, {"k": (1, 2)}], separators=(",", ":")))
print(json.loads(b'[1]'))

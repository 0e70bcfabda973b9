# A generator pipeline over log lines: parse, filter, group and summarise lazily.
LOG = """\
2024-05-01 10:00:01 INFO  server started port=8080
2024-05-01 10:00:05 WARN  slow request path=/api/users ms=830
2024-05-01 10:01:17 ERROR database timeout path=/api/orders ms=5000
2024-05-01 10:02:00 INFO  request path=/api/users ms=45
2024-05-01 10:02:30 ERROR database timeout path=/api/users ms=5000
malformed line here
2024-05-01 10:03:12 INFO  request path=/api/orders ms=120
"""

def read(text):
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line

def parse(lines):
    for number, line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) < 4 or parts[2] not in {"INFO", "WARN", "ERROR"}:
            print(f"skipping line {number}: {line!r}")
            continue
        date, time, level, rest = parts
        fields = dict(item.split("=", 1) for item in rest.split() if "=" in item)
        message = " ".join(w for w in rest.split() if "=" not in w)
        yield {"time": time, "level": level, "message": message, **fields}

def only(levels, records):
    return (r for r in records if r["level"] in levels)

records = list(parse(read(LOG)))
print(len(records), "records")
for record in only({"ERROR"}, records):
    print(record["time"], record["path"], record["message"])
by_path = {}
for record in records:
    if "ms" in record:
        by_path.setdefault(record["path"], []).append(int(record["ms"]))
for path, times in sorted(by_path.items()):
    print(f"{path:<12} n={len(times)} max={max(times):>5} avg={sum(times) / len(times):8.1f}")
levels = {}
for record in records:
    levels[record["level"]] = levels.get(record["level"], 0) + 1
print(levels, next((r["time"] for r in records if r["level"] == "WARN"), None))

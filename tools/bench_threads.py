#!/usr/bin/env python3
"""Runs the thread benchmarks of tests/python/bench-threads/ under CPython and under each build
of Threadline Python, natively, and reports the GIL's figures side by side: the turns of two
CPU-bound threads (median, p90), the convoy effect, the speedup of two CPU-bound threads, and
what recording costs. Called by tools/bench-threads.sh, which builds the release binary first.

    bench_threads.py OURS_BINARY JSON_OUT [RUNS]
"""

import json
import os
import statistics
import subprocess
import sys
from time import perf_counter_ns as time_ns

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "python", "bench-threads")
BUILDS = ["gil", "free-threaded", "one-core"]
TIMEOUT_S = 120


def measure(command, program, args=()):
    """Runs one benchmark program; the `key value` lines it prints, as floats."""
    path = os.path.join(PROGRAMS, program)
    done = subprocess.run(command + [path, *args], capture_output=True, text=True,
                          timeout=TIMEOUT_S, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} {program} failed: {done.stderr.strip()[-300:]}")
    values = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(" ")
        values[key] = float(value)
    return values


def medians(command, program, runs, args=()):
    """Each figure's median over `runs` runs."""
    samples = [measure(command, program, args) for _ in range(runs)]
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def wall_ms(command, path, runs):
    """The median wall time of a whole program, in ms."""
    times = []
    for _ in range(runs):
        start = time_ns()
        done = subprocess.run(command + [path], capture_output=True, timeout=TIMEOUT_S, cwd=ROOT)
        times.append((time_ns() - start) / 1e6)
        if done.returncode != 0:
            raise RuntimeError(f"{path} failed: {done.stderr[-300:]!r}")
    return statistics.median(times)


def interpreters(ours):
    yield "cpython", ["python3"]
    for build in BUILDS:
        yield build, [ours, "--build", build]


def recording_cost(ours, runs):
    """Wall time with and without recording (--record: recorded as for --trace, but the trace
    is not written, which is the export's cost, not the recording's), for a CPU-bound and a
    lock-heavy program."""
    cases = {
        "cpu": os.path.join(PROGRAMS, "cpu_speedup.py"),
        "locks": os.path.join(ROOT, "tests", "python", "concurrency", "022_lock_bank_account.py"),
    }
    costs = {}
    for build in ["gil", "one-core"]:
        for label, path in cases.items():
            plain = wall_ms([ours, "--build", build], path, runs)
            traced = wall_ms([ours, "--build", build, "--record"], path, runs)
            costs[f"{build}/{label}"] = {"plain_ms": round(plain, 1), "traced_ms": round(traced, 1),
                                         "cost_pct": round((traced / plain - 1) * 100, 1)}
    return costs


def table(results, recording):
    cpython = results["cpython"]
    rows = [("GIL turn, median (ms)", "median_ms"), ("GIL turn, p90 (ms)", "p90_ms"),
            ("convoy: beside / alone", "ratio"), ("two CPU threads: speedup", "speedup")]
    names = ["cpython"] + BUILDS
    print(f"{'':28}" + "".join(f"{n:>15}" for n in names))
    for label, key in rows:
        cells = []
        for name in names:
            value = results[name].get(key)
            cell = "-" if value is None else f"{value:.2f}"
            if name != "cpython" and value is not None and cpython.get(key):
                cell += f" ({value / cpython[key]:.2f}x)"
            cells.append(f"{cell:>15}")
        print(f"{label:28}" + "".join(cells))
    print("\nrecording (--record) cost:")
    for case, cost in recording.items():
        print(f"  {case:18} {cost['plain_ms']:>8.1f} ms -> {cost['traced_ms']:>8.1f} ms"
              f"  ({cost['cost_pct']:+.1f} %)")


def main():
    ours, json_out = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    results = {}
    for name, command in interpreters(ours):
        figures = {}
        figures.update(medians(command, "gil_turns.py", runs))
        figures.update(medians(command, "convoy.py", runs))
        figures.update(medians(command, "cpu_speedup.py", runs))
        results[name] = figures
        print(f"measured {name}", file=sys.stderr)
    recording = recording_cost(ours, runs)
    table(results, recording)
    with open(json_out, "w") as out:
        json.dump({"runs": runs, "results": results, "recording": recording}, out, indent=1)
    print(f"\nwritten to {json_out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# The GIL's figures, natively, under CPython and under each build of Threadline Python (release
# build), in one run: the median and p90 GIL turn of two CPU-bound threads, the convoy effect
# (40 sleeps of 1 ms alone and beside a CPU-bound thread), the speedup of two CPU-bound threads,
# and what recording (--trace) costs. Prints a table and writes target/bench-threads.json.
#
#   tools/bench-threads.sh                 3 runs of each measurement (medians)
#   BENCH_RUNS=5 tools/bench-threads.sh    more runs
#   BENCH_NO_BUILD=1 ...                   use the binary already built
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
ours=$target_dir/release/threadline-python
command -v python3 >/dev/null || { echo "python3 (CPython, the reference) is missing" >&2; exit 1; }
if [[ -z ${BENCH_NO_BUILD:-} ]]; then
  native build --release -p threadline-python --quiet || { echo "the release build failed" >&2; exit 1; }
fi
mkdir -p "$target_dir"
python3 tools/bench_threads.py "$ours" "$target_dir/bench-threads.json" "${BENCH_RUNS:-3}"

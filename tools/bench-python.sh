#!/usr/bin/env bash
# Times the programs of tests/python/bench/ under CPython and under Threadline Python (release
# build): the median wall time of 3 runs each, and whether the two printed the same thing.
# Prints a table and writes it as JSON to target/bench-python.json.
#
#   tools/bench-python.sh               every program
#   tools/bench-python.sh fib primes    only these
#   BENCH_RUNS=5 tools/bench-python.sh  more runs per interpreter
#   BENCH_NO_BUILD=1 ...                use the binary already built
#   BENCH_INTERPRETER=python3 ...       time another interpreter in place of ours (checks the
#                                       script itself: every ratio is then about 1)
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

runs=${BENCH_RUNS:-3}
timeout_seconds=${BENCH_TIMEOUT:-120}
target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
ours=${BENCH_INTERPRETER:-$target_dir/release/threadline-python}
json_out="$target_dir/bench-python.json"

command -v python3 >/dev/null || { echo "python3 (CPython, the reference) is missing" >&2; exit 1; }
if [[ -z ${BENCH_NO_BUILD:-} && -z ${BENCH_INTERPRETER:-} ]]; then
  native build --release -p threadline-python --quiet || { echo "the release build failed" >&2; exit 1; }
fi

if (($# > 0)); then
  programs=()
  for name in "$@"; do programs+=("tests/python/bench/${name%.py}.py"); done
else
  programs=(tests/python/bench/*.py)
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

now_us() {
  # Bash's own clock: no process to start, so nothing is added to what is timed.
  local t=${EPOCHREALTIME/[.,]/}
  echo "$t"
}

# run_timed INTERPRETER PROGRAM OUT: runs once, writes stdout to OUT, prints the wall time in
# milliseconds; fails when the program fails or times out.
run_timed() {
  local start end status
  start=$(now_us)
  timeout "$timeout_seconds" "$1" "$2" >"$3" 2>"$scratch/stderr" </dev/null
  status=$?
  end=$(now_us)
  echo $(((end - start) / 1000))
  return "$status"
}

median() {
  printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# measure INTERPRETER PROGRAM LABEL: median milliseconds of $runs runs, or "failed". The last
# run's stdout is kept in $scratch/LABEL.out for the comparison.
measure() {
  local times=() ms i
  for ((i = 0; i < runs; i++)); do
    if ! ms=$(run_timed "$1" "$2" "$scratch/$3.out"); then
      echo "failed"
      return
    fi
    times+=("$ms")
  done
  median "${times[@]}"
}

number_or_null() {
  if [[ $1 =~ ^[0-9]+$ ]]; then echo "$1"; else echo null; fi
}

printf '%-10s | %10s | %13s | %s\n' "program" "CPython ms" "Threadline ms" "ratio"
printf -- '-----------+------------+---------------+--------------\n'
rows=()
for program in "${programs[@]}"; do
  name=$(basename "$program" .py)
  if [[ ! -f $program ]]; then
    printf '%-10s | %10s | %13s | %s\n' "$name" "-" "-" "no such program"
    continue
  fi
  cpython_ms=$(measure python3 "$program" cpython)
  if command -v "$ours" >/dev/null; then ours_ms=$(measure "$ours" "$program" ours); else ours_ms="failed"; fi
  verdict="ok"
  if [[ $cpython_ms == failed ]]; then
    verdict="CPython failed"
  elif [[ $ours_ms == failed ]]; then
    verdict="failed"
  elif ! cmp -s "$scratch/cpython.out" "$scratch/ours.out"; then
    verdict="output differs"
  fi
  ratio="$verdict"
  ratio_json=null
  if [[ $verdict == ok ]]; then
    ratio=$(awk -v a="$ours_ms" -v b="$cpython_ms" 'BEGIN { printf "%.2fx", a / (b > 0 ? b : 1) }')
    ratio_json=${ratio%x}
  fi
  printf '%-10s | %10s | %13s | %s\n' "$name" "$cpython_ms" "$ours_ms" "$ratio"
  rows+=("$(printf '{"program": "%s", "cpython_ms": %s, "threadline_ms": %s, "ratio": %s, "status": "%s"}' \
    "$name" "$(number_or_null "$cpython_ms")" "$(number_or_null "$ours_ms")" "$ratio_json" "$verdict")")
done

mkdir -p "$(dirname "$json_out")"
{
  printf '{"runs": %s, "results": [\n' "$runs"
  for i in "${!rows[@]}"; do
    separator=","
    ((i == ${#rows[@]} - 1)) && separator=""
    printf '  %s%s\n' "${rows[$i]}" "$separator"
  done
  printf ']}\n'
} >"$json_out"
echo "written to ${json_out#"$ROOT"/}"

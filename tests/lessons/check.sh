#!/usr/bin/env bash
# Runs every lesson program (crates/core/lessons/<id>.py) and checks that it
# ends as it should within a time bound, printing how long each one took.
#
#   tests/lessons/check.sh [--python CMD] [--runner cpython|threadline] [ID...]
#
# --python   the interpreter command (default: python3)
# --runner   whose behaviour to expect (default: cpython). They differ on one
#            lesson: CPython never notices a deadlock and hangs until the bound
#            kills it, Threadline Python detects it and exits with status 1.
#
# For CPython the harness serves the lab's resources itself (server.py) and
# puts cpython/ on PYTHONPATH: its sitecustomize starts processes by spawn, as
# the lab does, and resolves the lessons' relative resource URLs against the
# server; cpython/aiohttp.py stands in for aiohttp, which CPython lacks.
# `requests` must be installed for CPython (pip install requests).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
lessons="$here/../../crates/core/lessons"
python=python3
runner=cpython
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    --runner) runner=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) break ;;
  esac
done

# Every lesson in index order: id, expected exit status, time bound (s), and
# a text its stderr must contain ("-": nothing). "hang" expects the bound to
# end the run.
expectations() {
  local deadlock=1
  [ "$runner" = cpython ] && deadlock=hang
  cat <<TABLE
main-thread 0 10 -
thread-start-join 0 10 -
join-in-loop 0 10 -
pool-submit 0 10 -
pool-map 0 10 -
downloads 0 15 -
gil-cpu 0 10 -
gil-io 0 10 -
convoy 0 10 -
gil-release-native 0 10 -
free-threaded 0 10 -
one-core 0 10 -
lifecycle 0 10 -
object-refs 0 10 -
processes 0 15 -
main-guard 0 15 bootstrapping phase
process-pool 0 20 -
more-procs-than-cores 0 30 -
shared-state 0 15 -
asyncio-gather 0 10 -
asyncio-cpu 0 10 -
race 0 10 -
lock 0 10 -
deadlock $deadlock 3 -
subinterpreters 0 20 -
cpu-count 0 10 -
TABLE
}

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; }
trap cleanup EXIT
if [ "$runner" = cpython ]; then
  port_file=$(mktemp)
  python3 "$here/server.py" >"$port_file" &
  server_pid=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  export LESSONS_BASE_URL="http://127.0.0.1:$(cat "$port_file")/"
  export PYTHONPATH="$here/cpython${PYTHONPATH:+:$PYTHONPATH}"
  rm -f "$port_file"
fi

failed=0
total=0
out=$(mktemp)
err=$(mktemp)
while read -r id status bound needle; do
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$id"; then continue; fi
  total=$((total + 1))
  started=$(date +%s.%N)
  (cd "$lessons" && timeout "$bound" $python "$id.py" >"$out" 2>"$err")
  got=$?
  took=$(echo "$(date +%s.%N) - $started" | bc)
  verdict=ok
  if [ "$status" = hang ]; then
    [ "$got" = 124 ] || verdict="expected a hang, got status $got"
  elif [ "$got" = 124 ]; then
    verdict="did not end within $bound s"
  elif [ "$got" != "$status" ]; then
    verdict="status $got, expected $status"
  fi
  if [ "$verdict" = ok ] && [ "$needle" != - ] && ! grep -qF "$needle" "$err"; then
    verdict="stderr lacks \"$needle\""
  fi
  printf '%-22s %6.2f s  %s\n' "$id" "$took" "$verdict"
  if [ "$verdict" != ok ]; then
    failed=$((failed + 1))
    sed 's/^/    | /' "$out" "$err" | tail -n 12
  fi
done < <(expectations)
rm -f "$out" "$err"
echo "$((total - failed)) of $total lessons as expected ($runner: $python)"
[ "$failed" = 0 ]

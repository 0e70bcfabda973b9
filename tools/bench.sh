#!/usr/bin/env bash
# Measures speedups, async latency, recording overhead, frame times and wasm
# sizes in headless Chromium (a few minutes; `--quick` for a rough pass).
set -euo pipefail
"$(dirname "$0")/setup.sh" test
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --offline --quiet
# The Python programs natively first (CPython and ours), for the browser's table.
tools/bench-python.sh
node tools/bench.mjs "$@"

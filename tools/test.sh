#!/usr/bin/env bash
# Every check and test Threadline has, in the order that fails fastest.
# This is what CI runs (.ci/run).
set -euo pipefail
"$(dirname "$0")/setup.sh" test
source "$(dirname "$0")/env.sh"
cd "$ROOT"

threaded_rustflags=$(tools/threaded-rustflags.sh)

step "format" native fmt --all --check
step "lint: native" native clippy --workspace --all-targets --quiet -- -D warnings
# The interpreter's command line is a native program: only its library is built for wasm.
step "lint: wasm, plain build" cargo clippy --workspace --exclude threadline-python \
  --target wasm32-unknown-unknown --quiet -- -D warnings
step "lint: wasm, interpreter" cargo clippy -p threadline-python --lib \
  --target wasm32-unknown-unknown --quiet -- -D warnings
step "lint: wasm, threaded build" cargo clippy -p threadline -p threadline-web -p threadline-pyworker \
  --bin threadline-mt --bin threadline-py-mt --lib --target wasm32-unknown-unknown \
  --features threads,threadline-web/threads,threadline-pyworker/threads --profile threaded --quiet -- -D warnings

step "core tests (native, OS threads)" native test --workspace --quiet

# (No --quiet: cargo would pass it on to wasm-bindgen-test-runner.)
step "browser glue tests (Chromium, plain build)" \
  cargo test -p threadline-web -p threadline --lib --target wasm32-unknown-unknown
# Its own target dir: these RUSTFLAGS would otherwise invalidate the cache above.
step "browser glue tests (Chromium, threaded build)" env \
  CARGO_TARGET_DIR=target/wasm-threaded-test \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$threaded_rustflags" \
  cargo test -p threadline-web --lib --target wasm32-unknown-unknown --features threads

step "build dist/" trunk build --offline --quiet
step "end-to-end tests (Chromium against dist/)" node --test --test-concurrency=1 tests/e2e/
step "end-to-end tests (Firefox against dist/)" node --test --test-concurrency=1 tests/firefox/

printf '\n\033[1;32m✔ all checks passed\033[0m\n'

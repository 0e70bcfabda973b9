# Sourced by the tool scripts: where the tools live and how wasm builds run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never reach for the network on its own: no update check, and
# `--offline` on every build (cargo's cache is filled by setup.sh).
export TRUNK_SKIP_VERSION_CHECK=true

# The threaded build rebuilds std with atomics. Only wasm commands get this:
# set globally, native `cargo test` would rebuild std too.
wasm() {
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
}

step() {
  local title=$1
  shift
  printf '\n\033[1;34m▶ %s\033[0m\n' "$title"
  local start=$SECONDS
  "$@"
  printf '\033[2m  (%ss)\033[0m\n' "$((SECONDS - start))"
}

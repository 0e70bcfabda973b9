# Sourced by the tool scripts: where the tools live and how builds run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never reach for the network on its own: no update check (and
# `offline = true` in Trunk.toml; cargo's cache is filled by setup.sh).
export TRUNK_SKIP_VERSION_CHECK=true

# Runs cargo for the native targets: from outside the repository, so that
# .cargo/config.toml's build-std (which only the threaded wasm build needs)
# does not rebuild std for them.
native() {
  local command=$1
  shift
  (cd / && cargo "+$TOOLCHAIN" "$command" --manifest-path "$ROOT/Cargo.toml" "$@")
}

step() {
  local title=$1
  shift
  printf '\n\033[1;34m▶ %s\033[0m\n' "$title"
  local start=$SECONDS
  "$@"
  printf '\033[2m  (%ss)\033[0m\n' "$((SECONDS - start))"
}

#!/usr/bin/env bash
# Prints the threaded build's rustflags, read from `[profile.threaded]` in
# Cargo.toml (their one home). Test builds need them as RUSTFLAGS: cargo's
# profile rustflags combined with build-std build `core` twice in test mode
# ("duplicate lang item").
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/^\[profile\.threaded\]/ { inside = 1; next }
     inside && /^rustflags/ { list = 1; next }
     list && /^\]/ { exit }
     list { print }' Cargo.toml | grep -o '"[^"]*"' | tr -d '"' | tr '\n' ' '

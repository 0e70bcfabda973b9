#!/usr/bin/env bash
# Installs whatever Threadline needs and this machine lacks, and nothing
# else: every step checks first, so a second run takes a second or two.
#
#   tools/setup.sh build   toolchain, trunk, wasm-bindgen, wasm-opt
#   tools/setup.sh test    the same, plus Chromium and its driver
#
# Everything comes from package registries (rustup, crates.io, npm, Debian);
# nothing is downloaded from GitHub.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
purpose=${1:-build}

TRUNK_VERSION=0.22.1
# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

cargo_tool() { # binary, wanted version output, crate, version, extra cargo-install flags...
  local binary=$1 wanted=$2 crate=$3 version=$4
  shift 4
  if [ "$("$binary" --version 2>/dev/null || true)" != "$wanted" ]; then
    say "installing $crate $version (first time only; trunk takes ~15 minutes)"
    # From / so that no rust-toolchain.toml applies but the one we name.
    (cd / && cargo "+$TOOLCHAIN" install "$crate" --version "$version" --force "$@")
  fi
}

if ! command -v rustup >/dev/null; then
  echo "rustup is required: see https://rustup.rs" >&2
  exit 1
fi
if ! rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$TOOLCHAIN" --installed | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$TOOLCHAIN" --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "installing Rust $TOOLCHAIN"
  rustup toolchain install # reads rust-toolchain.toml
fi

command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
if [ "$purpose" = test ]; then
  apt_install chromium chromium-driver firefox-esr
  # The interpreter's tests hold it to CPython.
  command -v python3 >/dev/null || apt_install python3
fi

cargo_tool trunk "trunk $TRUNK_VERSION" trunk "$TRUNK_VERSION" --locked
# Not --locked: its lockfile pins a crate version that crates.io no longer has.
cargo_tool wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" wasm-bindgen-cli "$WASM_BINDGEN_VERSION"

# Reinstall when the lockfile differs from the one last installed.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  say "installing npm packages (wasm-opt, the editor and its bundler, playwright-core, puppeteer-core)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

# Where Trunk looks for a tool it is not given on PATH, so that a bare
# `trunk build` finds this wasm-opt instead of trying to download one.
WASM_OPT_VERSION=$(sed -n 's/^wasm_opt *= *"\(.*\)"/\1/p' Trunk.toml)
TRUNK_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/trunk/wasm-opt-$WASM_OPT_VERSION/bin"
if [ "$(readlink "$TRUNK_CACHE/wasm-opt" 2>/dev/null)" != "$ROOT/node_modules/binaryen/bin/wasm-opt" ]; then
  mkdir -p "$TRUNK_CACHE"
  ln -sf "$ROOT/node_modules/binaryen/bin/wasm-opt" "$TRUNK_CACHE/wasm-opt"
fi

# Builds run offline (so Trunk cannot download tools): fill cargo's cache,
# including the crates std needs when build-std rebuilds it.
if [ ! -f target/.fetched ] || [ Cargo.lock -nt target/.fetched ]; then
  say "fetching crates"
  cargo fetch --quiet
  cargo fetch --quiet --target wasm32-unknown-unknown
  mkdir -p target && touch target/.fetched
fi

#!/usr/bin/env bash
# Builds the deployable site into dist/ (both wasm builds, the process
# worker, the service worker and the _headers file).
set -euo pipefail
"$(dirname "$0")/setup.sh" build
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --offline "$@"

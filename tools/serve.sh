#!/usr/bin/env bash
# Builds Threadline and serves it at http://localhost:8080, cross-origin
# isolated, rebuilding on every change.
set -euo pipefail
"$(dirname "$0")/setup.sh" build
source "$(dirname "$0")/env.sh"
cd "$ROOT"
exec trunk serve --offline "$@"

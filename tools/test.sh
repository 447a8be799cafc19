#!/usr/bin/env bash
# Every test: installs what it needs, builds, runs the GoogleTest suite through CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" "$@"
build=${DUALWATCH_BUILD_DIR:-$root/build}
cd "$build"
ctest --output-on-failure

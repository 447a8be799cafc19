#!/usr/bin/env bash
# Configures and builds dualwatch into build/ (or $DUALWATCH_BUILD_DIR). Extra arguments go to
# cmake's configure step, e.g. -DDUALWATCH_SANITIZE=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
build=${DUALWATCH_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${DUALWATCH_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
if ! cmake --build "$build" -j "$(nproc)" >"$build/build.log" 2>&1; then
  grep -E 'error|Error' "$build/build.log" | head -40 >&2 || tail -40 "$build/build.log" >&2
  echo "build failed; full log: $build/build.log" >&2
  exit 1
fi

#!/usr/bin/env bash
# The main job on the bundled real data: installs what it needs, builds, then runs dualwatch
# with no configuration. The first run imports the bundled lists into ./dualwatch.db.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
exec "$root/build/dualwatch" lists stats "$@"

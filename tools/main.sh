#!/usr/bin/env bash
# The main job on the bundled real data: installs what it needs, builds, then screens the bundled
# 10,000 shipment records (data/sample/shipments_10k.csv) against the bundled lists with no
# configuration. The first run imports the lists into ./dualwatch.db and builds the name index;
# outputs go to ./screen-out (alerts.jsonl, alerts.csv, summary.json, rejected.csv).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
exec "$root/build/dualwatch" screen "$root/data/sample/shipments_10k.csv" --out screen-out "$@"

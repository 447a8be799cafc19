#!/usr/bin/env bash
# Two builds of bench_match side by side: both run at the same time, one on each core, the
# cores swapped every round, so that whatever the host does to this virtual machine meanwhile
# (one run alone varies by ±30% from one minute to the next here) falls on both alike.
#
#   bench/compare_match.sh OLD_BENCH NEW_BENCH [ROUNDS] [bench_match options...]
#   e.g. bench/compare_match.sh /tmp/old/build/bench_match build/bench_match 6 --queries 30000
#
# Prints each round's queries/s and the geometric mean of NEW / OLD over the rounds.
#
# With COMPARE_ALONE=1, the two run one after the other on core 1, each alone: two runs at once
# share the caches and the memory bus, which hides a change that saves cache misses (this is
# how the 2026-12-06 fourth session's figures were taken).
set -euo pipefail
old=$1
new=$2
rounds=${3:-6}
shift $(($# < 3 ? $# : 3))
options=("$@")
[[ ${#options[@]} -eq 0 ]] && options=(--queries 30000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new"
qps() { sed -n 's/.*= \([0-9]*\) queries\/s.*/\1/p' "$1"; }
ratios=()
for round in $(seq "$rounds"); do
  old_core=$((round % 2))
  new_core=$((1 - old_core))
  # Each writes its index cache in its own temporary folder.
  if [[ "${COMPARE_ALONE:-0}" == 1 ]]; then
    old_core=1
    new_core=1
    # Which runs first alternates too: a run right after another may find the host otherwise.
    if ((round % 2)); then
      TMPDIR="$work/old" taskset -c 1 "$old" "${options[@]}" >"$work/old.out" 2>&1
      TMPDIR="$work/new" taskset -c 1 "$new" "${options[@]}" >"$work/new.out" 2>&1
    else
      TMPDIR="$work/new" taskset -c 1 "$new" "${options[@]}" >"$work/new.out" 2>&1
      TMPDIR="$work/old" taskset -c 1 "$old" "${options[@]}" >"$work/old.out" 2>&1
    fi
  else
    TMPDIR="$work/old" taskset -c "$old_core" "$old" "${options[@]}" >"$work/old.out" 2>&1 &
    TMPDIR="$work/new" taskset -c "$new_core" "$new" "${options[@]}" >"$work/new.out" 2>&1
    wait
  fi
  a=$(qps "$work/old.out")
  b=$(qps "$work/new.out")
  [[ -n "$a" && -n "$b" ]] || { cat "$work/old.out" "$work/new.out" >&2; exit 1; }
  echo "round $round: old (core $old_core) $a q/s, new (core $new_core) $b q/s"
  ratios+=("$b/$a")
done
python3 -c "
import math, sys
r = [eval(x) for x in sys.argv[1:]]
print(f'new / old, geometric mean of {len(r)} rounds: {math.exp(sum(map(math.log, r)) / len(r)):.3f}'
      f' (rounds {min(r):.2f}-{max(r):.2f})')" "${ratios[@]}"

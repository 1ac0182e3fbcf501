#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Same seed and run number -> byte-identical CSV output; another run number ->
# different output (so the comparison can fail).  Runs tipc-lossy-goodput
# (random frame loss, CSMA backoff) in separate processes and compares its
# result CSV and its TipcStatsHelper CSV/JSON/histogram files with cmp.
#
#   scripts/check-reproducible.sh BUILD_DIR
set -euo pipefail
build="$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)"
prog="$build/examples/tipc-lossy-goodput"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # dir RngRun
  mkdir -p "$work/$1"
  (cd "$work/$1" && "$prog" --loss=0.02 --size=4000 --duration=200ms --RngSeed=1 --RngRun="$2" \
     --output=result.csv --stats=stats.csv >/dev/null &&
   "$prog" --loss=0.02 --size=4000 --duration=200ms --RngSeed=1 --RngRun="$2" \
     --output=- --stats=stats.json >/dev/null &&
   "$prog" --loss=0.02 --size=4000 --duration=200ms --RngSeed=1 --RngRun="$2" \
     --output=- --stats=stats-hist.csv >/dev/null)
}
run a 7
run b 7
run c 8
status=0
for f in result.csv stats.csv stats.json stats-hist.csv; do
  if cmp -s "$work/a/$f" "$work/b/$f"; then
    echo "identical: $f (RngRun 7 twice, $(wc -l <"$work/a/$f") lines)"
  else
    echo "FAIL: $f differs between two runs with RngRun=7"; diff "$work/a/$f" "$work/b/$f" | head
    status=1
  fi
done
if cmp -s "$work/a/result.csv" "$work/c/result.csv"; then
  echo "FAIL: RngRun 7 and 8 give the same result; the loss pattern should differ"
  status=1
else
  echo "different: result.csv for RngRun 7 vs 8 (as expected)"
fi
exit $status

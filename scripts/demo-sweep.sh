#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The sweep workflow end to end with a real example: a 3 x 4 grid (frame loss
# x message size) of tipc-lossy-goodput with 3 repetitions on 2 cores,
# interrupted with Ctrl-C after a few runs, resumed, collected into one tidy
# CSV and plotted with 95 % confidence intervals.
#
#   scripts/demo-sweep.sh BUILD_DIR [OUT_DIR]     (default OUT_DIR results/sweep-demo)
#
# Prints the sweep's progress, the interruption and the resumption, and leaves
# OUT_DIR/results.csv, OUT_DIR/goodput.png, OUT_DIR/latency.png and
# OUT_DIR/summary.csv.  Exits non-zero if any step does not behave as expected.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR [OUT_DIR]}" && pwd)"
out="${2:-results/sweep-demo}"
py=/usr/bin/python3
rm -rf "$out"
sweep=("$py" "$here/scripts/tipc-sweep.py" --program "$build/examples/tipc-lossy-goodput"
       --param loss=0,0.001,0.01 --param size=64,1024,8192,65536 --runs 3 --jobs 2
       --fixed duration=500ms --dir "$out")

echo "== sweep, interrupted after 6 runs"
"${sweep[@]}" &
pid=$!
while [ "$(find "$out/runs" -name status.json 2>/dev/null | wc -l)" -lt 6 ]; do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -INT "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
done_runs="$(find "$out/runs" -name status.json | wc -l)"
echo "sweep exit status $rc with $done_runs of 36 runs complete"
[ "$rc" -eq 130 ] || { echo "FAIL: expected exit status 130 after SIGINT"; exit 1; }
[ "$done_runs" -lt 36 ] || { echo "FAIL: the sweep finished before the interruption"; exit 1; }

echo "== resumed"
"${sweep[@]}"
rows="$(($(wc -l <"$out/results.csv") - 1))"
echo "results.csv: $rows rows"
[ "$rows" -eq 36 ] || { echo "FAIL: expected 36 rows"; exit 1; }

"$py" "$here/scripts/tipc-plot.py" "$out/results.csv" --x size --y goodput_mbps --hue loss \
  --logx --xlabel "message size (bytes)" --ylabel "goodput (Mb/s)" \
  --title "TIPC stream over 1 Gb/s CSMA with frame loss (mean, 95% CI, 3 runs)" \
  -o "$out/goodput.png" --summary "$out/summary.csv"
"$py" "$here/scripts/tipc-plot.py" "$out/results.csv" --x size --y latency_p50_us --hue loss \
  --logx --logy --xlabel "message size (bytes)" --ylabel "median one-way latency (us)" \
  -o "$out/latency.png"
echo "plots: $out/goodput.png $out/latency.png; aggregated: $out/summary.csv"

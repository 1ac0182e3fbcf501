#!/bin/bash
# Neighbour monitoring at scale (issue 10): supervision traffic and supervised
# peers per node for N = 50, 100, 200, 400 on a switched LAN, with Linux 5.4
# supervision (fixed window: the monitor decides which idle links are probed)
# and Linux >= 5.7 supervision (variable window: every idle link is probed
# each tick), plus failure detection.  Fixed-window runs last 200 s so that the
# monitor's periodic re-evaluation (120 s + up to 65.5 s) has sized every
# local domain; the window is 180-190 s and node 0 crashes at 190 s.
#
#   bash scripts/monitor-scaling.sh [BUILD_DIR] [OUT_DIR] [SIZES]
#
# About 20 minutes on one core for the default sizes "50 100 200 400".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-results/monitor-scaling}
sizes=${3:-"50 100 200 400"}
prog=$build/examples/tipc-cluster-discovery
mkdir -p "$out"
for window in fixed variable; do
    for n in $sizes; do
        if [ "$window" = fixed ]; then
            args="--duration=200s --steady=10s --kill=190s"
        else
            args="--duration=30s --steady=10s --kill=25s"
        fi
        echo "# N = $n, $window window" >&2
        # --hugePagesFrom=2: every size runs with huge pages for the heap (TipcHugePages)
        "$prog" --nodes="$n" --lan=switch --window="$window" --poll=200ms $args \
            --hugePagesFrom=2 --output="$out/$window-$n.csv" > /dev/null 2> "$out/$window-$n.log"
    done
done
/usr/bin/python3 - "$out" $sizes <<'PY'
import csv, math, sys
out, sizes = sys.argv[1], sys.argv[2:]
print(f"{'N':>5} {'2sqrtN':>7} {'monitored':>10} {'frames/s fixed':>15} {'frames/s variable':>18} "
      f"{'detect first':>13} {'detect all':>11}")
for n in sizes:
    f = next(csv.DictReader(open(f"{out}/fixed-{n}.csv")))
    v = next(csv.DictReader(open(f"{out}/variable-{n}.csv")))
    print(f"{n:>5} {2*math.sqrt(int(n)):7.1f} {float(f['monitored_mean']):10.2f} "
          f"{float(f['frames_per_node_per_s']):15.1f} {float(v['frames_per_node_per_s']):18.1f} "
          f"{float(f['detect_first_s']):13.3f} {float(f['detect_s']):11.3f}")
PY

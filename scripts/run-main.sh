#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install dependencies, build, and run the main experiment.
#
#   0. the main experiment, tipc-crossover-vs-fullstack: node-internal TIPC,
#      the crossover fast path, full-stack TIPC and TCP between two namespaces
#      of a simulated Linux host with the calibrated CPU model, 64 B..64 KiB
#      -> results/crossover/tipc-crossover-vs-fullstack.csv, *-throughput.png,
#         *-latency.png, summary.txt (ratios vs calibration.md),
#         validation-table.rst (doc/tipc.rst's calibration table)
#   1. tipc-link-throughput: 64 KiB messages over a 1 Gb/s, 1500-byte-MTU link,
#      variable (Linux >= 5.7) vs fixed (Linux 5.4) link window, as the
#      bandwidth-delay product grows -> results/link-throughput/throughput.csv
#   2. tipc-hello: two nodes discover each other and bring up a link, with
#      `tipc link stat show`-style statistics and pcaps checked by Wireshark's
#      TIPC dissector -> results/hello/
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh" "$here/build"
shared="${TIPC_SHARED_DIR:-$here/../shared}"

out="$here/results/crossover"
mkdir -p "$out"
(cd "$out" && "$here/build/examples/tipc-crossover-vs-fullstack" | tee summary.txt &&
  /usr/bin/python3 "$here/scripts/plot-crossover.py" tipc-crossover-vs-fullstack.csv &&
  /usr/bin/python3 "$here/scripts/validation-table.py" tipc-crossover-vs-fullstack.csv \
    -o validation-table.rst && cat validation-table.rst)

out="$here/results/link-throughput"
mkdir -p "$out"
"$here/build/examples/tipc-link-throughput" | tee "$out/throughput.csv"

out="$here/results/hello"
mkdir -p "$out"
cd "$out"
"$here/build/examples/tipc-hello" --duration=5s > summary.txt
tail -14 summary.txt
if command -v tshark >/dev/null 2>&1 && [ -f "$shared/tools/tshark-tipc-check.py" ]; then
  python3 "$shared/tools/tshark-tipc-check.py" --strict tipc-hello-A-eth0.pcap > tshark-check.txt
  tail -1 tshark-check.txt
fi
echo "results in $here/results: crossover/tipc-crossover-vs-fullstack.csv and crossover/*.png" \
  "(main experiment), link-throughput/throughput.csv, hello/summary.txt, hello/*.pcap"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install dependencies, build, and run the main experiment.  Until the stack
# exists this is the wire-format example: hand-built frames over CSMA, decoded
# by the receiver, written to pcap and checked with Wireshark's dissector.
# Results: results/wire-frames/
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh" "$here/build"
out="$here/results/wire-frames"
mkdir -p "$out"
cd "$out"
"$here/build/examples/tipc-wire-frames" --prefix=tipc-wire-frames | tee summary.txt
shared="${TIPC_SHARED_DIR:-$here/../shared}"
if command -v tshark >/dev/null 2>&1 && [ -f "$shared/tools/tshark-tipc-check.py" ]; then
  python3 "$shared/tools/tshark-tipc-check.py" --strict tipc-wire-frames-0-0.pcap > tshark-check.txt
  tail -1 tshark-check.txt
fi
echo "results in $out (summary.txt, tipc-wire-frames-*.pcap, tshark-check.txt)"

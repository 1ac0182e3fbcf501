#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CTest helper: run the wire-format example in a scratch directory and check
# its pcap with Wireshark's TIPC dissector.  Exit 77 (skipped) without tshark.
#   scripts/check-wire-example.sh <build-dir> <shared-dir>
set -euo pipefail
build="$1"
shared="$2"
if ! command -v tshark >/dev/null 2>&1; then
  echo "tshark not installed: skipped"
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$build/examples/tipc-wire-frames" --prefix=w >/dev/null
for f in w-0-0.pcap w-1-0.pcap; do
  python3 "$shared/tools/tshark-tipc-check.py" --strict "$f" | tail -1
done

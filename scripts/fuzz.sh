#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Coverage-guided fuzzing of the TIPC codec with clang's libFuzzer
# (ASan + UBSan).  Seeds the corpus with the captured and crafted frames.
#   scripts/fuzz.sh [runs]      (default 2000000 inputs)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-2000000}"
build="$here/build-fuzz"
shared="${TIPC_SHARED_DIR:-$here/../shared}"
command -v clang++ >/dev/null || { echo "needs clang (apt-get install clang)"; exit 1; }
CXX=clang++ cmake -S "$here" -B "$build" -DTIPC_LIBFUZZER=ON -DTIPC_ENABLE_EXAMPLES=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target tipc-codec-libfuzzer
corpus="$here/fuzz-corpus"
mkdir -p "$corpus"
# seed: every TIPC message of the reference pcaps, one file each
python3 - "$shared" "$corpus" <<'PY'
import glob, os, struct, sys
shared, corpus = sys.argv[1], sys.argv[2]
n = 0
for path in glob.glob(os.path.join(shared, "data", "*", "*.pcap")):
    data = open(path, "rb").read()
    linktype = struct.unpack_from("<I", data, 20)[0]
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        frame = data[off + 16: off + 16 + incl]
        off += 16 + incl
        if linktype == 1 and len(frame) > 14 and frame[12:14] == b"\x88\xca":
            payload = frame[14:]
        elif linktype == 147:
            payload = frame
        else:
            continue
        open(os.path.join(corpus, "seed-%04d" % n), "wb").write(payload)
        n += 1
print("seeded %d inputs" % n)
PY
"$build/test/fuzz/tipc-codec-libfuzzer" -runs="$runs" -max_len=4096 -print_final_stats=1 "$corpus"

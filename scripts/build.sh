#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Configure and build the module standalone against the installed ns-3.
#   scripts/build.sh [build-dir] [extra cmake args...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
shift || true
jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIPC_WARNINGS_AS_ERRORS=ON "$@"
cmake --build "$build" -j "$jobs"

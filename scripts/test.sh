#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install dependencies, build, and run every test: Catch2 unit tests, the ns-3
# TestSuites, the examples of test/examples-to-run.py, the sanitized codec
# fuzz run and the tshark wire checks.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh" "$here/build"
cd "$here/build"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

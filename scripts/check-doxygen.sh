#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Check the Doxygen documentation of the module's public headers (model/*.h,
# helper/*.h) with warnings for undocumented entities enabled, as ns-3 checks
# its own documentation (doc/Doxyfile lists the settings).
#
# Usage: scripts/check-doxygen.sh [<output-dir>]
#   <output-dir>  where doxygen writes its HTML and log
#                 (default: a temporary directory, removed on exit)
#
# Prints every warning, then "doxygen: N warnings".
# Exit status: 0 without warnings; 1 with warnings, if doxygen fails or on a
# usage error; 2 only if doxygen is not installed (so CTest can treat 2 as
# "skipped": SKIP_RETURN_CODE 2).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

if ! command -v doxygen >/dev/null 2>&1; then
  echo "check-doxygen: doxygen is not installed (apt-get install doxygen)" >&2
  exit 2
fi

if [[ $# -gt 1 ]]; then
  echo "usage: $0 [<output-dir>]" >&2
  exit 1
fi
if [[ $# -eq 1 ]]; then
  mkdir -p "$1"
  out="$(cd "$1" && pwd -P)"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
log="$out/doxygen-warnings.log"
rm -f "$log"

# Paths in doc/Doxyfile are relative to the repository root; the output
# settings given here override the file's.
cd "$root"
if ! { cat doc/Doxyfile
       echo "OUTPUT_DIRECTORY = \"$out\""
       echo "WARN_LOGFILE = \"$log\""
     } | doxygen - >"$out/doxygen-stdout.log" 2>&1; then
  cat "$out/doxygen-stdout.log" >&2
  echo "check-doxygen: doxygen failed" >&2
  exit 1
fi

# A warning starts at each line "<file>:<line>: ..."; the lines after it
# (parameter lists etc.) belong to it.  Doxygen repeats some warnings (a base
# class member once per derived class): each is shown and counted once, as
# ns-3's doxygen.warnings.report.sh does.  Paths are shown relative to the root.
touch "$log"
awk -v countfile="$out/doxygen-warnings.count" '
  function flush() {
    if (rec != "" && !seen[rec]++) { print rec; n++ }
    rec = ""
  }
  /^[^ ]+:[0-9]+: / { flush(); rec = $0; next }
  { rec = (rec == "") ? $0 : rec "\n" $0 }
  END { flush(); print n + 0 > countfile }
' "$log" | sed -e "s|^$root/||"
n="$(cat "$out/doxygen-warnings.count")"
echo "doxygen: $n warnings"
if [[ "$n" -gt 0 ]]; then
  exit 1
fi

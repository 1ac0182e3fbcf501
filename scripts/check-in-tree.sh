#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Prove the in-tree build mode: ns-3.37 from Debian's source package, this
# repository as contrib/tipc, built with ns-3's own build system (build_lib),
# then ns-3's test.py runs the module's TestSuites and examples.
#
#   scripts/check-in-tree.sh [work-dir]      (default /tmp/tipc-in-tree)
#
# Only the modules tipc needs are built (--enable-modules=tipc resolves them
# from this repository's CMakeLists.txt).  Takes ~20-40 min on 2 cores: not for CI.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/tipc-in-tree}"
shared="${TIPC_SHARED_DIR:-$(cd "$here/.." && pwd)/shared}"

"$here/scripts/setup.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# A deb-src entry is needed for apt-get source.
if ! apt-get source --print-uris ns3 >/dev/null 2>&1 || \
   [ -z "$(apt-get source --print-uris ns3 2>/dev/null | grep orig)" ]; then
  echo "adding deb-src entries"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      $SUDO tee /etc/apt/sources.list.d/tipc-deb-src.sources >/dev/null
  else
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
      $SUDO tee /etc/apt/sources.list.d/tipc-deb-src.list >/dev/null
  fi
  $SUDO apt-get update -q
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dpkg-dev

mkdir -p "$work"
cd "$work"
if [ ! -d ns3-3.37 ]; then
  apt-get source ns3
fi
tree="$(find "$work/ns3-3.37" -maxdepth 2 -name ns3 -type f -path '*ns-3.37/ns3' | head -1)"
tree="$(dirname "$tree")"
echo "ns-3 tree: $tree"
# A copy, not a symlink: "./ns3 clean" walks contrib/ and would clean this checkout's builds.
rm -rf "$tree/contrib/tipc"
mkdir -p "$tree/contrib/tipc"
tar -C "$here" --exclude='./build*' --exclude='./.git' --exclude='./results' \
  --exclude='./fuzz-corpus' -cf - . | tar -C "$tree/contrib/tipc" -xf -

cd "$tree"
./ns3 clean >/dev/null 2>&1 || true
./ns3 configure -d debug --enable-examples --enable-tests --enable-modules=tipc \
  --filter-module-examples-and-tests=tipc -- -DTIPC_SHARED_DIR="$shared"
./ns3 build
export TIPC_SHARED_DIR="$shared"
./test.py --nocolor -s 'tipc*'
# examples of test/examples-to-run.py (only tipc's, thanks to the filter above)
./test.py --nocolor -c example
echo "in-tree check passed: $tree"

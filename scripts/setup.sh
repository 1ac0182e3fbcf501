#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install everything the tipc module needs on Debian bookworm (idempotent).
# Debian packages only: ns-3.37 (libns3-dev + the libraries its CMake package
# needs), Boost headers, Catch2 v2, ccache, tshark, matplotlib, CMake, g++,
# clang-format (the formatting check), doxygen (the documentation check).
set -euo pipefail

PACKAGES=(
  build-essential cmake python3
  libns3-dev ns3 libgsl-dev libsqlite3-dev libxml2-dev
  libboost-dev catch2 ccache tshark python3-matplotlib clang-format doxygen
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer "no" without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

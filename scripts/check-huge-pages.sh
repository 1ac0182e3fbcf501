#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# TipcHugePages: a cluster benchmark at or above --hugePagesFrom restarts itself
# once with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 and then runs normally, with the
# same results as a run that keeps small pages; a user's own setting of the
# tunable is left alone.  Exit 77 (skipped) without /proc/self/exe.
# Usage: check-huge-pages.sh <tipc-sim-benchmark>
set -u
bench="$1"
[ -e /proc/self/exe ] || { echo "SKIP: no /proc/self/exe"; exit 77; }
args=(--scenarios=cluster --clusters=2 --clusterTime=1s --output=-)
run() { env -u GLIBC_TUNABLES -u TIPC_HUGE_PAGES_RESTARTED "$@" 2>&1; }
with="$(run "$bench" "${args[@]}" --hugePagesFrom=2)" || {
  echo "FAIL: the run with huge pages exited non-zero"; echo "$with"; exit 1; }
without="$(run "$bench" "${args[@]}" --hugePagesFrom=0)" || {
  echo "FAIL: the run without huge pages exited non-zero"; echo "$without"; exit 1; }
own="$(run GLIBC_TUNABLES=glibc.malloc.hugetlb=0 "$bench" "${args[@]}" --hugePagesFrom=2)" || {
  echo "FAIL: the run with the user's setting exited non-zero"; echo "$own"; exit 1; }
fail=0
[ "$(grep -c '^restarting with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 ' <<<"$with")" = 1 ] ||
  { echo "FAIL: expected exactly one restart"; fail=1; }
# only the new program image has the tunable and the restart marker
grep -q '^heap huge pages: requested (glibc.malloc.hugetlb=1; restarted)' <<<"$with" ||
  { echo "FAIL: the restarted run does not have the tunable"; fail=1; }
grep -q 'restarting' <<<"$without" && { echo "FAIL: --hugePagesFrom=0 restarted"; fail=1; }
grep -q '^heap huge pages: not requested' <<<"$without" ||
  { echo "FAIL: --hugePagesFrom=0 run has the tunable"; fail=1; }
grep -q 'restarting' <<<"$own" && { echo "FAIL: the user's glibc.malloc.hugetlb=0 was overridden"; fail=1; }
# same simulation: the CSV rows agree in everything but wall time, rates and memory
rows() { grep '^cluster,' <<<"$1" | cut -d, -f1-4,6,8; }
[ -n "$(rows "$with")" ] && [ "$(rows "$with")" = "$(rows "$without")" ] ||
  { echo "FAIL: the two runs simulated different events or packets"; fail=1; }
if [ "$fail" -ne 0 ]; then
  printf -- '--- with:\n%s\n--- without:\n%s\n--- own setting:\n%s\n' "$with" "$without" "$own"
  exit 1
fi
echo "PASS: one restart with huge pages, same events and packets as without; the user's setting stands"

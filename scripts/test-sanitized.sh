#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run by CI after the main tests (about 10 minutes on two cores): builds the
# module, the TestSuites and the Catch2 tests with AddressSanitizer, UBSan and
# LeakSanitizer (TIPC_SANITIZE), with the module's NS_ASSERTs compiled in (TIPC_ASSERTS),
# and runs them all (but tipc-host-calibration); any memory error, failed assertion, undefined
# behaviour or leak fails the suite that shows it.
#
#   bash scripts/test-sanitized.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build-sanitized}"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIPC_SANITIZE=ON -DTIPC_ASSERTS=ON >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target tipc-test-runner tipc-unit-tests
cd "$build"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
./tipc-unit-tests >unit.log 2>&1 || { echo "FAIL tipc-unit-tests (see $build/unit.log)"; failed=1; }
for suite in $(./tipc-test-runner --list); do
  case "$suite" in
    tipc-host-calibration)
      # main-experiment-length runs (minutes each under the sanitizers) of the code
      # that tipc-host and tipc-netns already run sanitized
      echo "SKIP $suite"
      continue
      ;;
  esac
  if ./tipc-test-runner --test-name="$suite" >"$suite.log" 2>&1; then
    echo "PASS $suite"
  else
    echo "FAIL $suite (see $build/$suite.log)"
    failed=1
  fi
done
exit "$failed"

#!/usr/bin/env bash
# Runs a command that must fail fast on a bad configuration: it must exit
# non-zero (NS_FATAL_ERROR aborts) and its output must contain the expected
# message (a fixed string, so brackets and '+' need no escaping).
# Usage: expect-fatal.sh "<expected message>" <command> [args...]
set -u
expected="$1"
shift
output="$("$@" 2>&1)"
status=$?
if [ "$status" -eq 0 ]; then
  echo "FAIL: '$*' exited 0; a configuration error was expected"
  echo "$output"
  exit 1
fi
if ! grep -qF -- "$expected" <<<"$output"; then
  echo "FAIL: '$*' (exit $status) did not print: $expected"
  echo "$output"
  exit 1
fi
echo "PASS: exit $status with: $expected"

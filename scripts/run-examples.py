#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Run every example listed in test/examples-to-run.py (standalone build).

In an ns-3 source tree, test.py reads the same file; this script does the same
for the standalone build: each entry "name args" runs build/examples/name args in
a scratch directory; success = exit status 0.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--filter", default="", help="only examples whose name contains this")
    args = ap.parse_args()
    env = {"ENABLE_REAL_TIME": False, "ENABLE_EXAMPLES": True, "ENABLE_TESTS": True}
    spec = {}
    with open(os.path.join(here, "..", "test", "examples-to-run.py")) as f:
        exec(f.read(), spec)
    failures = 0
    ran = 0
    for entry in spec.get("cpp_examples", []):
        line, do_run = entry[0], entry[1]
        if not eval(do_run, {}, env):
            continue
        parts = shlex.split(line)
        if args.filter not in parts[0]:
            continue
        exe = os.path.join(os.path.abspath(args.build_dir), "examples", parts[0])
        with tempfile.TemporaryDirectory(prefix="tipc-example-") as cwd:
            t0 = time.time()
            r = subprocess.run([exe] + parts[1:], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            dt = time.time() - t0
        ran += 1
        status = "PASS" if r.returncode == 0 else "FAIL"
        print("%s %-60s %6.1f s" % (status, line, dt))
        if r.returncode != 0:
            failures += 1
            print(r.stdout[-4000:])
    print("%d examples, %d failed" % (ran, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Self-test of scripts/tipc-sweep.py and scripts/tipc-plot.py (about 15 s).

    /usr/bin/python3 test/sweep-tool-test.py

Runs from any directory (the scripts are found relative to this file) with a
fake example program in a temporary directory: a 3x4 grid with 3 repetitions
is interrupted with SIGINT and resumed, its results.csv checked value by
value and plotted; then definition changes, failing and timed-out runs,
SIGTERM during a slow run, and usage errors.  Exit status 0 on success, 1 with a message on failure.
"""
import csv
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SWEEP = os.path.join(HERE, "..", "scripts", "tipc-sweep.py")
PLOT = os.path.join(HERE, "..", "scripts", "tipc-plot.py")

# Honours the example contract.  Logs "<run dir name> <pid>" to --log when it
# starts; --mode=fail exits 3, --mode=hang sleeps a minute.
FAKE = r'''
import os, sys, time
opts = dict(arg[2:].split("=", 1) for arg in sys.argv[1:])
with open(opts["log"], "a") as log:
    log.write("%s %d\n" % (os.path.basename(os.getcwd()), os.getpid()))
mode = opts.get("mode", "ok")
if mode == "fail":
    sys.stderr.write("fake failure for mode=fail\n")
    sys.exit(3)
time.sleep(60 if mode == "hang" else float(opts["sleep"]))
a, size, run = int(opts.get("a", 1)), int(opts.get("size", 1)), int(opts["RngRun"])
with open(opts["output"], "w") as out:
    out.write("metric,value,size,a\n")  # size echoes the parameter, a does not
    out.write("goodput,%d,%d,%d\n" % (a * size + run, size, 10 * a))
    out.write("latency,%d,%d,%d\n" % (size + 10 * a * run, size, 10 * a))
print("fake example done")
'''

A = [1, 2, 3]
SIZES = [10, 100, 1000, 10000]
REPS = 3


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def sweep(*args, timeout=60):
    return subprocess.run([sys.executable, SWEEP] + list(args), capture_output=True,
                          text=True, timeout=timeout)


def start_sweep(*args):
    return subprocess.Popen([sys.executable, SWEEP] + list(args), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(condition, proc, what):
    """Wait until condition() while the sweep proc runs, at most 20 s."""
    deadline = time.monotonic() + 20
    while not condition():
        check(proc.poll() is None, "sweep ended before " + what)
        check(time.monotonic() < deadline, "not within 20 s: " + what)
        time.sleep(0.05)


def interrupt(proc, sig):
    """Send sig to the sweep proc; returns its stderr and how long it took to exit."""
    start = time.monotonic()
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return err, time.monotonic() - start


def executions(log):
    """{run dir name: [pid, ...]} from the fake program's log."""
    runs = {}
    if os.path.exists(log):
        for line in open(log):
            name, pid = line.split()
            runs.setdefault(name, []).append(int(pid))
    return runs


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def statuses(directory):
    """{run dir name: status.json mtime} of the runs with a status.json."""
    runs = os.path.join(directory, "runs")
    found = {}
    for name in os.listdir(runs) if os.path.isdir(runs) else []:
        path = os.path.join(runs, name, "status.json")
        if os.path.exists(path):
            found[name] = os.stat(path).st_mtime_ns
    return found


def expected_results():
    rows = []
    for a in A:
        for size in SIZES:
            for rep in range(1, REPS + 1):
                rows.append([str(a), str(size), str(rep), str(rep), "goodput",
                             str(a * size + rep), str(10 * a)])
                rows.append([str(a), str(size), str(rep), str(rep), "latency",
                             str(size + 10 * a * rep), str(10 * a)])
    return rows


def test_interrupt_resume_plot(tmp, program):
    out = os.path.join(tmp, "grid")
    log = os.path.join(tmp, "grid.log")
    args = ["--program", program, "--param", "a=1,2,3", "--param", "size=10,100,1000,10000",
            "--runs", str(REPS), "--jobs", "2", "--dir", out,
            "--fixed", "log=" + log, "--fixed", "sleep=0.3"]
    total = len(A) * len(SIZES) * REPS

    dry = sweep(*args, "--dry-run")
    check(dry.returncode == 0 and len(dry.stdout.splitlines()) == total,
          "--dry-run: expected %d command lines, got:\n%s%s" % (total, dry.stdout, dry.stderr))
    check(not os.path.exists(log), "--dry-run executed the program")

    proc = start_sweep(*args)
    wait_for(lambda: len(statuses(out)) >= 4, proc, "4 runs completed")
    err, _ = interrupt(proc, signal.SIGINT)
    check(proc.returncode == 130, "interrupted sweep: exit status %s, expected 130\n%s"
          % (proc.returncode, err))
    first = statuses(out)
    check(0 < len(first) < total, "after the interrupt %d of %d runs have status.json"
          % (len(first), total))
    check("interrupted: %d/%d runs complete" % (len(first), total) in err,
          "no interruption message in:\n" + err)
    started = executions(log)
    for name, pids in started.items():
        check(not any(alive(pid) for pid in pids), "program of %s still running" % name)

    second = sweep(*args)
    check(second.returncode == 0, "resumed sweep: exit status %d\n%s"
          % (second.returncode, second.stderr))
    check("resuming: %d of %d" % (len(first), total) in second.stderr,
          "no resuming message in:\n" + second.stderr)
    runs = executions(log)
    check(len(runs) == total, "%d runs executed, expected %d" % (len(runs), total))
    for name, mtime in first.items():
        check(len(runs[name]) == 1, "completed run %s executed %d times"
              % (name, len(runs[name])))
        check(statuses(out)[name] == mtime, "status.json of %s rewritten" % name)
    check(all(len(pids) <= 2 for pids in runs.values()), "a run executed 3 times")

    status = json.load(open(os.path.join(out, "runs", "a=2_size=100_run=3", "status.json")))
    check(status["args"] == [program, "--a=2", "--size=100", "--log=" + log, "--sleep=0.3",
                             "--RngSeed=1", "--RngRun=3", "--output=result.csv"]
          and status["returncode"] == 0 and status["params"] == {"a": "2", "size": "100"}
          and status["rep"] == 3, "unexpected status.json: %r" % status)

    results = os.path.join(out, "results.csv")
    rows = list(csv.reader(open(results)))
    # the echoed size column is dropped; the result column a differs from the parameter
    check(rows[0] == ["a", "size", "rep", "RngRun", "metric", "value", "a_out"],
          "results.csv header: %r" % rows[0])
    check(rows[1:] == expected_results(), "results.csv content differs from the expected "
          "%d rows (first: %r)" % (2 * total, rows[1:3]))

    listing = sweep(*args, "--list")
    check(listing.returncode == 0 and "%d done" % total in listing.stdout,
          "--list:\n" + listing.stdout + listing.stderr)

    changed = sweep(*(args[:4] + ["--param", "size=10,100"] + args[6:]))
    check(changed.returncode == 2 and "--force" in changed.stderr,
          "a different grid in the same --dir was not refused: exit status %d\n%s"
          % (changed.returncode, changed.stderr))
    check(executions(log) == runs, "the refused sweep executed the program")

    png = os.path.join(tmp, "goodput.png")
    summary = os.path.join(tmp, "summary.csv")
    plotted = subprocess.run(
        [sys.executable, PLOT, results, "--x", "size", "--y", "value", "--hue", "a",
         "--filter", "metric=goodput", "--logx", "-o", png, "--summary", summary],
        capture_output=True, text=True, timeout=60)
    check(plotted.returncode == 0, "tipc-plot.py failed:\n" + plotted.stderr)
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(png) > 10000,
              "no PNG plot written")
    table = list(csv.DictReader(open(summary)))
    check(len(table) == len(A) * len(SIZES), "summary has %d rows" % len(table))
    row = next(r for r in table if r["a"] == "2" and r["size"] == "100")
    # values 201, 202, 203: sd 1; t(0.975, df 2) = q * sqrt(2 / (1 - q^2)) with q = 0.95
    ci = 0.95 * math.sqrt(2 / (1 - 0.95 ** 2)) / math.sqrt(3)
    check(row["n"] == "3" and float(row["mean"]) == 202 and abs(float(row["err"]) - ci) < 1e-9,
          "summary row for a=2, size=100: %r, expected n 3, mean 202, err %.9f" % (row, ci))

    bad = subprocess.run([sys.executable, PLOT, results, "--x", "size", "--y", "nosuch"],
                         capture_output=True, text=True, timeout=60)
    check(bad.returncode != 0 and "nosuch" in bad.stderr and "metric" in bad.stderr,
          "unknown plot column not reported with the available ones:\n" + bad.stderr)
    bad = subprocess.run([sys.executable, PLOT, results, "--x", "size", "--y", "metric"],
                         capture_output=True, text=True, timeout=60)
    check(bad.returncode != 0 and "not numeric" in bad.stderr,
          "non-numeric y not reported:\n" + bad.stderr)


def test_failures(tmp, program):
    out = os.path.join(tmp, "failing")
    log = os.path.join(tmp, "failing.log")
    args = ["--program", program, "--param", "mode=ok,fail,hang", "--timeout", "1",
            "--jobs", "3", "--dir", out, "--fixed", "log=" + log, "--fixed", "sleep=0.2"]
    result = sweep(*args)
    check(result.returncode == 1, "failing sweep: exit status %d, expected 1\n%s"
          % (result.returncode, result.stderr))
    for text in ("mode=fail_run=1: returncode 3", "fake failure for mode=fail",
                 "mode=hang_run=1: returncode timeout"):
        check(text in result.stderr, "%r not in the failure report:\n%s" % (text, result.stderr))
    check(not os.path.exists(os.path.join(out, "results.csv")),
          "results.csv written although runs failed")
    for pids in executions(log).values():
        check(not any(alive(pid) for pid in pids), "a timed-out program is still running")

    partial = sweep(*args, "--partial")
    check(partial.returncode == 1, "--partial: exit status %d" % partial.returncode)
    check(len(executions(log)["mode=ok_run=1"]) == 1, "the successful run was re-executed")
    rows = list(csv.reader(open(os.path.join(out, "results.csv"))))
    check(rows == [["mode", "rep", "RngRun", "metric", "value", "size", "a"],
                   ["ok", "1", "1", "goodput", "2", "1", "10"],
                   ["ok", "1", "1", "latency", "11", "1", "10"]],
          "--partial results.csv: %r" % rows)


def test_terminate_slow(tmp, program):
    out = os.path.join(tmp, "slow")
    log = os.path.join(tmp, "slow.log")
    proc = start_sweep("--program", program, "--param", "mode=hang", "--dir", out,
                       "--fixed", "log=" + log)
    wait_for(lambda: executions(log), proc, "the program started")
    err, seconds = interrupt(proc, signal.SIGTERM)
    check(proc.returncode == 130 and "interrupted: 0/1 runs complete" in err,
          "SIGTERM: exit status %d\n%s" % (proc.returncode, err))
    check(seconds < 5, "SIGTERM took %.1f s: the running program was not terminated" % seconds)
    check(not alive(executions(log)["mode=hang_run=1"][0]), "the program is still running")
    check(not os.path.exists(os.path.join(out, "runs", "mode=hang_run=1", "status.json")),
          "the terminated run has a status.json")


def test_usage_errors(tmp, program):
    out = os.path.join(tmp, "usage")
    base = ["--program", program, "--dir", out]
    for args, text in (
        (["--param", "loss"], "malformed --param"),
        (["--param", "loss="], "empty value list"),
        (["--param", "RngRun=1,2"], "reserved"),
        (["--fixed", "output=x.csv"], "reserved"),
        (["--param", "a=1,1"], "duplicate"),
    ):
        result = sweep(*(base + args))
        check(result.returncode == 2 and text in result.stderr,
              "%s: expected exit status 2 and %r, got %d:\n%s"
              % (" ".join(args), text, result.returncode, result.stderr))
    result = sweep("--program", os.path.join(tmp, "nosuch"), "--dir", out)
    check(result.returncode == 2 and "program not found" in result.stderr,
          "missing program not reported:\n" + result.stderr)
    result = sweep("--program", os.path.join(tmp, "grid.log"), "--dir", out)
    check(result.returncode == 2 and "not executable" in result.stderr,
          "non-executable program not reported:\n" + result.stderr)
    check(not os.path.exists(out), "a usage error created the output directory")


def main():
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sweep-tool-test-") as tmp:
        program = os.path.join(tmp, "fake-example")
        with open(program, "w") as f:
            f.write("#!%s\n%s" % (sys.executable, FAKE))
        os.chmod(program, 0o755)
        try:
            for test in (test_interrupt_resume_plot, test_failures, test_terminate_slow,
                         test_usage_errors):
                test(tmp, program)
                print("ok   %s" % test.__name__)
        except (Failure, OSError, subprocess.TimeoutExpired, StopIteration) as e:
            print("FAIL %s: %s" % (test.__name__, e))
            return 1
    print("sweep tool test passed (%.1f s)" % (time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Run an example program over a grid of parameters, in parallel and resumably.

Usage:
    scripts/tipc-sweep.py --program build/examples/tipc-lossy-goodput \\
        --param loss=0,0.01,0.1 --param size=64,1024,8192,65536 \\
        [--fixed duration=1s]... --runs 3 --jobs 2 --dir results/sweep-lossy \\
        [--seed 1] [--timeout 600] [--partial] [--force] [--quiet]
    scripts/tipc-sweep.py --spec sweep.json [options overriding the spec]
    scripts/tipc-sweep.py ... --dry-run    # print the command lines
    scripts/tipc-sweep.py ... --list       # print each run's state

The program runs once per point of the Cartesian product of the --param lists
and per repetition REP = 1..--runs, as

    PROGRAM --name=value... --fixed=value... --RngSeed=SEED --RngRun=REP \\
        --output=result.csv

in its own working directory DIR/runs/<id>/ (e.g. loss=0.01_size=1024_run=2;
characters other than letters, digits and ._=+- become '_' and a hash is
appended, as it is to ids longer than 100 characters).  That directory gets
stdout.txt, stderr.txt, the program's result.csv and, once the program has
ended, status.json {returncode, wall_seconds, args, params, rep}; returncode
is "timeout" when --timeout seconds passed and the program was killed.  The
program must write a CSV (a header row, then data rows; lines starting with
'#' are ignored) and exit with status 0.

When every run has succeeded, DIR/results.csv holds the rows of all result.csv
files in grid order (the --param lists in the order given, then repetition),
each prefixed with the swept parameters, rep and RngRun.  Columns missing from
some runs are left empty.  A result column named like a swept parameter that
only echoes the parameter's value (same text or same number in every row, as
the examples do) is dropped; any other result column named like a prefix
column is renamed <name>_out.  If runs failed, they are
listed with the tail of their stderr.txt and results.csv is not written, unless
--partial is given, which writes it from the successful runs.

Resuming: run the same command again.  A run is skipped when its status.json
has returncode 0 for the same command line and its result.csv exists; all
other runs (interrupted, failed or not yet started) run again.
DIR/sweep.json records the sweep; a command with a different program, params,
fixed arguments or seed is refused unless --force is given, which replaces it
and keeps the completed runs whose command line is unchanged.  --runs may
change without --force.  Run directories outside the current grid are left
alone and ignored.  sweep.json has the --spec format, so
`--spec DIR/sweep.json --dir DIR` repeats a sweep.

Spec file (JSON): {"program": PATH, "params": {"name": [values]},
"fixed": {"name": value}, "runs": N, "jobs": N, "dir": PATH, "seed": N,
"timeout": SECONDS}.  Relative paths are relative to the current directory.
Command-line options override it; --param and --fixed replace the spec's entry
of the same name.

Exit status: 0 all runs succeeded; 1 some runs failed; 2 invalid sweep
definition or result CSV; 130 interrupted by SIGINT or SIGTERM (the running
programs are terminated and their directories left without status.json).
"""
import argparse
import concurrent.futures as cf
import csv
import hashlib
import itertools
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

RESERVED = ("RngRun", "RngSeed", "output")
RESULT = "result.csv"
STATUS = "status.json"
SPEC_KEYS = ("program", "params", "fixed", "runs", "jobs", "dir", "seed", "timeout")
# Keys of sweep.json that must match on resume (runs may change).
DEFINITION_KEYS = ("program", "params", "fixed", "seed")
NAME = re.compile(r"[A-Za-z_][\w:.-]*")
UNSAFE = re.compile(r"[^A-Za-z0-9._=+-]")
MAX_ID = 100
KILL_GRACE = 10  # seconds from SIGTERM to SIGKILL for interrupted programs
STDERR_TAIL = 10  # lines of stderr.txt shown per failed run


class SweepError(Exception):
    """An invalid sweep definition or result, reported without a traceback."""


class Sweep:
    """The validated sweep definition."""

    def __init__(self, program, params, fixed, runs, jobs, directory, seed, timeout):
        self.program = program  # absolute path
        self.params = params  # [(name, [value, ...]), ...] in the order given
        self.fixed = fixed  # [(name, value), ...]
        self.runs = runs
        self.jobs = jobs
        self.dir = directory
        self.seed = seed
        self.timeout = timeout

    def definition(self):
        """The content of DIR/sweep.json (a valid --spec)."""
        return {
            "program": self.program,
            "params": dict(self.params),
            "fixed": dict(self.fixed),
            "runs": self.runs,
            "seed": self.seed,
            "timeout": self.timeout,
        }


class Run:
    """One execution of the program: a grid point and a repetition."""

    def __init__(self, sweep, point, rep):
        self.point = point  # [(name, value), ...]
        self.rep = rep
        self.id = run_id(point, rep)
        self.dir = os.path.join(sweep.dir, "runs", self.id)
        self.args = (
            [sweep.program]
            + ["--%s=%s" % nv for nv in point + sweep.fixed]
            + ["--RngSeed=%d" % sweep.seed, "--RngRun=%d" % rep, "--output=" + RESULT]
        )

    def path(self, name):
        return os.path.join(self.dir, name)


def run_id(point, rep):
    """A readable, filesystem-safe id, stable for a given point and rep."""
    raw = "_".join("%s=%s" % nv for nv in point + [("run", rep)])
    safe = UNSAFE.sub("_", raw)
    if safe != raw or len(safe) > MAX_ID:
        digest = hashlib.sha1(raw.encode()).hexdigest()[:8]
        safe = safe[: MAX_ID - len(digest) - 1] + "_" + digest
    return safe


# --- definition ------------------------------------------------------------


def check_name(name, what):
    if not NAME.fullmatch(name):
        raise SweepError("invalid %s name %r" % (what, name))
    if name in RESERVED:
        raise SweepError(
            "%s %r is reserved: the sweep passes --RngSeed, --RngRun and --output itself"
            % (what, name)
        )


def as_arg(value, where):
    """A JSON scalar as a command-line value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    raise SweepError("%s: expected a string or number, got %r" % (where, value))


def parse_param(text):
    name, sep, values = text.partition("=")
    if not sep or not name:
        raise SweepError("malformed --param %r: expected name=v1,v2,..." % text)
    return name, values.split(",") if values else []


def parse_fixed(text):
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise SweepError("malformed --fixed %r: expected name=value" % text)
    return name, value


def load_spec(path):
    """The spec file as a dict, params and fixed values converted to strings."""
    try:
        with open(path) as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise SweepError("cannot read spec %s: %s" % (path, e))
    if not isinstance(spec, dict):
        raise SweepError("spec %s: expected a JSON object" % path)
    unknown = sorted(set(spec) - set(SPEC_KEYS))
    if unknown:
        raise SweepError(
            "spec %s: unknown keys %s (known: %s)"
            % (path, ", ".join(unknown), ", ".join(SPEC_KEYS))
        )
    for key in ("params", "fixed"):
        if not isinstance(spec.get(key) or {}, dict):
            raise SweepError("spec %s: %r must be an object" % (path, key))
    params = {}
    for name, values in (spec.get("params") or {}).items():
        if not isinstance(values, list):
            raise SweepError("spec %s: params.%s must be a list" % (path, name))
        params[name] = [as_arg(v, "params." + name) for v in values]
    spec["params"] = params
    spec["fixed"] = {n: as_arg(v, "fixed." + n) for n, v in (spec.get("fixed") or {}).items()}
    return spec


def check_number(value, key, integer, minimum):
    kind = "an integer" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        raise SweepError("%s must be %s, got %r" % (key, kind, value))
    if value < minimum:
        raise SweepError("%s must be at least %s, got %r" % (key, minimum, value))
    return value


def build_sweep(args):
    """The sweep from the spec file (if any) overridden by the command line."""
    spec = load_spec(args.spec) if args.spec else {}

    def pick(key, default=None):
        for value in (getattr(args, key), spec.get(key)):
            if value is not None:
                return value
        return default

    params = dict(spec.get("params", {}))
    fixed = dict(spec.get("fixed", {}))
    for option, parse, target in (
        ("--param", parse_param, params),
        ("--fixed", parse_fixed, fixed),
    ):
        given = set()
        for text in getattr(args, option[2:]):
            name, value = parse(text)
            if name in given:
                raise SweepError("%s %s given twice" % (option, name))
            given.add(name)
            target[name] = value
    for name, values in params.items():
        check_name(name, "parameter")
        if name == "rep":
            raise SweepError("parameter name 'rep' is taken by the results.csv column")
        if not values:
            raise SweepError("parameter %r has an empty value list" % name)
        if "" in values:
            raise SweepError("parameter %r has an empty value: %s" % (name, ",".join(values)))
        if len(set(values)) != len(values):
            raise SweepError("parameter %r has duplicate values: %s" % (name, ",".join(values)))
    for name in fixed:
        check_name(name, "fixed argument")
        if name in params:
            raise SweepError("%r is both a parameter and a fixed argument" % name)

    program, directory = pick("program"), pick("dir")
    if not program:
        raise SweepError("no program: give --program or a spec with \"program\"")
    if not directory:
        raise SweepError("no output directory: give --dir or a spec with \"dir\"")
    program = os.path.abspath(program)
    if not os.path.isfile(program):
        raise SweepError("program not found: %s" % program)
    if not os.access(program, os.X_OK):
        raise SweepError("program is not executable: %s" % program)
    timeout = pick("timeout")
    return Sweep(
        program,
        list(params.items()),
        list(fixed.items()),
        check_number(pick("runs", 1), "runs", True, 1),
        check_number(pick("jobs", os.cpu_count() or 1), "jobs", True, 1),
        os.path.abspath(directory),
        check_number(pick("seed", 1), "seed", True, 1),
        None if timeout is None else check_number(timeout, "timeout", False, 0.001),
    )


def make_runs(sweep):
    """All runs in grid order: the first parameter varies slowest, rep fastest."""
    names = [name for name, _ in sweep.params]
    runs = [
        Run(sweep, list(zip(names, values)), rep)
        for values in itertools.product(*(values for _, values in sweep.params))
        for rep in range(1, sweep.runs + 1)
    ]
    if len({run.id for run in runs}) != len(runs):
        raise SweepError("parameter values give clashing run ids; avoid '_' in values")
    return runs


def write_json(path, data):
    """Write JSON atomically: readers see the old file or the complete new one."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def check_definition(sweep, force):
    """Record the sweep in DIR/sweep.json, refusing to mix different sweeps."""
    path = os.path.join(sweep.dir, "sweep.json")
    new = sweep.definition()
    try:
        with open(path) as f:
            old = json.load(f)
    except FileNotFoundError:
        old = None
    except (OSError, ValueError) as e:
        raise SweepError("cannot read %s: %s" % (path, e))
    if old is not None and not force:
        # Compare mappings as item lists: the order of params fixes the run ids.
        differ = [k for k in DEFINITION_KEYS if _items(old.get(k)) != _items(new[k])]
        if differ:
            raise SweepError(
                "%s describes a different sweep (%s differ).\n"
                "Repeat the original command to resume it, use another --dir, or pass "
                "--force to replace it (completed runs with an unchanged command line are kept)."
                % (path, ", ".join(differ))
            )
    os.makedirs(sweep.dir, exist_ok=True)
    write_json(path, new)


def _items(value):
    return list(value.items()) if isinstance(value, dict) else value


# --- runs ------------------------------------------------------------------


def read_status(run):
    try:
        with open(run.path(STATUS)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def failure(run, status):
    """Why a finished run failed, or None if it succeeded."""
    if status["returncode"] != 0:
        return "returncode %s" % status["returncode"]
    if not os.path.isfile(run.path(RESULT)):
        return "exited 0 without writing %s" % RESULT
    return None


def state(run):
    """done, failed, pending (no status.json) or outdated (other command line)."""
    status = read_status(run)
    if status is None:
        return "pending"
    if status.get("args") != run.args:
        return "outdated"
    return "failed" if failure(run, status) else "done"


def kill_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


class Runner:
    """Executes runs from worker threads; stop() terminates the running ones."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.lock = threading.Lock()
        self.procs = set()
        self.stopping = False

    def running(self):
        return len(self.procs)

    def run(self, run):
        """Execute one run in a fresh directory; its status, or None if stopped."""
        shutil.rmtree(run.dir, ignore_errors=True)
        os.makedirs(run.dir)
        start = time.monotonic()
        with open(run.path("stdout.txt"), "wb") as out, open(run.path("stderr.txt"), "wb") as err:
            returncode = self._execute(run, out, err)
        if returncode is None or self.stopping:
            return None
        status = {
            "returncode": returncode,
            "wall_seconds": round(time.monotonic() - start, 3),
            "args": run.args,
            "params": dict(run.point),
            "rep": run.rep,
        }
        write_json(run.path(STATUS), status)
        return status

    def _execute(self, run, out, err):
        with self.lock:  # stop() either sees this process or prevents its start
            if self.stopping:
                return None
            try:
                proc = subprocess.Popen(
                    run.args, cwd=run.dir, stdin=subprocess.DEVNULL, stdout=out,
                    stderr=err, start_new_session=True,
                )
            except OSError as e:
                err.write(("cannot execute %s: %s\n" % (run.args[0], e)).encode())
                return "exec-error"
            self.procs.add(proc)
        try:
            return proc.wait(self.timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc, signal.SIGKILL)
            proc.wait()
            return "timeout"
        finally:
            with self.lock:
                self.procs.discard(proc)

    def stop(self, sig):
        """Start no more programs and send sig to the process group of each running one."""
        with self.lock:
            self.stopping = True
            for proc in self.procs:
                if proc.returncode is None:
                    kill_group(proc, sig)


class Progress:
    """A progress bar on a terminal, else one line per finished run."""

    WIDTH = 30

    def __init__(self, total, done, quiet, stream=sys.stderr):
        self.total, self.done, self.failed = total, done, 0
        self.executed = 0
        self.start = time.monotonic()
        self.stream = stream
        self.bar = not quiet and stream.isatty()
        self.lines = not quiet and not self.bar

    def finished(self, run, status):
        self.executed += 1
        why = failure(run, status)
        if why:
            self.failed += 1
        else:
            self.done += 1
        if self.lines:
            print(
                "[%d/%d] %s %s (%.1fs)" % (
                    self.done + self.failed, self.total, run.id,
                    "FAILED: " + why if why else "ok", status["wall_seconds"],
                ),
                file=self.stream, flush=True,
            )

    def show(self, running):
        if not self.bar:
            return
        finished = self.done + self.failed
        filled = self.WIDTH * finished // self.total
        if self.executed:
            elapsed = time.monotonic() - self.start
            eta = duration((self.total - finished) * elapsed / self.executed)
        else:
            eta = "?"
        self.stream.write(
            "\r[%s%s] %d/%d done, %d running, %d failed, ETA %s\x1b[K" % (
                "#" * filled, "." * (self.WIDTH - filled), self.done, self.total,
                running, self.failed, eta,
            )
        )
        self.stream.flush()

    def close(self):
        if self.bar:
            self.stream.write("\n")


def duration(seconds):
    s = int(round(seconds))
    if s < 60:
        return "%ds" % s
    if s < 3600:
        return "%dm%02ds" % (s // 60, s % 60)
    return "%dh%02dm" % (s // 3600, s % 3600 // 60)


def execute(runs, jobs, runner, progress):
    """Execute runs with `jobs` workers; False if interrupted by SIGINT/SIGTERM."""
    signalled = []
    previous = {
        sig: signal.signal(sig, lambda signum, frame: signalled.append(signum))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    pool = cf.ThreadPoolExecutor(max_workers=jobs)
    pending = {pool.submit(runner.run, run): run for run in runs}
    try:
        while pending and not signalled:
            progress.show(runner.running())
            finished, _ = cf.wait(pending, timeout=0.25, return_when=cf.FIRST_COMPLETED)
            for future in finished:
                progress.finished(pending.pop(future), future.result())
        progress.show(runner.running())
    finally:
        if pending:  # interrupted, or an unexpected error: stop the programs
            runner.stop(signal.SIGTERM)
            pool.shutdown(wait=False, cancel_futures=True)
            # cf.wait() does not count futures cancelled by shutdown() as done.
            started = [future for future in pending if not future.cancelled()]
            if cf.wait(started, timeout=KILL_GRACE).not_done:
                runner.stop(signal.SIGKILL)
        pool.shutdown()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        progress.close()
    return not pending


# --- results ---------------------------------------------------------------


def read_csv(path):
    """The rows of a CSV file, without blank lines and '#' comment lines."""
    with open(path, newline="") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if row:
                yield row


def same_value(cell, value):
    """True if a result cell repeats a parameter value (as text or as a number)."""
    if cell == str(value):
        return True
    try:
        return float(cell) == float(value)
    except ValueError:
        return False


def write_results(sweep, runs, path):
    """Concatenate the runs' result.csv files into path; returns the row count."""
    prefix = [name for name, _ in sweep.params] + ["rep", "RngRun"]
    columns, headers = [], {}
    for run in runs:  # first pass: the union of the columns, in first-seen order
        rows = list(read_csv(run.path(RESULT)))
        point = dict(run.point)
        header = []
        for index, name in enumerate(rows[0] if rows else []):
            if name in point and all(
                index < len(row) and same_value(row[index], point[name]) for row in rows[1:]
            ):
                header.append(None)  # an echo of the swept parameter
                continue
            while name in prefix:
                name += "_out"
            if name in header:
                raise SweepError("%s: duplicate column %r" % (run.path(RESULT), name))
            header.append(name)
            if name not in columns:
                columns.append(name)
        headers[run.id] = header
    count = 0
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(prefix + columns)
        for run in runs:
            header = headers[run.id]
            front = [value for _, value in run.point] + [run.rep, run.rep]
            for number, row in enumerate(itertools.islice(read_csv(run.path(RESULT)), 1, None), 1):
                if len(row) != len(header):
                    raise SweepError(
                        "%s: data row %d has %d fields, the header %d"
                        % (run.path(RESULT), number, len(row), len(header))
                    )
                cells = dict(zip(header, row))
                out.writerow(front + [cells.get(c, "") for c in columns])
                count += 1
    os.replace(tmp, path)
    return count


def report_failures(failed, total):
    print("%d of %d runs failed:" % (len(failed), total), file=sys.stderr)
    for run in failed:
        status = read_status(run)
        why = failure(run, status) if status else "no %s" % STATUS
        print("  %s: %s  (%s)" % (run.id, why, run.dir), file=sys.stderr)
        try:
            with open(run.path("stderr.txt"), errors="replace") as f:
                tail = f.read().splitlines()[-STDERR_TAIL:]
        except OSError:
            tail = []
        for line in tail:
            print("    | " + line, file=sys.stderr)


# --- main ------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--program", help="the program to run (made absolute)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=V1,V2,...",
                   help="a swept parameter (repeatable; grid = Cartesian product)")
    p.add_argument("--fixed", action="append", default=[], metavar="NAME=VALUE",
                   help="an argument passed unchanged to every run (repeatable)")
    p.add_argument("--runs", type=int, help="repetitions per point, RngRun=1..RUNS (default 1)")
    p.add_argument("--jobs", type=int, help="programs run in parallel (default: CPU count)")
    p.add_argument("--dir", help="output directory")
    p.add_argument("--seed", type=int, help="RngSeed of every run (default 1)")
    p.add_argument("--timeout", type=float, help="seconds after which a run is killed and failed")
    p.add_argument("--spec", help="JSON file with the sweep definition")
    p.add_argument("--force", action="store_true",
                   help="replace DIR/sweep.json if it describes a different sweep")
    p.add_argument("--partial", action="store_true",
                   help="write results.csv from the successful runs even if some failed")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="print the command lines and exit")
    mode.add_argument("--list", action="store_true", help="print the state of each run and exit")
    return p.parse_args(argv)


def sweep_main(args):
    sweep = build_sweep(args)
    runs = make_runs(sweep)
    if args.dry_run:
        for run in runs:
            print("cd %s && %s" % (shlex.quote(run.dir), shlex.join(run.args)))
        return 0
    if args.list:
        states = [state(run) for run in runs]
        for run, st in zip(runs, states):
            print("%-8s %s" % (st, run.id))
        print(", ".join("%d %s" % (states.count(s), s)
                        for s in ("done", "failed", "pending", "outdated") if s in states))
        return 0

    check_definition(sweep, args.force)
    todo = [run for run in runs if state(run) != "done"]
    skipped = len(runs) - len(todo)
    if skipped and not args.quiet:
        print("resuming: %d of %d runs already complete" % (skipped, len(runs)), file=sys.stderr)
    progress = Progress(len(runs), skipped, args.quiet)
    complete = execute(todo, sweep.jobs, Runner(sweep.timeout), progress)
    done = [run for run in runs if state(run) == "done"]
    if not complete:
        print("interrupted: %d/%d runs complete; re-run the same command to resume"
              % (len(done), len(runs)), file=sys.stderr)
        return 130

    results = os.path.join(sweep.dir, "results.csv")
    done_ids = {run.id for run in done}
    failed = [run for run in runs if run.id not in done_ids]
    if failed:
        report_failures(failed, len(runs))
        if not args.partial:
            if os.path.exists(results):
                os.remove(results)
            print("%s not written (--partial writes it from the successful runs)" % results,
                  file=sys.stderr)
            return 1
    rows = write_results(sweep, done, results)
    if not args.quiet:
        print("wrote %s: %d rows from %d runs" % (results, rows, len(done)), file=sys.stderr)
    return 1 if failed else 0


def main(argv=None):
    args = parse_args(argv)
    try:
        return sweep_main(args)
    except SweepError as e:
        print("tipc-sweep: error: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

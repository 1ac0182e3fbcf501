#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Generate doc/tipc.rst's calibration table from the main experiment's CSV.

Reads the tidy CSV of examples/tipc-crossover-vs-fullstack.cc (default
settings) and writes an reStructuredText table of the ratios that
../shared/reference/calibration.md gives: published figure, simulated figure,
target band, and whether the simulated one is inside it.

    scripts/validation-table.py results/crossover/tipc-crossover-vs-fullstack.csv \
        [-o doc/validation-table.rst]

scripts/run-main.sh writes results/crossover/validation-table.rst this way;
copy it to doc/ to update the documentation.
"""
import argparse
import csv
import sys

# (label, published figure, target band or None for "reported", function of the data)
# Published figures and bands: calibration.md (crossover commit f73b12812a measurements).
ROWS = [
    ("crossover / full stack, 64 B", "1.66", (1.08, 2.24),
     lambda d: d.tput("crossover", 64) / d.tput("full-stack", 64)),
    ("crossover / full stack, 64 KiB", "12.9", (9.7, 16.1),
     lambda d: d.tput("crossover", 65536) / d.tput("full-stack", 65536)),
    ("crossover / node-internal, min", "≈1", (0.85, 1.15),
     lambda d: min(d.tput("crossover", s) / d.tput("node-internal", s) for s in d.sizes())),
    ("crossover / node-internal, max", "≈1", (0.85, 1.15),
     lambda d: max(d.tput("crossover", s) / d.tput("node-internal", s) for s in d.sizes())),
    ("crossover / TCP, 64 KiB", "≈4", (3.0, 5.0),
     lambda d: d.tput("crossover", 65536) / d.tput("tcp", 65536)),
    ("full stack 4→64 KiB max/min", "flat", (1.0, 1.5),
     lambda d: d.flatness("full-stack", 4096)),
    ("TCP RTT / TIPC RTT, 64 B", "2", None, lambda d: d.rtt("tcp", 64) / d.rtt("crossover", 64)),
    ("TCP RTT / TIPC RTT, 64 KiB", "7", None,
     lambda d: d.rtt("tcp", 65536) / d.rtt("crossover", 65536)),
    # calibration.md section 2, two hosts (tipc.io; hardware not published)
    ("inter-host TIPC / TCP, 64 KiB", "0.65–0.90", None,
     lambda d: d.tput("inter-host", 65536) / d.tput("inter-host-tcp", 65536)),
    ("inter-host TCP/TIPC RTT, 64 B", "≈1.33", None,
     lambda d: d.rtt("inter-host-tcp", 64) / d.rtt("inter-host", 64)),
] + [
    ("smart Nagle on / off, %s" % label, "1.5–2.0", None,
     lambda d, size=size: d.tput("full-stack-nagle", size) / d.tput("full-stack", size))
    for size, label in ((64, "64 B"), (256, "256 B"), (1024, "1 KiB"))
]


class Data:
    """The experiment's rows, by scenario, mode and size."""

    def __init__(self, path):
        self.rows = {}
        for r in csv.DictReader(line for line in open(path) if not line.startswith("#")):
            self.rows[(r["scenario"], r["mode"], int(r["size"]))] = r

    def value(self, scenario, mode, size, column):
        key = (scenario, mode, size)
        if key not in self.rows:
            sys.exit("validation-table: no %s %s row for %d bytes in the CSV" % key)
        return float(self.rows[key][column])

    def tput(self, scenario, size):
        return self.value(scenario, "throughput", size, "throughput_mbps")

    def rtt(self, scenario, size):
        return self.value(scenario, "latency", size, "rtt_us")

    def sizes(self):
        return sorted({s for (sc, m, s) in self.rows if m == "throughput" and sc == "crossover"})

    def flatness(self, scenario, smallest):
        values = [self.tput(scenario, s) for s in self.sizes() if s >= smallest]
        return max(values) / min(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="tipc-crossover-vs-fullstack.csv")
    parser.add_argument("-o", "--output", help="write the table here (default stdout)")
    args = parser.parse_args()
    data = Data(args.csv)
    lines = []
    widths = (32, 10, 10, 12, 7)
    rule = "  ".join("=" * w for w in widths)
    lines += [rule, "  ".join(h.ljust(w) for h, w in zip(
        ("ratio", "published", "simulated", "target", "inside"), widths)).rstrip(), rule]
    failures = 0
    for label, published, band, f in ROWS:
        v = f(data)
        if band:
            inside = band[0] <= v <= band[1]
            failures += not inside
            target, verdict = "%g–%g" % band, "yes" if inside else "**no**"
        else:
            target, verdict = "reported", "–"
        cells = (label, published, "%.2f" % v, target, verdict)
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    lines.append(rule)
    text = "\n".join(lines) + "\n"
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

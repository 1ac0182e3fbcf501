#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plot the mean of a CSV column against another, with error bars over repetitions.

Usage:
    scripts/tipc-plot.py results.csv --x size --y goodput_mbps [--hue loss]
        [--facet col] [--filter mode=crossover]... [--logx] [--logy]
        [--xlabel TEXT] [--ylabel TEXT] [--title TEXT] [-o plot.png]
        [--ci 95|sd|sem] [--summary summary.csv]

Rows matching every --filter NAME=VALUE (numbers compare numerically, so
loss=0.010 matches 0.01) are grouped by (facet, hue, x), and each group is
drawn as the mean of its y values with an error bar: by default the
half-width of the Student-t 95% confidence interval of the mean (--ci LEVEL
for another confidence level in percent), or the standard deviation
(--ci sd) or the standard error of the mean (--ci sem).  Groups of one row
get no bar.  Rows with an empty y are skipped with a warning.

A numeric x is sorted numerically; any other is a categorical axis in
first-seen order (hue and facet values likewise).  One line per hue value,
the legend titled by the hue column; one subplot per facet value, side by
side, sharing the y axis.  Lines starting with '#' in the CSV are ignored.

The plot goes to -o, by default <csv stem>-<y>-vs-<x>.png next to the CSV.
--summary writes the aggregated table as CSV: the facet, hue and x columns
used, then n, mean, err (err empty for groups of one row).
"""
import argparse
import csv
import math
import os
import re
import statistics
import sys


class PlotError(Exception):
    """A problem with the input, reported without a traceback."""


# --- statistics ------------------------------------------------------------


def t_within(t, df):
    """P(|T| <= t) for Student's t with df degrees of freedom (Abramowitz and
    Stegun 26.7.3 and 26.7.4, exact for integer df)."""
    theta = math.atan(t / math.sqrt(df))
    sin, cos2 = math.sin(theta), math.cos(theta) ** 2
    total = 0.0
    if df % 2 == 0:
        term = 1.0
        for k in range(1, df // 2 + 1):
            total += term
            term *= cos2 * (2 * k - 1) / (2 * k)
        return sin * total
    term = math.cos(theta)
    for k in range(1, (df - 1) // 2 + 1):
        total += term
        term *= cos2 * (2 * k) / (2 * k + 1)
    return 2 / math.pi * (theta + sin * total)


def t_quantile(level, df):
    """The t with P(|T| <= t) = level: the half-width factor of a two-sided
    confidence interval (e.g. 4.303 for level 0.95 and df 2)."""
    if df > 1000:  # Cornish-Fisher expansion around the normal quantile
        z = statistics.NormalDist().inv_cdf((1 + level) / 2)
        return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)
    low, high = 0.0, 1.0
    while t_within(high, df) < level:
        low, high = high, 2 * high
    for _ in range(200):
        mid = (low + high) / 2
        if mid in (low, high):
            break
        if t_within(mid, df) < level:
            low = mid
        else:
            high = mid
    return high


def aggregate(values, ci):
    """(n, mean, error bar half-width or None for a single value)."""
    n = len(values)
    mean = math.fsum(values) / n
    if n < 2:
        return n, mean, None
    sd = statistics.stdev(values)
    if ci == "sd":
        return n, mean, sd
    sem = sd / math.sqrt(n)
    return n, mean, sem if ci == "sem" else t_quantile(ci / 100, n - 1) * sem


# --- data ------------------------------------------------------------------


def number(text):
    """text as a finite float, or None."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def read_rows(path):
    try:
        with open(path, newline="") as f:
            reader = csv.DictReader(line for line in f if not line.startswith("#"))
            rows = list(reader)
            return reader.fieldnames or [], rows
    except OSError as e:
        raise PlotError("cannot read %s: %s" % (path, e))


def matches(row, name, wanted):
    value = row[name] or ""
    if value == wanted:
        return True
    a, b = number(value), number(wanted)
    return a is not None and a == b


def levels(values):
    """Group keys for a column's values: numbers when all are numeric, else the
    strings.  Returns (key per value, distinct keys in axis order, label per
    key, numeric)."""
    numeric = bool(values) and all(number(v) is not None for v in values)
    keys = [number(v) if numeric else v for v in values]
    labels = {}
    for key, value in zip(keys, values):
        labels.setdefault(key, value)
    return keys, sorted(labels) if numeric else list(labels), labels, numeric


class Table:
    """Rows grouped by (facet, hue, x) and aggregated."""

    def __init__(self, rows, args):
        ys = []
        for i, row in enumerate(rows, 1):
            text = (row[args.y] or "").strip()
            y = number(text)
            if y is None and text:
                raise PlotError("column %r is not numeric: %r in data row %d" % (args.y, text, i))
            ys.append(y)
        skipped = ys.count(None)
        if skipped:
            print("warning: %d rows with an empty %r skipped" % (skipped, args.y), file=sys.stderr)
        rows = [row for row, y in zip(rows, ys) if y is not None]
        ys = [y for y in ys if y is not None]
        if not rows:
            raise PlotError("no rows to plot")

        def column(name):
            return levels([(row[name] or "") if name else "" for row in rows])

        fkeys, self.facets, self.facet_labels, _ = column(args.facet)
        hkeys, self.hues, self.hue_labels, _ = column(args.hue)
        xkeys, self.xs, self.x_labels, self.numeric_x = column(args.x)
        samples = {}
        for key, y in zip(zip(fkeys, hkeys, xkeys), ys):
            samples.setdefault(key, []).append(y)
        self.groups = {key: aggregate(values, args.ci) for key, values in samples.items()}

    def series(self, facet, hue):
        """[(x key, n, mean, err)] of one line, in axis order."""
        return [(x,) + self.groups[facet, hue, x]
                for x in self.xs if (facet, hue, x) in self.groups]


# --- output ----------------------------------------------------------------


def write_summary(path, table, args):
    names = [c for c in (args.facet, args.hue) if c] + [args.x, "n", "mean", "err"]
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(names)
        for facet in table.facets:
            for hue in table.hues:
                for x, n, mean, err in table.series(facet, hue):
                    front = ([table.facet_labels[facet]] if args.facet else []) + (
                        [table.hue_labels[hue]] if args.hue else [])
                    out.writerow(front + [table.x_labels[x], n, repr(mean),
                                          "" if err is None else repr(err)])


def ci_name(ci):
    if ci == "sd":
        return "standard deviation"
    return "standard error" if ci == "sem" else "%g%% CI" % ci


def plot(path, table, args):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    width = min(4.5 * len(table.facets) + 2, 24)
    fig, axes = plt.subplots(1, len(table.facets), figsize=(width, 4.5), sharey=True,
                             squeeze=False)
    handles = {}
    for ax, facet in zip(axes[0], table.facets):
        for i, hue in enumerate(table.hues):
            points = table.series(facet, hue)
            if not points:
                continue
            xs = [x if table.numeric_x else table.xs.index(x) for x, _, _, _ in points]
            errs = [math.nan if p[3] is None else p[3] for p in points]
            handles[hue] = ax.errorbar(
                xs, [p[2] for p in points],
                # NaN: no bar; all NaN breaks matplotlib 3.6's errorbar()
                yerr=None if all(map(math.isnan, errs)) else errs,
                color="C%d" % (i % 10), marker="o", markersize=4, capsize=3,
                label=table.hue_labels[hue],
            )
        if args.facet:
            ax.set_title("%s = %s" % (args.facet, table.facet_labels[facet]))
        if not table.numeric_x:
            ax.set_xticks(range(len(table.xs)), [table.x_labels[x] for x in table.xs])
        if args.logx:
            ax.set_xscale("log")
        ax.set_xlabel(args.xlabel or args.x)
        ax.grid(True, which="both", alpha=0.3)
    if args.logy:
        axes[0][0].set_yscale("log")
    axes[0][0].set_ylabel(args.ylabel or "%s (mean ± %s)" % (args.y, ci_name(args.ci)))
    if args.hue:
        axes[0][-1].legend([handles[h] for h in table.hues if h in handles],
                           [table.hue_labels[h] for h in table.hues if h in handles],
                           title=args.hue)
    if args.title:
        fig.suptitle(args.title)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


# --- main ------------------------------------------------------------------


def ci_option(text):
    if text in ("sd", "sem"):
        return text
    level = number(text)
    if level is None or not 0 < level < 100:
        raise argparse.ArgumentTypeError("expected sd, sem or a confidence level in percent")
    return level


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("csv", help="tidy CSV, e.g. the results.csv of tipc-sweep.py")
    p.add_argument("--x", required=True, help="column on the x axis")
    p.add_argument("--y", required=True, help="numeric column averaged on the y axis")
    p.add_argument("--hue", help="column with one line per value")
    p.add_argument("--facet", help="column with one subplot per value")
    p.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE",
                   help="keep only rows with this value (repeatable, all must match)")
    p.add_argument("--logx", action="store_true", help="logarithmic x axis")
    p.add_argument("--logy", action="store_true", help="logarithmic y axis")
    p.add_argument("--xlabel", help="x axis label (default: the x column)")
    p.add_argument("--ylabel", help="y axis label (default: the y column and the error bar)")
    p.add_argument("--title", help="figure title")
    p.add_argument("-o", "--output", help="PNG (default <csv stem>-<y>-vs-<x>.png next to the CSV)")
    p.add_argument("--ci", type=ci_option, default=95.0,
                   help="error bar: a confidence level in percent (default 95), sd or sem")
    p.add_argument("--summary", help="write the aggregated table to this CSV")
    return p.parse_args(argv)


def plot_main(args):
    columns, rows = read_rows(args.csv)
    filters = []
    for text in args.filter:
        name, sep, value = text.partition("=")
        if not sep:
            raise PlotError("malformed --filter %r: expected NAME=VALUE" % text)
        filters.append((name, value))
    wanted = [args.x, args.y, args.hue, args.facet] + [name for name, _ in filters]
    unknown = [c for c in wanted if c and c not in columns]
    if unknown:
        raise PlotError("unknown column %r in %s; available: %s"
                        % (unknown[0], args.csv, ", ".join(columns)))
    rows = [r for r in rows if all(matches(r, name, value) for name, value in filters)]
    table = Table(rows, args)
    if args.logx and not table.numeric_x:
        raise PlotError("--logx needs a numeric x, but %r is not" % args.x)

    output = args.output
    if not output:
        stem = os.path.splitext(args.csv)[0]
        safe = [re.sub(r"[^\w.+=-]", "_", c) for c in (args.y, args.x)]
        output = "%s-%s-vs-%s.png" % (stem, safe[0], safe[1])
    plot(output, table, args)
    print("wrote " + output)
    if args.summary:
        write_summary(args.summary, table, args)
        print("wrote " + args.summary)


def main(argv=None):
    args = parse_args(argv)
    try:
        plot_main(args)
    except PlotError as e:
        print("tipc-plot: error: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plot the main experiment's CSV (examples/tipc-crossover-vs-fullstack.cc).

Writes <prefix>-throughput.png (payload throughput vs message size, log-log)
and <prefix>-latency.png (ping-pong round trip vs message size) next to the CSV.

    python3 scripts/plot-crossover.py tipc-crossover-vs-fullstack.csv
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

STYLE = {
    "node-internal": ("node-internal TIPC", "s", "--"),
    "crossover": ("crossover (f73b12812a)", "o", "-"),
    "full-stack": ("full-stack TIPC (crossover off)", "^", "-"),
    "tcp": ("TCP over veth + bridge", "x", ":"),
    "full-stack-nagle": ("full-stack TIPC, smart Nagle on", "v", "-."),
    "inter-host": ("TIPC between two hosts", "D", "-"),
    "inter-host-tcp": ("TCP between two hosts", "+", ":"),
}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tipc-crossover-vs-fullstack.csv"
    rows = list(csv.DictReader(open(path)))
    prefix = os.path.splitext(path)[0]
    for mode, column, ylabel, suffix in (
        ("throughput", "throughput_mbps", "payload throughput (Mb/s)", "throughput"),
        ("latency", "rtt_us", "ping-pong round trip (us)", "latency"),
    ):
        sel = [r for r in rows if r["mode"] == mode]
        if not sel:
            continue
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for scen, (label, marker, ls) in STYLE.items():
            pts = sorted((int(r["size"]), float(r[column])) for r in sel if r["scenario"] == scen)
            if pts:
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, ls=ls, label=label)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("message size (bytes)")
        ax.set_ylabel(ylabel)
        first = sel[0]
        title = "%s: 1 host, 2 namespaces, %s cores, veth MTU %s, %s pairs" % (
            mode, first["cores"], first["veth_mtu"], first["connections"])
        nics = {r.get("nic_mbps") for r in sel if r["scenario"].startswith("inter-host")}
        if nics:
            rate = nics.pop() if len(nics) == 1 else None
            title += "\n(two hosts: 1 namespace each%s)" % (
                ", %g Gb/s NICs" % (float(rate) / 1000) if rate else "")
        ax.set_title(title, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        fig.tight_layout()
        out = "%s-%s.png" % (prefix, suffix)
        fig.savefig(out, dpi=120)
        print("wrote", out)


if __name__ == "__main__":
    main()

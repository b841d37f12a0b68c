"""Turns the raw runs of benches/compare.sh and benches/scale.sh into markdown tables.

usage: tables.py compare RUNS_TSV SETS_TSV [--title T] [--peers P] [--timeout S]
       tables.py scale RUNS_TSV SIZES_TSV [--title T]

Runs files hold one run a line: label, tool, run, wall s, user s, sys s, peak RSS KB, status.
Every figure is the median of the runs whose status is ok.
"""

import argparse
import statistics
from collections import defaultdict

PLIMSOLL = "plimsoll"
PARSE_ONLY = "plimsoll-parse"
TOOL_NAMES = {PLIMSOLL: "plimsoll (all rules)", PARSE_ONLY: "plimsoll --no-rules"}
# Throughput targets: peer wall time / plimsoll wall time on a set.
PEER_TARGETS = [("dockerfiles", "hadolint", 300), ("all", "checkov", 100), ("all", "trivy", 100)]
PARSE_ONLY_LIMIT = 2.0


class Figures:
    """The median wall, CPU (user+sys) and peak RSS of one tool on one set, or why there are none."""

    def __init__(self, runs):
        ok = [r for r in runs if r["status"] == "ok"]
        self.runs = len(ok)
        self.failure = None if ok else runs[-1]["status"]
        if ok:
            self.wall = statistics.median(r["wall"] for r in ok)
            self.cpu = statistics.median(r["user"] + r["sys"] for r in ok)
            self.rss_mb = statistics.median(r["rss_kb"] for r in ok) / 1024


def read_runs(path):
    runs = defaultdict(list)
    order = []
    with open(path) as f:
        for line in f:
            label, tool, _run, wall, user, sys_, rss, status = line.rstrip("\n").split("\t")
            if (label, tool) not in runs:
                order.append((label, tool))
            runs[(label, tool)].append(
                dict(wall=float(wall), user=float(user), sys=float(sys_), rss_kb=float(rss), status=status)
            )
    return order, {key: Figures(value) for key, value in runs.items()}


def ratio(a, b):
    return f"{a / b:,.2f}x" if b > 0 else "n/a"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i < 2 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def compare(args):
    order, figures = read_runs(args.runs)
    sets = {}
    with open(args.sets) as f:
        for line in f:
            name, files, megabytes, note = line.rstrip("\n").split("\t")
            sets[name] = dict(files=int(files), mb=float(megabytes), note=note)
    rows = []
    for label, tool in order:
        fig, base = figures[(label, tool)], figures.get((label, PLIMSOLL))
        name = TOOL_NAMES.get(tool, tool)
        if fig.failure:
            reason = f"> {args.timeout} s, skipped" if fig.failure == "timeout" else f"failed ({fig.failure})"
            rows.append([label, name, sets[label]["files"], sets[label]["mb"], reason, "", "", "", "", ""])
            continue
        ratios = ["", "", ""]
        if tool != PLIMSOLL and base and not base.failure:
            ratios = [ratio(fig.wall, base.wall), ratio(fig.cpu, base.cpu), ratio(fig.rss_mb, base.rss_mb)]
        rows.append(
            [label, name, sets[label]["files"], sets[label]["mb"], f"{fig.wall:.2f}", f"{fig.cpu:.2f}", f"{fig.rss_mb:.0f}"]
            + ratios
        )
    out = [f"{args.title}", ""]
    if args.peers:
        out += [f"peers: {args.peers}", ""]
    header = ["set", "tool", "files", "MB", "wall s", "CPU s", "peak RSS MB", "wall / plimsoll", "CPU / plimsoll", "RSS / plimsoll"]
    out.append(table(header, rows))
    notes = [f"- {name}: {info['note']}" for name, info in sets.items() if info["note"]]
    if notes:
        out += [""] + notes
    out += ["", "Targets:", ""]
    for label in sets:
        full, parse = figures.get((label, PLIMSOLL)), figures.get((label, PARSE_ONLY))
        if full and parse and not full.failure and not parse.failure:
            met = full.wall <= PARSE_ONLY_LIMIT * parse.wall
            out.append(
                f"- {label}: all rules / parse-only = {ratio(full.wall, parse.wall)} wall, "
                f"{ratio(full.cpu, parse.cpu)} CPU (target <= {PARSE_ONLY_LIMIT:g}x wall): {'met' if met else 'NOT met'}"
            )
    for label, peer, target in PEER_TARGETS:
        fig, base = figures.get((label, peer)), figures.get((label, PLIMSOLL))
        if not fig or not base or base.failure:
            continue
        if fig.failure:
            out.append(f"- {label}: {peer} did not finish ({fig.failure}); target >= {target}x")
            continue
        speedup = fig.wall / base.wall if base.wall > 0 else float("inf")
        out.append(
            f"- {label}: {peer} wall / plimsoll wall = {speedup:,.0f}x (target >= {target}x): "
            f"{'met' if speedup >= target else 'NOT met'}"
        )
    print("\n".join(out))


def scale(args):
    order, figures = read_runs(args.runs)
    sizes = {}
    with open(args.sizes) as f:
        for line in f:
            label, files, megabytes = line.rstrip("\n").split("\t")
            sizes[label] = dict(files=int(files), mb=float(megabytes))
    rows = []
    per_mb = {}
    for label, tool in order:
        fig, size = figures[(label, tool)], sizes[label]
        name = TOOL_NAMES.get(tool, tool)
        if fig.failure:
            rows.append([label, name, size["files"], size["mb"], f"failed ({fig.failure})", "", "", "", ""])
            continue
        per_mb[(label, tool)] = fig.wall / size["mb"]
        rows.append(
            [
                label,
                name,
                f"{size['files']:,}",
                f"{size['mb']:,.1f}",
                f"{fig.wall:.2f}",
                f"{fig.cpu:.2f}",
                f"{fig.rss_mb:.0f}",
                f"{1000 * fig.wall / size['mb']:.1f}",
                f"{size['files'] / fig.wall:,.0f}",
            ]
        )
    header = ["size", "tool", "files", "MB", "wall s", "CPU s", "peak RSS MB", "ms per MB", "files/s"]
    out = [args.title, "", table(header, rows), "", "Linearity (ms per MB at each size / at the smallest):", ""]
    labels = list(sizes)
    for tool in dict.fromkeys(tool for _label, tool in order):
        known = [(label, per_mb[(label, tool)]) for label in labels if (label, tool) in per_mb]
        if len(known) > 1:
            first = known[0][1]
            out.append(f"- {TOOL_NAMES.get(tool, tool)}: " + ", ".join(f"{label} {v / first:.2f}" for label, v in known))
    for label in labels:
        fig = figures.get((label, PLIMSOLL))
        if fig and not fig.failure:
            out.append(f"- peak RSS of plimsoll (all rules) at {label}: {fig.rss_mb:.0f} MB")
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("compare")
    c.add_argument("runs")
    c.add_argument("sets")
    c.add_argument("--title", default="")
    c.add_argument("--peers", default="")
    c.add_argument("--timeout", default="600")
    s = sub.add_parser("scale")
    s.add_argument("runs")
    s.add_argument("sizes")
    s.add_argument("--title", default="")
    args = parser.parse_args()
    compare(args) if args.mode == "compare" else scale(args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs puiseux-bench and the Python baseline in one go and prints a Markdown table of
seconds per call and the ratio baseline / puiseux (> 1 means puiseux is faster).

usage: compare.py [--quick] [--ops mul,div,sqrt,acos,compose] [--bench PATH]
The two tools draw identical inputs (same generator and seeds); both run on this machine,
in this run, one after the other per case group.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--ops", default="mul,div,sqrt,acos,compose")
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "puiseux-bench"))
    args = ap.parse_args()
    extra = ["--quick"] if args.quick else []
    ours = run([args.bench, "--ops", args.ops] + extra)
    theirs = run([sys.executable, os.path.join(HERE, "python", "baseline_flint.py"), "--ops", args.ops] + extra)
    base = {(r["op"], r["bits"], r["terms"]): r for r in theirs}
    tool = theirs[0]["tool"] if theirs else "baseline"
    print(f"| op | bits | terms | puiseux (s) | {tool} (s) | ratio {tool}/puiseux |")
    print("|---|---|---|---|---|---|")
    for r in ours:
        b = base.get((r["op"], r["bits"], r["terms"]))
        if b is None:
            continue
        print(f"| {r['op']} | {r['bits']} | {r['terms']} | {r['seconds']:.3g} | {b['seconds']:.3g} | {b['seconds'] / r['seconds']:.2f} |")


if __name__ == "__main__":
    main()

"""puiseux as one more tool for the peers' harness (shared/bench/peers/bench.py).

Test 1 (t1, t1b) and Test 2 (t2) from the formula as written, expanded by the toolkit's
backed expansion (computed at P bits and checked at 2P, as `puiseux expand` does), timed
in-process by `puiseux-bench --expand` (repeated for >= 0.5 s).

usage: python3 ../shared/bench/peers/bench.py /path/to/tool_puiseux.py t1 40 200 [certified]
`certified`: the expansion in ball arithmetic, once (`expand --certified`), every digit proved.
"""
import os
import subprocess
import sys

TEST, N, DIG = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
MODE = ["--certified"] if "certified" in sys.argv[4:] else []
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.environ.get("PUISEUX_BENCH", os.path.join(ROOT, ".build", "release", "puiseux-bench"))
BITS = int(DIG * 3.33) + 16
ORDER = f"{-(N + 1)}/2"   # keep t^k = d^(-k/2) for k <= N


def f(x, y, c):
    return f"((1/(2*pi))*(sqrt(({x})*({y}) - ({c})^2) + (pi - acos(({c})/(sqrt({x})*sqrt({y}))))*({c})))"


def kernel_series(a):
    b = "(2/d)"
    nw2 = f"(({a})^2 + (d-1)*{b}^2)"
    ip = f"(2*({a})*{b} + (d-2)*{b}^2)"
    return f"d*(d-1)*{f(nw2, nw2, ip)} - 2*d*{f(nw2, 1, a)} - 2*d*(d-1)*{f(nw2, 1, b)}"


def run(tag, expression):
    p = subprocess.run([BENCH, "--expand", expression, ORDER, str(BITS)] + MODE, capture_output=True, text=True)
    if p.returncode != 0:
        print("ERR", tag, p.stderr.strip()[-300:])
        return None
    out, seen = [], set()
    for line in p.stdout.splitlines():
        parts = line.split()
        if parts[0] == "TIME":
            out.append(("TIME", float(parts[1])))
        elif parts[0] == "C":
            out.append(("C", tag, parts[2], parts[3]))
            seen.add(int(parts[2]))
    # Terms absent below the (true) O-term are zero: print them, as the other tools do.
    lowest = -4 if tag == "S" else 0
    out += [("C", tag, str(k), "0") for k in range(lowest, N + 1) if k not in seen]
    return out


if TEST in ("t1", "t1b"):
    a = "(-1 + 2/d)" if TEST == "t1" else "(-1 + 2/d + 1/d^2)"
    res = run("S", kernel_series(a))
    if res:
        print("TIME", res[0][1])
        for r in res[1:]:
            print("C", r[1], r[2], r[3])
elif TEST == "t2":
    r1 = run("A", "acos(1 - 1/d + 1/d^2)")
    r2 = run("B", "acos(-1 + 3/d)")
    if r1 and r2:
        print("TIME", r1[0][1] + r2[0][1])
        for r in r1[1:] + r2[1:]:
            print("C", r[1], r[2], r[3])
else:
    print("ERR unsupported test", TEST)

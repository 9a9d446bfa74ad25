"""Test 1 and Test 1b of the peers' benchmark (shared/bench/peers), N = 40, 200 digits, in one
run on this machine: puiseux (computed at P and again at 2P; and certified in balls, once),
PARI/GP and python-flint, each through the peers' harness (median of 3 in-process times, every
coefficient checked against the reference), with the ratio of each time to PARI/GP's.

The harness writes its reference cache (Maxima's exact Test 1b output) beside itself, so it runs
from a copy of the peers' directory under .build/peers.

usage: python3 Benchmarks/peers/side_by_side.py [PEERS_DIR]
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PEERS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "bench", "peers")
WORK = os.path.join(ROOT, ".build", "peers")
if not os.path.isdir(WORK):
    shutil.copytree(PEERS, WORK)
    for d, _, files in os.walk(WORK):
        os.chmod(d, 0o755)
        for f in files:
            os.chmod(os.path.join(d, f), 0o644)

TOOLS = [("puiseux, P and 2P", os.path.join(HERE, "tool_puiseux.py"), []),
         ("puiseux, certified", os.path.join(HERE, "tool_puiseux.py"), ["certified"]),
         ("PARI/GP", "tool_gp.py", []),
         ("python-flint", "tool_flint.py", [])]

print("| test | tool | median time (ms) | / PARI/GP | correct digits (min) | coefficients |")
print("|---|---|---|---|---|---|")
for test in ("t1", "t1b"):
    rows = []
    for name, tool, extra in TOOLS:
        out = subprocess.run([sys.executable, "bench.py", tool, test, "40", "200"] + extra,
                             cwd=WORK, capture_output=True, text=True, timeout=3600).stdout.strip().splitlines()
        result = json.loads(out[-1]) if out else {"status": "no output"}
        rows.append((name, result))
    pari = next((r.get("time_med_s") for n, r in rows if n == "PARI/GP" and r.get("status") == "ok"), None)
    for name, r in rows:
        if r.get("status") != "ok" or r.get("time_med_s") is None:
            print(f"| {test} | {name} | failed ({r.get('status')}) | | | |")
            continue
        t = r["time_med_s"]
        ratio = f"{t / pari:.1f}" if pari else "-"
        coefficients = r.get("n_coeffs", 0) - r.get("missing_coeffs", 0)
        print(f"| {test} | {name} | {t * 1e3:.2f} | {ratio} | {r.get('correct_digits_min')} | {coefficients} of {r.get('n_coeffs')} |")

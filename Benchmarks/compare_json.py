#!/usr/bin/env python3
"""Compares two `puiseux family|spectrum --format json` outputs coefficient by coefficient.

Every coefficient of OLD must be in NEW (same place, same exponent of d) and agree with it on
the digits both print: each rounded to min(digits) significant digits gives the same number.
A coefficient NEW prints with fewer digits than OLD is listed as a loss (not a disagreement).
Prints one line per file, each disagreement and each loss; exit status 1 on a disagreement or
a missing coefficient.
usage: compare_json.py OLD.json NEW.json
"""
import json, sys
from decimal import Decimal, ROUND_HALF_EVEN, localcontext

def rounded(text, digits):
    x = Decimal(text)
    if x == 0:
        return x
    with localcontext() as c:
        c.prec = digits
        c.rounding = ROUND_HALF_EVEN
        return +x

def series_lists(doc):
    """(label, terms) for every printed series, in a stable order."""
    out = []
    if "coordinates" in doc:
        for c in doc["coordinates"]:
            out.append((c["name"], c["terms"]))
        out.append(("loss", doc["loss"]["terms"]))
    if "components" in doc:
        for comp in doc["components"]:
            for k, e in enumerate(comp["eigenvalues"]):
                out.append((f'{comp["irrep"]}[{k + 1}]', e["terms"]))
    return out

def main(old_path, new_path):
    old, new = json.load(open(old_path)), json.load(open(new_path))
    problems, losses, count = [], [], 0
    new_lists = dict(series_lists(new))
    for label, terms in series_lists(old):
        if label not in new_lists:
            problems.append(f"{label}: missing"); continue
        by_exponent = {t["exponent"]: t for t in new_lists[label]}
        for t in terms:
            count += 1
            u = by_exponent.get(t["exponent"])
            if u is None:
                problems.append(f'{label} d^({t["exponent"]}): missing'); continue
            k = min(u["digits"], t["digits"])
            if u["digits"] < t["digits"]:
                losses.append(f'{label} d^({t["exponent"]}): {u["digits"]} digits, had {t["digits"]}')
            a, b = rounded(u["coefficient"], k), rounded(t["coefficient"], k)
            # One unit in the k-th digit: two correctly rounded prints of one number may differ
            # by that when the digits below are ...5 (double rounding).
            if abs(a - b) > Decimal(1).scaleb(b.adjusted() - k + 1):
                problems.append(f'{label} d^({t["exponent"]}): {u["coefficient"]} vs {t["coefficient"]} (compared to {k} digits)')
    print(f"{new_path}: {count} coefficients compared, {len(problems)} disagreement(s), {len(losses)} with fewer digits")
    for p in problems:
        print("  disagrees: " + p)
    for p in losses:
        print("  fewer digits: " + p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

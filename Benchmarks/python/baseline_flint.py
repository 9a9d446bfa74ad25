#!/usr/bin/env python3
"""Baseline timings for truncated power-series arithmetic in Python.

Times, at 64/256/1024 bits and 16/64/256 terms, on pseudo-random series (fixed seeds):
  mul      a * b truncated to n terms
  div      a / b            (b has constant term 3/2)
  sqrt     sqrt(p)          (constant term 5/4)
  acos     acos(c)          (constant term 1/3, inside (-1, 1))
  compose  a(g)             (g has zero constant term: g = t/2 + ...)

The inputs are the ones Sources/PuiseuxBenchmarks/main.swift (puiseux-bench) draws: the same
SplitMix64 generator seeded with bits*1000 + terms, coefficients uniform in [-1, 1) as exact
dyadic rationals, drawn in the same order, so the two tools' lines can be put side by side.

Uses python-flint's arb_series (ctx.prec = bits, ctx.cap = terms) when it is installed,
otherwise plain truncated-series loops over mpmath numbers (mp.prec = bits).

Each case: 3 rounds, each repeating the operation until it has run >= 0.2 s (0.05 s with
--quick); the mean time per call of the median round is reported. Prints one JSON line per
(op, bits, terms):
  {"tool": "python-flint", "op": "mul", "bits": 256, "terms": 64, "seconds": 1.2e-05}

usage: baseline_flint.py [--quick] [--tool flint|mpmath] [--ops mul,div,...]
                         [--bits 64,256,...] [--terms 16,64,...] [--selftest]
"""
import argparse
import json
import statistics
import sys
import time

import mpmath

try:
    import flint
except ImportError:  # fall back to mpmath
    flint = None

OPS = ["mul", "div", "sqrt", "acos", "compose"]
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def coefficient(self):
        """(numerator, 2^52): uniform in [-1, 1), exact."""
        return (self.next() >> 11) - (1 << 52), 1 << 52


def draw_inputs(bits, terms):
    """Coefficient lists as exact (numerator, denominator) pairs, in puiseux-bench's order."""
    g = SplitMix64(bits * 1000 + terms)

    def series(constant=None):
        cs = [g.coefficient() for _ in range(terms)]
        if constant is not None:
            cs[0] = constant
        return cs

    a = series()
    b = series((3, 2))
    p = series((5, 4))
    c = series((1, 3))
    inner = series((1, 2))  # coefficients of t^1, t^2, ...: g = t/2 + ...
    return a, b, p, c, inner


# ---------------------------------------------------------------------------- python-flint

class FlintBackend:
    name = "python-flint"

    def setup(self, bits, terms):
        flint.ctx.prec = bits
        flint.ctx.cap = terms
        a, b, p, c, inner = draw_inputs(bits, terms)
        S = flint.arb_series

        def conv(cs):
            return [flint.arb(flint.fmpq(n, d)) for n, d in cs]

        self.a, self.b, self.p, self.c = S(conv(a)), S(conv(b)), S(conv(p)), S(conv(c))
        self.g = S([flint.arb(0)] + conv(inner)[: terms - 1])
        return {
            "mul": lambda: self.a * self.b,
            "div": lambda: self.a / self.b,
            "sqrt": lambda: self.p.sqrt(),
            "acos": lambda: self.c.acos(),
            "compose": lambda: self.a(self.g),
        }

    @staticmethod
    def values(series):
        return [mpmath.mpf(x.mid().str(40, radius=False)) for x in series.coeffs()]


# ---------------------------------------------------------------------------- mpmath

def mp_mul(x, y, n):
    return [mpmath.fdot(x[: k + 1], y[k::-1]) for k in range(n)]


def mp_div(x, y, n):
    q = []
    for k in range(n):
        s = x[k] - mpmath.fdot(q[:k], y[k:0:-1]) if k else x[0]
        q.append(s / y[0])
    return q


def mp_sqrt(x, n):
    s = [mpmath.sqrt(x[0])]
    two_s0 = 2 * s[0]
    for k in range(1, n):
        s.append((x[k] - mpmath.fdot(s[1:k], s[k - 1:0:-1])) / two_s0)
    return s


def mp_acos(x, n):
    # acos(c) = acos(c0) - integral(c' / sqrt(1 - c^2))
    one_minus_sq = [-v for v in mp_mul(x, x, n)]
    one_minus_sq[0] += 1
    derivative = [k * x[k] for k in range(1, n)] + [mpmath.mpf(0)]
    w = mp_div(derivative, mp_sqrt(one_minus_sq, n), n)
    return [mpmath.acos(x[0])] + [-w[k - 1] / k for k in range(1, n)]


def mp_compose(x, g, n):
    # Horner in the series g (zero constant term), truncated to n terms.
    r = [mpmath.mpf(0)] * n
    r[0] = x[n - 1]
    for k in range(n - 2, -1, -1):
        r = mp_mul(r, g, n)
        r[0] += x[k]
    return r


class MpmathBackend:
    name = "mpmath"

    def setup(self, bits, terms):
        mpmath.mp.prec = bits
        a, b, p, c, inner = draw_inputs(bits, terms)

        def conv(cs):
            return [mpmath.mpf(n) / d for n, d in cs]

        n = terms
        self.a, self.b, self.p, self.c = conv(a), conv(b), conv(p), conv(c)
        self.g = [mpmath.mpf(0)] + conv(inner)[: n - 1]
        return {
            "mul": lambda: mp_mul(self.a, self.b, n),
            "div": lambda: mp_div(self.a, self.b, n),
            "sqrt": lambda: mp_sqrt(self.p, n),
            "acos": lambda: mp_acos(self.c, n),
            "compose": lambda: mp_compose(self.a, self.g, n),
        }

    @staticmethod
    def values(series):
        return list(series)


# ---------------------------------------------------------------------------- driver

def measure(body, minimum_seconds, rounds=3):
    """Median over rounds of the mean time per call; each round runs >= minimum_seconds."""
    results = []
    for _ in range(rounds):
        reps = 0
        start = time.perf_counter()
        while True:
            body()
            reps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= minimum_seconds:
                break
        results.append(elapsed / reps)
    return statistics.median(results)


def selftest():
    """The two backends agree on small cases (needs python-flint)."""
    if flint is None:
        print("selftest: python-flint is not installed", file=sys.stderr)
        return 1
    worst = mpmath.mpf(0)
    for terms in (4, 16):
        ops_f = FlintBackend().setup(64, terms)
        ops_m = MpmathBackend().setup(64, terms)
        for op in OPS:
            xs = FlintBackend.values(ops_f[op]())
            ys = MpmathBackend.values(ops_m[op]())
            assert len(xs) == len(ys) == terms, (op, terms, len(xs), len(ys))
            mpmath.mp.prec = 64
            err = max(abs(x - y) / max(1, abs(y)) for x, y in zip(xs, ys))
            worst = max(worst, err)
            if err > mpmath.mpf(2) ** -50:
                print(f"selftest: {op} with {terms} terms differs by {mpmath.nstr(err, 3)}", file=sys.stderr)
                return 1
    print(f"selftest: python-flint and mpmath agree at 64 bits "
          f"(largest relative difference {mpmath.nstr(worst, 2)})")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 round of >= 0.05 s per case")
    ap.add_argument("--tool", choices=["flint", "mpmath"], help="default: flint if installed")
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--bits", default="64,256,1024")
    ap.add_argument("--terms", default="16,64,256")
    ap.add_argument("--selftest", action="store_true", help="cross-check the two backends and exit")
    args = ap.parse_args(argv)

    if args.selftest:
        return selftest()
    tool = args.tool or ("flint" if flint is not None else "mpmath")
    if tool == "flint" and flint is None:
        ap.error("python-flint is not installed (pip install python-flint)")
    backend = FlintBackend() if tool == "flint" else MpmathBackend()
    if tool == "mpmath" and args.tool is None:
        print("note: python-flint not installed; timing the mpmath fallback", file=sys.stderr)

    ops = [op for op in args.ops.split(",") if op]
    unknown = set(ops) - set(OPS)
    if unknown:
        ap.error(f"unknown ops: {', '.join(sorted(unknown))}")
    minimum, rounds = (0.05, 1) if args.quick else (0.2, 3)
    for bits in [int(b) for b in args.bits.split(",")]:
        for terms in [int(n) for n in args.terms.split(",")]:
            cases = backend.setup(bits, terms)
            for op in ops:
                seconds = measure(cases[op], minimum, rounds)
                line = {"tool": backend.name, "op": op, "bits": bits, "terms": terms, "seconds": seconds}
                print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

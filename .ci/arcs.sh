#!/usr/bin/env bash
# The tangency arcs of the k = d minima at d = 10 and 20, both signs, with the release binary
# (run by `make check`): each must end regularly (exit 0), with every event located (no
# "located only to the step") and every critical point with its full Hessian index.
# Usage: .ci/arcs.sh BIN
set -euo pipefail
bin=${1:?usage: arcs.sh PATH/TO/puiseux}
check='
import json, sys
arc = json.load(sys.stdin)
events = arc["events"]
label = "%s d = %s sign %s" % (arc["family"], arc["d"], arc["sign"])
bad = [e for e in events if e["note"] and "only to the step" in e["note"]]
assert not bad, label + ": unlocated events " + str(bad)
critical = [e for e in events if e["kind"] == "critical_point"]
assert critical and all(e["index"] is not None for e in critical), label + ": critical points without index"
print("PASS arc %s: %d steps, %d critical points, end: %s" % (label, len(arc["steps"]), len(critical), events[-1]["note"][:60]))
'
for family in p0-m0-I p1-m0-I p1-m0-II; do
    for d in 10 20; do
        for sign in + -; do
            "$bin" arc "$family" --d "$d" --sign="$sign" --format json | python3 -c "$check"
        done
    done
done

#!/usr/bin/env bash
# Families outside the catalogue, end to end with the release binary (run by `make check`):
# families --search finds them from critical points at d = 20, family --from solves each series
# (b and the verification block), spectrum gives the large-d verdict. The d-1,1 m = 3 family
# (b = 4, through the large-d fallback of the leading exponents) once broke when the
# continuation's steps changed; this keeps it computed. Usage: .ci/isotropy-families.sh BIN
set -euo pipefail
bin=${1:?usage: isotropy-families.sh PATH/TO/puiseux}
point() {  # the first family's point from families --search --format json
    "$bin" families --isotropy "$1" --extra "$2" --search --format json |
        python3 -c 'import json,sys; f=json.load(sys.stdin)["families"]; print(",".join(f[0]["point"]) if f else "")'
}
for spec in "d-2,2 0 12 spectrum" "d-3,3 0 12 spectrum" "d-1,1 3 6 family"; do
    set -- $spec
    p=$(point "$1" "$2")
    [ -n "$p" ] || { echo "FAIL $1 m=$2: no family found"; exit 1; }
    out=$("$bin" family --isotropy "$1" --extra "$2" --from="$p" --at 20 --terms "$3")
    echo "$out" | grep -q "detected" && echo "$out" | grep -q "agreement with Newton" || { echo "FAIL $1 m=$2: family"; exit 1; }
    echo "PASS $1 m=$2: $(echo "$out" | head -1 | cut -c1-110)"
    if [ "$4" = spectrum ]; then
        v=$("$bin" spectrum --isotropy "$1" --extra "$2" --from="$p" --at 20 --terms 4 | grep "verdict")
        echo "PASS $1 m=$2 spectrum: $v"
    fi
done

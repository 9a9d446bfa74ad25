#!/usr/bin/env bash
# The catalogue as a user types it, by the series route (the default) and by the numeric route
# (--method numeric: continuation and fits), side by side in one run, with the ratio
# numeric / series (above 1: the series route is faster).
# One process per invocation: families to 12 terms, spectra to 6 terms, 256 bits, JSON, the
# default P/2P verification included. Usage: Benchmarks/catalogue.sh PATH/TO/puiseux
# (FAMILIES="p0-m0-I p1-m0-II" for a subset).
set -u
bin=${1:?usage: catalogue.sh PATH/TO/puiseux}
families=${FAMILIES:-"p0-m0-I p0-m1-I p1-m0-I p1-m0-II p1-m1-I p1-m1-II p1-m2-I p1-m2-II"}

# Wall seconds of one invocation (output discarded), or "failed".
timed() {
    local start end
    start=$(date +%s.%N)
    if "$bin" "$@" --format json >/dev/null 2>&1; then
        end=$(date +%s.%N)
        printf '%.2f' "$(echo "$end - $start" | bc)"
    else
        echo failed
    fi
}

printf '%-34s %10s %10s %8s\n' "invocation" "series s" "numeric s" "num/ser"
series_total=0; numeric_total=0; failures=0
for f in $families; do
    for kind in family spectrum; do
        terms=12; [ "$kind" = spectrum ] && terms=6
        s=$(timed "$kind" "$f" --terms "$terms")
        n=$(timed "$kind" "$f" --terms "$terms" --method numeric)
        ratio=-
        if [ "$s" != failed ]; then series_total=$(echo "$series_total + $s" | bc); else failures=$((failures + 1)); fi
        if [ "$n" != failed ]; then numeric_total=$(echo "$numeric_total + $n" | bc); fi
        if [ "$s" != failed ] && [ "$n" != failed ]; then ratio=$(printf '%.1f' "$(echo "scale=3; $n / $s" | bc)"); fi
        printf '%-34s %10s %10s %8s\n' "$kind $f --terms $terms" "$s" "$n" "$ratio"
    done
done
printf '%-34s %10.2f %10.2f %8.1f\n' "total (successful runs)" "$series_total" "$numeric_total" "$(echo "scale=3; $numeric_total / $series_total" | bc)"
echo "series route: $failures invocation(s) failed"
[ "$failures" = 0 ]

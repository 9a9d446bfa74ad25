#!/usr/bin/env bash
# Leak check: runs the package's test binary under valgrind memcheck and fails on any
# "definitely lost" block (or any other memcheck error outside the suppressed Swift runtime
# reports). Prints the leak summary.
#
#   .ci/leakcheck.sh [FILTER]        FILTER defaults to NumbersTests (a swift-testing --filter)
#
# Environment: SCRATCH_PATH (default .build) is the SwiftPM scratch directory to build in.
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-NumbersTests}"
scratch="${SCRATCH_PATH:-.build}"

if ! command -v valgrind >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y valgrind
    else
        echo "leakcheck: valgrind is not installed (apt-get install valgrind)" >&2
        exit 2
    fi
fi

swift build --build-tests --scratch-path "$scratch"
bin="$(swift build --show-bin-path --scratch-path "$scratch")"
tests="$bin/puiseuxPackageTests.xctest"

# See .ci/valgrind-dispatch-main.c for why the test runner needs this under valgrind.
cc="$(command -v cc || command -v clang)"
shim="$bin/valgrind-dispatch-main.so"
"$cc" -shared -fPIC -O2 -o "$shim" .ci/valgrind-dispatch-main.c

log="$bin/leakcheck-valgrind.log"
status=0
LD_PRELOAD="$shim" valgrind \
    --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
    --suppressions=.ci/valgrind-swift-runtime.supp \
    --log-file="$log" \
    "$tests" --testing-library swift-testing --filter "$filter" || status=$?

# The summary lines, e.g. "definitely lost: 0 bytes in 0 blocks".
grep -a -E "^==[0-9]+== +(definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY):" "$log" \
    | sed -E 's/^==[0-9]+== +//'
if [ "$status" -ne 0 ]; then
    echo "leakcheck: FAILED (exit $status); full valgrind log: $log" >&2
    exit "$status"
fi
echo "leakcheck: no definite leaks, no memcheck errors ($filter)"

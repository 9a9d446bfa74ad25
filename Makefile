# puiseux: build, test, demo, benchmark and leak-check entry points.
#
#   make demo       system packages if missing, release build, a few expansions
#   make test       system packages if missing, build and run the tests
#   make check      make test, then the slow tests (PUISEUX_SLOW=1)
#   make bench      release benchmarks (puiseux-bench), then the python-flint baseline
#   make leakcheck  the Numbers tests under valgrind (.ci/leakcheck.sh)
#   make clean      remove the build directory
#
# SWIFT_FLAGS is passed to every swift build/test, e.g. SWIFT_FLAGS="--scratch-path .build-mine".

SHELL       := /bin/bash
SWIFT       ?= swift
PYTHON      ?= python3
SWIFT_FLAGS ?=

# apt-get needs root; use sudo only when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || ! command -v sudo >/dev/null 2>&1 || echo sudo)

# The release binary directory (the scratch path may be overridden in SWIFT_FLAGS).
RELEASE_BIN = $$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)

.PHONY: all deps deps-bench build test check demo bench leakcheck clean

all: build

# GMP and MPFR headers and libraries (Debian: libgmp-dev, libmpfr-dev); installed only if missing.
deps:
	@if [ -f /usr/include/mpfr.h ] && { [ -f /usr/include/gmp.h ] || ls /usr/include/*-linux-gnu/gmp.h >/dev/null 2>&1; }; then \
	    echo "deps: libgmp-dev and libmpfr-dev are installed"; \
	else \
	    echo "deps: installing libgmp-dev libmpfr-dev"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y libgmp-dev libmpfr-dev; \
	fi

# Only for `make bench`: python-flint for the baseline (the script falls back to mpmath).
deps-bench:
	@if $(PYTHON) -c "import flint" >/dev/null 2>&1; then \
	    echo "deps-bench: python-flint is installed"; \
	else \
	    echo "deps-bench: installing python-flint"; \
	    $(PYTHON) -m pip install python-flint \
	        || echo "deps-bench: could not install python-flint; the baseline will use mpmath"; \
	fi

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test $(SWIFT_FLAGS)

check: test
	PUISEUX_SLOW=1 $(SWIFT) test $(SWIFT_FLAGS)

demo: build
	@set -e; bin="$(RELEASE_BIN)/puiseux"; \
	run() { echo; printf '$$ puiseux'; for a in "$$@"; do case "$$a" in *[\ \(\)\^\*]*) printf ' "%s"' "$$a";; *) printf ' %s' "$$a";; esac; done; echo; "$$bin" "$$@"; }; \
	run expand "sqrt(d^2 + d) - d" --terms 5; \
	run expand "acos(1 - 1/d)" --terms 4; \
	run expand "acos(-1 + 3/d)" --terms 4 --precision 256 --format latex; \
	run expand "sqrt(d^2/9 + d) - d/3" --terms 4 --numeric; \
	run expand "exp(1/d)" --terms 5; \
	run critical --isotropy d --d 10 --start -0.8003,0.1985 --precision 128; \
	run critical --isotropy d-1,1 --d 10 --start 1.0044,-0.0158,0.1824,0.126,-0.699 --precision 128 --format json; \
	run families; \
	run family p1-m0-II --terms 6; \
	run spectrum p1-m0-II --terms 3
# The paper-000 reproduction (Table 1, Theorem 3, the eight families' series) joins the demo
# with the family and spectrum commands.

bench: deps deps-bench
	$(SWIFT) build -c release --product puiseux-bench $(SWIFT_FLAGS)
	"$(RELEASE_BIN)/puiseux-bench"
	$(PYTHON) Benchmarks/python/baseline_flint.py

leakcheck: deps
	.ci/leakcheck.sh

clean:
	rm -rf .build

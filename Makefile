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
	expand() { echo; echo "\$$ puiseux expand \"$$1\" --terms $$2"; "$$bin" expand "$$1" --terms "$$2"; }; \
	expand "sqrt(d^2 + d) - d" 5; \
	expand "acos(1 - 1/d)" 4; \
	expand "sqrt(d^2/9 + d) - d/3" 4; \
	expand "exp(1/d)" 5
# TODO(demo): more examples, once the CLI supports them:
#   - the kernel constant and loss terms of MATH.md, e.g. "d*(d-1)/(2*pi) - ..."
#     (complete the expression when the loss-landscape expressions are in)
#   - acos at the branch points: "acos(-1 + 3/d)", "acos(1 - 1/d + 1/d^2)"
#   - the same expansion with --precision 256 and with --format json / --format latex

bench: deps deps-bench
	$(SWIFT) build -c release --product puiseux-bench $(SWIFT_FLAGS)
	"$(RELEASE_BIN)/puiseux-bench"
	$(PYTHON) Benchmarks/python/baseline_flint.py

leakcheck: deps
	.ci/leakcheck.sh

clean:
	rm -rf .build

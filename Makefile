# puiseux: build, test, demo, benchmark and leak-check entry points.
#
#   make demo       system packages if missing, release build, a few expansions
#   make test       system packages if missing, build and run the tests
#   make check      make test, then the slow tests (PUISEUX_SLOW=1), `puiseux check` and
#                   families of d-2,2, d-3,3 and d-1,1 m = 3 end to end (.ci/isotropy-families.sh),
#                   and the tangency arcs of the k = d minima at d = 10 and 20 (.ci/arcs.sh)
#   make notebooks  execute Notebooks/*.ipynb headless (installs jupyter, matplotlib if missing);
#                   make notebooks-docs copies the executed notebooks and figures to Docs/notebooks
#   make docs       DocC sites for the Series and Solvers libraries in .build-docs/site
#   make bench      release benchmarks (puiseux-bench), the python-flint baseline, the peers'
#                   Tests 1 and 1b beside PARI/GP and python-flint (Benchmarks/peers/side_by_side.py),
#                   then the catalogue by the series and the numeric route side by side (Benchmarks/catalogue.sh)
#   make leakcheck  the Numbers, Balls and ball-series tests and one certification under valgrind (.ci/leakcheck.sh)
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

.PHONY: all deps deps-tex deps-notebooks deps-bench build test check demo notebooks notebooks-docs docs bench leakcheck clean

all: build

# GMP, MPFR and Arb headers and libraries (Debian: libgmp-dev, libmpfr-dev, libflint-arb-dev,
# which brings libflint-dev); installed only if missing.
deps:
	@if [ -f /usr/include/mpfr.h ] && [ -f /usr/include/arb.h ] && { [ -f /usr/include/gmp.h ] || ls /usr/include/*-linux-gnu/gmp.h >/dev/null 2>&1; }; then \
	    echo "deps: libgmp-dev, libmpfr-dev and libflint-arb-dev are installed"; \
	else \
	    echo "deps: installing libgmp-dev libmpfr-dev libflint-arb-dev"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y libgmp-dev libmpfr-dev libflint-arb-dev; \
	fi

# pdflatex with booktabs and dcolumn for the LaTeX compile test (Debian: texlive-latex-base,
# texlive-latex-recommended); installed only if missing. If apt cannot install it the test
# says it skipped the compile (the rest of `make test` is unaffected).
deps-tex:
	@if command -v pdflatex >/dev/null 2>&1 && kpsewhich booktabs.sty >/dev/null 2>&1 && kpsewhich dcolumn.sty >/dev/null 2>&1; then \
	    echo "deps-tex: pdflatex, booktabs and dcolumn are installed"; \
	else \
	    echo "deps-tex: installing texlive-latex-base texlive-latex-recommended"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended \
	        || echo "deps-tex: could not install texlive; the LaTeX compile test will be skipped"; \
	fi

# Only for `make notebooks`: Jupyter (nbconvert, kernel) and matplotlib.
deps-notebooks:
	@if $(PYTHON) -c "import nbconvert, ipykernel, matplotlib" >/dev/null 2>&1; then \
	    echo "deps-notebooks: jupyter and matplotlib are installed"; \
	else \
	    echo "deps-notebooks: installing nbconvert ipykernel matplotlib"; \
	    $(PYTHON) -m pip install nbconvert ipykernel matplotlib; \
	fi

# Only for `make bench`: python-flint for the baseline (the script falls back to mpmath), and
# PARI/GP and Maxima for the peers' side-by-side run.
deps-bench:
	@if $(PYTHON) -c "import flint" >/dev/null 2>&1; then \
	    echo "deps-bench: python-flint is installed"; \
	else \
	    echo "deps-bench: installing python-flint"; \
	    $(PYTHON) -m pip install python-flint==0.9.0 \
	        || echo "deps-bench: could not install python-flint; the baseline will use mpmath"; \
	fi
	@# The peers' side-by-side run (Benchmarks/peers/side_by_side.py): PARI/GP, and Maxima for
	@# Test 1b's exact reference.
	@if command -v gp >/dev/null 2>&1 && command -v maxima >/dev/null 2>&1; then \
	    echo "deps-bench: PARI/GP and Maxima are installed"; \
	else \
	    echo "deps-bench: installing pari-gp maxima"; \
	    { $(SUDO) apt-get update && $(SUDO) apt-get install -y pari-gp maxima; } \
	        || echo "deps-bench: could not install PARI/GP or Maxima; the peers' run will say which failed"; \
	fi

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

test: deps deps-tex
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test $(SWIFT_FLAGS)

# make test, the slow tests, then the precision-checked run of the whole catalogue.
check: test build
	PUISEUX_SLOW=1 $(SWIFT) test $(SWIFT_FLAGS)
	"$(RELEASE_BIN)/puiseux" check
	.ci/isotropy-families.sh "$(RELEASE_BIN)/puiseux"
	.ci/arcs.sh "$(RELEASE_BIN)/puiseux"

# The DocC catalogs (Sources/Series/Series.docc, Sources/Solvers/Solvers.docc) as static sites in
# .build-docs/site (symbol graphs from a separate scratch path; docc ships with the toolchain).
docs: deps
	$(SWIFT) build --scratch-path .build-docs -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc .build-docs/symbol-graphs
	mkdir -p .build-docs/site; for m in Series Solvers; do \
	    docc convert Sources/$$m/$$m.docc --additional-symbol-graph-dir .build-docs/symbol-graphs \
	        --fallback-display-name $$m --fallback-bundle-identifier puiseux.$$m --output-dir .build-docs/site/$$m || exit 1; \
	done

# Executes the notebooks headless (outputs to .build/notebooks; the committed ones stay clean).
notebooks: build deps-notebooks
	mkdir -p .build/notebooks/figures
	PATH="$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path):$$PATH" PUISEUX_FIGURES="$$PWD/.build/notebooks/figures" \
	    $(PYTHON) -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=1800 --output-dir .build/notebooks Notebooks/*.ipynb

# The executed notebooks (plots inline) and their figures, copied to Docs/notebooks for readers
# who do not run them; commit the result after a change to a notebook or to what it computes.
notebooks-docs: notebooks
	mkdir -p Docs/notebooks/figures
	cp .build/notebooks/*.ipynb Docs/notebooks/
	cp .build/notebooks/figures/*.png Docs/notebooks/figures/

demo: build
	@set -e; bin="$(RELEASE_BIN)/puiseux"; \
	run() { echo; printf '$$ puiseux'; for a in "$$@"; do case "$$a" in *[\ \(\)\^\*]*) printf ' "%s"' "$$a";; *) printf ' %s' "$$a";; esac; done; echo; "$$bin" "$$@"; }; \
	echo "== Puiseux expansions"; \
	run expand "sqrt(d^2 + d) - d" --terms 5; \
	run expand "acos(1 - 1/d)" --terms 4; \
	run expand "acos(1 - 1/d)" --terms 3 --certified --digits 20; \
	echo; echo "== Paper 000: the finite-d critical points (d = 10) and the catalogue of families"; \
	run critical --isotropy d-1,1 --d 10 --start 1.0044,-0.0158,0.1824,0.126,-0.699 --precision 128; \
	run families; \
	echo; echo "== Paper 000: all eight families as series in t = d^(-1/b) (b = 4 for p1-m1-I and p1-m2-I): every digit certified (ball arithmetic, Krawczyk test) for all but the two b = 4 families, whose digits are confirmed at twice the precision"; \
	for f in p0-m0-I p0-m1-I p1-m0-I p1-m0-II p1-m1-I p1-m1-II p1-m2-I p1-m2-II; do run family $$f --terms 8; done; \
	echo; echo "== Example 2: the type II family p1-m0-II, alpha_0 = 1/2 - 2/pi^2, closed forms found by PSLQ"; \
	run family p1-m0-II --terms 6 --closed-forms; \
	echo; echo "== Table 1, column k = d, and Theorem 3 (the x and y eigenvalues); every term certified"; \
	run spectrum p1-m0-II --terms 3; \
	echo; echo "== Table 1, column k = d + 1 (see Docs/table1.md for the entries the paper misprints)"; \
	run spectrum p1-m1-II --terms 3; \
	echo; echo "== Paper 003: the softest component of each k = d minimum and where its tangency arcs leave it"; \
	run minima --max-p 1; \
	run arc p1-m0-II --d 10; \
	echo; echo "== Paper 002: the one-neuron student, and a neuron of the type II minimum split in half (inertia predicted by the congruence and counted)"; \
	run one-neuron --d 10 --digits 12; \
	run split p1-m0-II --d 10 --row 10 --mu 1/2 --digits 8; \
	echo; echo "== Paper 004: the 60 affine subspaces of Figure 4 (width 3 expanded to 4), by zero-type groups"; \
	run count --r 3 --m 4; \
	echo; echo "== Every digit checked: published values, Theorem 3, residuals, certificates (make check runs all eight families)"; \
	run check --fast

bench: deps deps-bench build
	$(SWIFT) build -c release --product puiseux-bench $(SWIFT_FLAGS)
	"$(RELEASE_BIN)/puiseux-bench"
	$(PYTHON) Benchmarks/python/baseline_flint.py
	$(PYTHON) Benchmarks/peers/side_by_side.py
	Benchmarks/catalogue.sh "$(RELEASE_BIN)/puiseux"

leakcheck: deps
	.ci/leakcheck.sh "NumbersTests|BallsTests|BallSeriesTests|doesNotBlessItsStart"

clean:
	rm -rf .build .build-docs

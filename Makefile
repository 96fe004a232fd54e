# Thin wrapper over CMake for the README's quick start. Every target that
# builds first installs what is missing (scripts/install-deps).
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BUILD     ?= build
ASAN      ?= build-asan
PREFIX    ?= /usr/local
VB_WERROR ?= OFF
CMAKE_ARGS = -DVB_WERROR=$(VB_WERROR)

.PHONY: all deps test-deps configure build demo test test-fast memcheck install bench format clean fuzz fuzz-deps

all: build

deps:
	@sh scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	      -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the shipped sample corpus: the report in the terminal,
# and the same report as one self-contained page, report.html.
DEMO_REPORT = $(BUILD)/verbatim report corpus/sample.csv --score-col score --metric nps \
	      --date-col date --period month --segment-col region
demo: build
	$(DEMO_REPORT) --report table
	$(DEMO_REPORT) -o report.html
	@echo "wrote report.html (open it in a browser)"

# Test-only packages (chromium, for the HTML report test).
test-deps: deps
	@sh scripts/install-deps --test

# The whole suite: a normal build and a build under ASan + UBSan.
test: test-deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DVB_SANITIZE=address,undefined \
	      -DVB_BUILD_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	      ctest --output-on-failure -j $(JOBS) -LE slow

# Every test under valgrind memcheck, in a Debug build of its own: unit and
# API tests through ctest -T memcheck, CLI and golden cases through
# VB_TEST_WRAPPER (tests/cli/run_case.sh). A memory error or a definite
# leak fails the test. Not in CI (about 10 minutes on 2 cores; ASan + UBSan
# and the counting allocator cover the same ground there). The whole-run
# OOM test is left out: hundreds of runs, and it counts leaks itself.
MEMCHECK ?= build-memcheck
VALGRIND  = valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --suppressions=$(CURDIR)/tests/support/valgrind.supp
memcheck: deps
	cmake -S . -B $(MEMCHECK) -DCMAKE_BUILD_TYPE=Debug -DVB_BUILD_BENCH=OFF \
	      -DVB_CLI_TIMEOUT=1200 $(CMAKE_ARGS)
	cmake --build $(MEMCHECK) -j $(JOBS)
	cd $(MEMCHECK) && ctest -T memcheck --output-on-failure -j $(JOBS) -L 'unit|api' \
	      -E oom_run --overwrite MemoryCheckCommandOptions="$(VALGRIND:valgrind=)"
	cd $(MEMCHECK) && VB_TEST_WRAPPER="$(VALGRIND)" ctest --output-on-failure -j $(JOBS) \
	      -L 'cli|golden'

# Fast loop while editing: unit tests of the normal build only.
test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

install: build
	cmake --install $(BUILD)

bench: build
	bench/run

# libFuzzer targets (tests/fuzz/README.md): clang and its runtimes are
# needed only here, so `deps` and CI do without them. Each target runs
# FUZZ_SECONDS, one after the other; findings land in tests/fuzz/crashes/.
FUZZ         ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv jsonl source text sentiment taxonomy themes lexicon dates agg_merge state writers
FUZZ_PKGS     = clang libclang-rt-14-dev

fuzz-deps: deps
	@missing=""; for p in $(FUZZ_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || \
	        missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" -ne 0 ]; then \
	        echo "make fuzz needs:$$missing; as root: apt-get install -y$$missing" >&2; exit 1; fi; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; fi

fuzz: fuzz-deps
	CC=clang cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVB_FUZZ=ON \
	      -DVB_BUILD_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(FUZZ) -j $(JOBS) --target fuzz_all
	sh tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ) $(MEMCHECK) demo.jsonl report.html

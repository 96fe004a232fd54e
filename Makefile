# Thin wrapper over CMake for the README's quick start. Every target that
# builds first installs what is missing (scripts/install-deps).
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BUILD     ?= build
ASAN      ?= build-asan
PREFIX    ?= /usr/local
VB_WERROR ?= OFF
CMAKE_ARGS = -DVB_WERROR=$(VB_WERROR)

.PHONY: all deps configure build demo test test-fast install bench format clean

all: build

deps:
	@sh scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	      -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the shipped sample corpus.
demo: build
	$(BUILD)/verbatim analyze corpus/sample.csv -o demo.jsonl
	@echo "wrote demo.jsonl; first record:"
	@head -n 1 demo.jsonl

# The whole suite: a normal build and a build under ASan + UBSan.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DVB_SANITIZE=address,undefined \
	      -DVB_BUILD_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	      ctest --output-on-failure -j $(JOBS) -LE slow

# Fast loop while editing: unit tests of the normal build only.
test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

install: build
	cmake --install $(BUILD)

bench: build
	bench/run

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN) demo.jsonl

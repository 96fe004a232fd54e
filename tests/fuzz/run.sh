#!/bin/sh
# Runs each libFuzzer target for a set time (make fuzz calls this).
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...
#
# Each target starts from its corpus in BUILD_DIR/corpus/<target> (the
# seeds are copied in first; what libFuzzer learns stays there between
# runs) with tests/fuzz/verbatim.dict. Crashes, leaks, timeouts and OOMs
# are written to tests/fuzz/crashes/<target>/, where ctest replays them
# forever (fuzz-replay.<target>). One target at a time, one process: the
# run uses one core. Prints the CPU seconds each target used and exits 1
# if any target found something.
set -u
build=$1
seconds=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
failed=""
total=0
for t in "$@"; do
    case $t in
        dates) max_len=128 ;;
        writers) max_len=1024 ;;
        text | sentiment | themes) max_len=2048 ;;
        source | lexicon | agg_merge) max_len=4096 ;;
        state) max_len=16384 ;;
        *) max_len=8192 ;;
    esac
    exe=$build/tests/fuzz/fuzz_$t
    corpus=$build/corpus/$t
    crashes=$src/crashes/$t
    mkdir -p "$corpus" "$crashes"
    cp "$src/seeds/$t"/* "$corpus"/ 2>/dev/null
    log=$build/fuzz-$t.log
    echo "fuzz_$t: ${seconds}s, -max_len=$max_len, log $log"
    /usr/bin/time -f "%U %S" -o "$build/fuzz-$t.time" \
        "$exe" "$corpus" -dict="$src/verbatim.dict" -max_len=$max_len \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    # time(1) puts "Command exited with non-zero status N" first on failure.
    cpu=$(tail -n 1 "$build/fuzz-$t.time" 2>/dev/null | awk '{ printf "%d", $1 + $2 }')
    cpu=${cpu:-0}
    total=$((total + cpu))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$t: exit $rc, ${cpu}s CPU, ${runs:-?} runs"
    if [ $rc -ne 0 ]; then
        failed="$failed $t"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*fuzz check failed|.*runtime error)' "$log" | head -5
    fi
done
echo "total: ${total}s CPU"
if [ -n "$failed" ]; then
    echo "findings in:$failed (inputs in tests/fuzz/crashes/, logs in $build/fuzz-*.log)"
    exit 1
fi

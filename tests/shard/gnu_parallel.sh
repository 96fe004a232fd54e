#!/bin/sh
# The "GNU parallel" recipe of README.md ("Running past one machine"), for
# real: corpus/sample.csv is split into shards, each shard is aggregated
# by `verbatim report --emit-state` under GNU parallel, the states are
# merged by `verbatim merge`, and the merged report must equal the report
# of one pass over the whole file, byte for byte, in json, md and csv (and
# the merged state the state of one pass). Three runs:
#
#   nps       raw CSV, NPS by month and region, 4 shards, merged in
#             reverse order;
#   weighted  raw CSV with a column of fractional weights added, CSAT on
#             0-10 by week and channel, 5 shards, merged in two stages
#             (merge --emit-state of two groups, then merge of those);
#   analyzed  `verbatim analyze --keep ...` output (the map step of
#             Hadoop Streaming or Spark's pipe) split by lines, then
#             `report --from-analyzed --emit-state` per part.
#
# Usage: gnu_parallel.sh VERBATIM SOURCE_DIR. GNU parallel is Debian's
# `parallel` (`scripts/install-deps --test`); without it this fails.
set -u
bin=$1
src=$2
here=$src/tests/shard
sample=$src/corpus/sample.csv

fail() {
    echo "gnu_parallel.sh: $*" >&2
    exit 1
}

command -v parallel >/dev/null 2>&1 ||
    fail "GNU parallel not found (Debian package 'parallel'; scripts/install-deps --test)"
parallel --version 2>/dev/null | head -n 1 | grep -q "GNU parallel" ||
    fail "'parallel' is not GNU parallel (moreutils has another one)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export VERBATIM="$bin"

# same NAME A B: the two files are byte for byte equal.
same() {
    cmp -s "$2" "$3" || {
        diff "$2" "$3" | head -n 20 >&2
        fail "$1: $2 and $3 differ"
    }
}

# run NAME SHARD_GLOB REPORT_ARGS...: the states of the shards under GNU
# parallel, into NAME/*.state.
run_shards() {
    name=$1
    glob=$2
    shift 2
    mkdir -p "$name"
    # {} is the shard, {/.} its name without directory and extension
    parallel --will-cite --halt now,fail=1 -j 4 \
        '"$VERBATIM" report {} '"$*"' --emit-state -o '"$name"'/{/.}.state 2>/dev/null' \
        ::: $glob || fail "$name: a shard failed under parallel"
}

# check NAME FULL_INPUT REPORT_ARGS...: the merged states against one pass.
check() {
    name=$1
    full=$2
    shift 2
    "$bin" report "$full" "$@" --emit-state -o "$name/one.state" 2>/dev/null ||
        fail "$name: single pass failed"
    for fmt in json md csv; do
        "$bin" report "$full" "$@" --report $fmt -o "$name/one.$fmt" 2>/dev/null ||
            fail "$name: single pass ($fmt) failed"
        "$bin" merge $(ls "$name"/shard*.state | sort -r) --report $fmt -o "$name/merged.$fmt" ||
            fail "$name: merge ($fmt) failed"
        same "$name" "$name/one.$fmt" "$name/merged.$fmt"
    done
    "$bin" merge "$name"/shard*.state --emit-state -o "$name/merged.state" ||
        fail "$name: merge --emit-state failed"
    same "$name" "$name/one.state" "$name/merged.state"
    n=$(ls "$name"/shard*.state | wc -l)
    echo "$name: $n shards under GNU parallel, merged: json, md, csv and state identical"
}

# 1. NPS, raw CSV.
sh "$here/split_csv.sh" "$sample" 4 nps
args="--id-col response_id --score-col score --date-col date --segment-col region"
run_shards nps "nps/shard*.csv" $args
check nps "$sample" $args

# 2. Fractional weights, CSAT, two-stage merge.
WEIGHTS=1 sh "$here/split_csv.sh" "$sample" 1 whole
WEIGHTS=1 sh "$here/split_csv.sh" "$sample" 5 weighted
args="--id-col response_id --score-col score --metric csat --scale 0-10 --top-box 2
      --weight-col weight --date-col date --period week --segment-col channel"
run_shards weighted "weighted/shard*.csv" $args
"$bin" merge weighted/shard0.state weighted/shard3.state --emit-state -o weighted/s03.state &&
    "$bin" merge weighted/shard4.state weighted/shard1.state weighted/shard2.state \
        --emit-state -o weighted/s124.state &&
    "$bin" merge weighted/s124.state weighted/s03.state --report json -o weighted/staged.json ||
    fail "weighted: staged merge failed"
check weighted whole/shard0.csv $args
same weighted weighted/one.json weighted/staged.json
grep -q '"weight_col":"weight"' weighted/one.json || fail "weighted: no weights in the report"

# 3. analyze's JSONL split by lines, as Hadoop Streaming or Spark would.
"$bin" analyze "$sample" --id-col response_id --keep score,date,region,comment \
    -o all.jsonl 2>/dev/null || fail "analyzed: analyze failed"
mkdir -p analyzed
split -n l/3 -d --additional-suffix=.jsonl all.jsonl analyzed/shard
args="--from-analyzed --score-col score --date-col date --segment-col region"
run_shards analyzed "analyzed/shard*.jsonl" $args
check analyzed all.jsonl $args
exit 0

#!/bin/sh
# split_csv.sh FILE N OUTDIR: splits a CSV with a header into N shards of
# consecutive records, OUTDIR/shard<i>.csv, the header in each. A record
# may span lines (a quoted field with newlines): it ends at the first line
# end where the quotes seen so far are balanced. With WEIGHTS=1 a
# "weight" column of fractional weights (0.00 to 2.99, a function of the
# record number) is appended, to test exact sums of weights.
set -eu
file=$1
n=$2
out=$3
mkdir -p "$out"
records=$(awk '{ q += gsub(/"/, "\"") } NR > 1 && q % 2 == 0 { r++ } END { print r + 0 }' "$file")
awk -v n="$n" -v total="$records" -v out="$out" -v weights="${WEIGHTS:-0}" '
    NR == 1 { header = $0 (weights ? ",weight" : ""); next }
    {
        rec = pending == "" ? $0 : pending "\n" $0
        q = gsub(/"/, "\"", rec)
        if (q % 2 == 1) { pending = rec; next }
        pending = ""
        i = int(k * n / total); k++
        f = out "/shard" i ".csv"
        if (!(f in started)) { print header > f; started[f] = 1 }
        if (weights) rec = rec "," sprintf("%d.%02d", (k * 7) % 3, (k * 37) % 100)
        print rec > f
    }' "$file"

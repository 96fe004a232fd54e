# -j N: the same bytes on stdout and stderr at every N, from a file or from
# stdin; --strict stops at the same record with the same summary.
"$VERBATIM" analyze "$CASES/../../corpus/sample.csv" --keep date,score -j 1 >j1.out 2>j1.err
for j in 2 3 8; do
    "$VERBATIM" analyze "$CASES/../../corpus/sample.csv" --keep date,score -j $j >j$j.out 2>j$j.err
    cmp j1.out j$j.out && cmp j1.err j$j.err && echo "-j $j: same output"
done
"$VERBATIM" analyze --format csv --keep date,score -j 2 <"$CASES/../../corpus/sample.csv" >stdin.out 2>/dev/null
cmp j1.out stdin.out && echo "stdin: same output"
wc -l <j1.out
# A quote never closed in the middle of the input, with --strict.
{ head -n 1500 "$CASES/../../corpus/sample.csv"; echo 'R9,2026-01-01,5,web,North,"open'; } >bad.csv
for j in 1 2; do
    "$VERBATIM" analyze bad.csv --strict -j $j >s$j.out 2>s$j.err
    echo "-j $j exit $?"
done
cmp s1.out s2.out && cmp s1.err s2.err && echo "--strict: same output"
sed "s/, themes on .*//" s1.err  # coverage depends on the default taxonomy
# Batches that write nothing: every record rejected, or (tokens) a comment
# with no tokens.
printf 'not json\n' >bad.jsonl
"$VERBATIM" analyze bad.jsonl --text-col comment -j 2 --taxonomy none; echo "-j 2 exit $?"
printf 'id,comment\n1,\n2,ok\n' >empty.csv
"$VERBATIM" tokens empty.csv -j 2 | wc -l

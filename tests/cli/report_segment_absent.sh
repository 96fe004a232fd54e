# A segment column that no record has (a mistyped JSON key) would put every
# record in one "(missing)" segment, a report that looks real: exit 2,
# for JSONL at -j 1 and 2 and for --from-analyzed. A key absent from some
# records only, or present but empty, is not refused: those records are
# the "(missing)" segment.
printf '{"id":1,"score":9,"region":"North","comment":"late delivery"}\n{"id":2,"score":3,"region":"South","comment":"rude staff"}\n' > s.jsonl
for j in 1 2; do
    "$VERBATIM" report s.jsonl --score-col score --segment-col Regoin -j $j -o out.json
    echo "-j $j exit $?"
done
test -e out.json || echo "no report written"
"$VERBATIM" analyze s.jsonl --keep score,region,comment 2>/dev/null > a.jsonl
"$VERBATIM" report --from-analyzed a.jsonl --score-col score --segment-col regoin >/dev/null
echo "--from-analyzed exit $?"
printf '{"id":3,"score":7,"comment":"fine"}\n{"id":4,"score":8,"region":"","comment":"ok"}\n' >> s.jsonl
"$VERBATIM" report s.jsonl --score-col score --segment-col region --report csv \
    --section segments 2>/dev/null | cut -d, -f1,2
echo "exit $?"

# A raw export's records that the reader rejects (a row too short for the
# comment column, a field over --max-field-bytes, a quote still open at the
# end) are counted in the report as records_rejected, at every -j, in
# every format and in the state: records + records_rejected = the summary
# line's records read. Shards merged give one pass's figures.
printf 'id,score,comment\n1,10,good delivery\n2,0\n3,9,%s\n4,3,slow\n' \
    "$(printf 'x%.0s' $(seq 1 300))" > a.csv
printf 'id,score,comment\n5,8,fine\n6,7\n7,9,"unclosed\n' > b.csv
opts="--score-col score --id-col id --taxonomy none --max-field-bytes 200"
"$VERBATIM" report a.csv b.csv $opts --report json -j 1 > j1.json; echo "exit $?"
"$VERBATIM" report a.csv b.csv $opts --report json -j 2 > j2.json 2>/dev/null; echo "exit $?"
grep -o '"records":[0-9]*,"records_rejected":[0-9]*' j1.json
cmp j1.json j2.json && echo "-j 1 and -j 2: identical"
"$VERBATIM" report a.csv b.csv $opts --report csv --section overall 2>/dev/null
"$VERBATIM" report a.csv b.csv $opts --report table --color never 2>/dev/null | head -n 1
"$VERBATIM" report a.csv b.csv $opts --report md 2>/dev/null | sed -n 3p
"$VERBATIM" report a.csv b.csv $opts -o r.html 2>/dev/null
grep -o 'of 3 comments[^<]*' r.html
for f in a b; do
    "$VERBATIM" report $f.csv $opts --emit-state -o $f.state 2>/dev/null
    "$VERBATIM" report $f.csv $opts -j 2 --emit-state -o $f.j2.state 2>/dev/null
    cmp $f.state $f.j2.state && grep '^records-rejected' $f.state
done
"$VERBATIM" merge b.state a.state --report json > m.json; echo "exit $?"
cmp j1.json m.json && echo "merged: identical to one pass"

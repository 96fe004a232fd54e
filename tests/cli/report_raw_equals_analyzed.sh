# A report from the raw export and one --from-analyzed from analyze's
# output of the same export are the same report, byte for byte, quotes
# included: a quote's sentiment is kept at the 4 decimals analyze writes
# (from the raw export it was the full double: -0.830922517133728 against
# -0.8309).
S="$CASES/../../corpus/sample.csv"
opts="--score-col score --date-col date --segment-col region"
"$VERBATIM" report "$S" --id-col response_id $opts --report json > raw.json 2>/dev/null
echo "exit $?"
"$VERBATIM" analyze "$S" --id-col response_id --keep score,date,region,comment 2>/dev/null |
    "$VERBATIM" report --from-analyzed $opts --report json > analyzed.json 2>/dev/null
echo "exit $?"
cmp raw.json analyzed.json && echo "the same report"
# Every quote's sentiment has at most 4 decimals (before, one read
# -0.830922517133728).
n=$(grep -o '"sentiment":-\{0,1\}[0-9.]*,"text"' raw.json | wc -l)
[ "$n" -gt 0 ] && echo "quotes with a sentiment"
grep -Eo '"sentiment":-?[0-9]+\.[0-9]{5,},"text"' raw.json | wc -l | tr -d ' '

# report -j N: the same report, the same messages in the same order and the
# same summary at every N; worker aggregates merge exactly.
awk -F, 'NR > 1 && NR % 97 == 0 { $3 = "n/a" } { print }' OFS=, "$CASES/../../corpus/sample.csv" > scores.csv
for j in 1 2 4; do
    "$VERBATIM" report scores.csv --score-col score --metric nps --date-col date \
        --period month --segment-col region --report json -j $j >r$j.json 2>r$j.err
    echo "-j $j exit $?"
done
cmp r1.json r2.json && cmp r1.json r4.json && echo "same report"
cmp r1.err r2.err && cmp r1.err r4.err && echo "same messages"
grep -c 'field "score"' r1.err
for j in 1 2; do
    "$VERBATIM" report scores.csv --score-col score --strict -j $j >/dev/null 2>s$j.err
    echo "--strict -j $j exit $?"
done
cmp s1.err s2.err && echo "--strict: same messages"
# A --strict stop still ends with the summary, counting up to the stop
# (workers may have gone further: no scores-rejected figure then).
cat s1.err
# --from-analyzed too.
printf '{"id":"1","fields":{"score":"9"},"sentiment":{"compound":0}}\n{"id":"2","fields":{"score":"x"},"sentiment":{"compound":0}}\n' |
    "$VERBATIM" report --from-analyzed --score-col score --strict >/dev/null
echo "--from-analyzed --strict exit $?"

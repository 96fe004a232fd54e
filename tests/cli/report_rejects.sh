# A raw export: bad scores and dates are reported as FILE:LINE naming the
# field and the value; the summary line counts them; their comments still
# count. Without a taxonomy, so the figures do not depend on theme rules.
printf 'id,date,score,comment\n1,2026-03-01,10,great\n2,2026-03-02,abc,meh\n3,31/03/2026,0,bad\n4,2026-03-04,11,what\n5,,7.5,hmm\n6,2026-03-06,,empty\n7,2026-03-07 10:00:00 +0100,6,ok\n' > in.csv
"$VERBATIM" report in.csv --taxonomy none --id-col id --score-col score --date-col date \
    --report csv --section overall
echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --date-col date --strict \
    --report csv --section overall
echo "exit $?"

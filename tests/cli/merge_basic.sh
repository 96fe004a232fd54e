# report --emit-state per shard, then merge: the state of one shard (the
# format of README.md, "Running past one machine"), and the merged report
# and state equal to one pass, byte for byte, whatever the order.
printf 'id,date,score,region,w,comment\n' > head.csv
printf 'R1,2026-01-05,9,North,1.5,"Delivery was late, but the staff were lovely"\nR2,2026-01-20,3,South,0.25,"The app keeps logging me out. Late again!"\nR3,2026-02-02,10,North,2,Great app and fast delivery\n' > a.body
printf 'R4,2026-02-14,6,"South",1,"Refund took weeks; the ""help"" line never answered"\nR5,2026-02-20,8,,0.75,Fine\nR6,2026-02-21,x,North,1,late late late\n' > b.body
cat head.csv a.body > all.csv && cat b.body >> all.csv
cat head.csv a.body > a.csv
cat head.csv b.body > b.csv
opts="--id-col id --score-col score --date-col date --segment-col region --weight-col w"
"$VERBATIM" report a.csv $opts --emit-state -o a.state 2>/dev/null; echo "exit $?"
"$VERBATIM" report b.csv $opts --emit-state 2>/dev/null > b.state; echo "exit $?"
sed 's/^taxonomy [0-9a-f]\{16\}$/taxonomy (the default taxonomy'"'"'s fingerprint)/' b.state
for fmt in json md; do
    "$VERBATIM" report all.csv $opts --report $fmt -o one.$fmt 2>/dev/null
    "$VERBATIM" merge a.state b.state --report $fmt -o ab.$fmt; echo "exit $?"
    "$VERBATIM" merge b.state - --report $fmt < a.state > ba.$fmt; echo "exit $?"
    cmp one.$fmt ab.$fmt && cmp one.$fmt ba.$fmt && echo "$fmt: identical to one pass"
done
"$VERBATIM" report all.csv $opts --emit-state 2>/dev/null > one.state
"$VERBATIM" merge b.state a.state --emit-state > ba.state
cmp one.state ba.state && echo "state: identical to one pass"
# report options may differ at merge time
"$VERBATIM" merge a.state b.state --report md --compare North..South --min-n 1 --quotes 1 |
    grep '^## What changed'

# Records rejected while reading are counted in the report and its state
# (records_rejected, "records-rejected"), so that records + records_rejected
# = the summary line's records read; merge adds them up. This case: input
# from analyze (--from-analyzed), whose reader rejects lines that are not
# analyze records; report_records_rejected_raw.sh: a raw export.
printf 'id,score,region,comment\nR1,9,North,late delivery\nR2,2,South,rude staff\nR3,7,North,fine\n' > in.csv
"$VERBATIM" analyze in.csv --taxonomy none --id-col id --keep score,region,comment 2>/dev/null > good.jsonl
{ head -n 1 good.jsonl; echo 'not json'; echo '[1,2]'; tail -n +2 good.jsonl; } > bad.jsonl
opts="--from-analyzed --score-col score --segment-col region --min-n 1"
"$VERBATIM" report bad.jsonl $opts --report json > r.json; echo "exit $?"
grep -o '"records":[0-9]*,"records_rejected":[0-9]*' r.json | head -n 1
"$VERBATIM" report bad.jsonl $opts --report csv --section overall 2>/dev/null
"$VERBATIM" report bad.jsonl $opts --report table --color never 2>/dev/null | head -n 1
"$VERBATIM" report bad.jsonl $opts --report md 2>/dev/null | sed -n 3p
"$VERBATIM" report bad.jsonl $opts -o r.html 2>/dev/null
grep -o 'of 3 comments[^<]*' r.html
# none rejected: 0 in JSON and CSV, nothing said in the others
"$VERBATIM" report good.jsonl $opts --report json 2>/dev/null | grep -o '"records_rejected":[0-9]*'
"$VERBATIM" report good.jsonl $opts --report md 2>/dev/null | sed -n 3p
# the state carries the count; merge adds it up and gives one pass's report
head -n 2 bad.jsonl > p1.jsonl; tail -n +3 bad.jsonl > p2.jsonl
"$VERBATIM" report p1.jsonl $opts --emit-state -o p1.state 2>/dev/null
"$VERBATIM" report p2.jsonl $opts --emit-state -o p2.state 2>/dev/null
grep -h '^records-rejected' p1.state p2.state
"$VERBATIM" merge p2.state p1.state --min-n 1 --report json > m.json; echo "exit $?"
"$VERBATIM" merge p1.state p2.state --emit-state | grep '^records-rejected'
cmp r.json m.json && echo "merged: identical to one pass"

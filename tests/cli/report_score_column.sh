# Without --score-col, report finds the score's column by its name (or by
# the question a survey asks), says which on stderr, and reports as if it
# had been given: the same bytes, at -j 1 and -j 2, and the same state for
# merge. Inputs after the first must have a column of that name. Where no
# name looks like a score, the error lists the columns.
{ echo 'id,date,NPS Score,region,comment'
  i=0
  while [ $i -lt 30 ]; do
      echo "$i,2026-0$((i % 3 + 1))-1$((i % 9)),$((i % 11)),North,the delivery was late"
      i=$((i + 1))
  done; } > export.csv
"$VERBATIM" report export.csv --score-col 'NPS Score' --date-col date --report json > given.json
echo "exit $?"
"$VERBATIM" report -j 1 export.csv --date-col date --report json > found1.json
echo "exit $?"
"$VERBATIM" report -j 2 export.csv --date-col date --report json > found2.json
echo "exit $?"
cmp given.json found1.json && cmp found1.json found2.json && echo "same report"
"$VERBATIM" report export.csv --emit-state -o found.state 2>/dev/null
"$VERBATIM" report export.csv --score-col 'NPS Score' --emit-state -o given.state 2>/dev/null
cmp found.state given.state && echo "same state"
# A bad score names the column found.
{ cat export.csv; echo '31,2026-03-01,ten,North,slow'; } > bad.csv
"$VERBATIM" report bad.csv --report csv --section overall
echo "exit $?"
# Two inputs: the second is read for the column the first one's name.
sed 's/NPS Score/Rating/' export.csv > other.csv
"$VERBATIM" report export.csv other.csv --report csv --section overall
echo "exit $?"
# JSON Lines: the key.
printf '%s\n' '{"text":"fast and friendly","review_score":10}' \
    '{"text":"slow refund","review_score":2}' > export.jsonl
"$VERBATIM" report export.jsonl --report csv --section overall
echo "exit $?"
# None looks like a score.
printf 'comment,region\nfine,North\n' > none.csv
"$VERBATIM" report none.csv
echo "exit $?"
# A name too long to keep for the inputs after the first: a question
# that runs on.
long=$(printf '%01100d' 0 | tr 0 x)
printf 'comment,How likely are you to recommend us %s?\nfine,9\n' "$long" > long.csv
"$VERBATIM" report long.csv 2> err.txt
echo "exit $?"
cut -c1-120 err.txt

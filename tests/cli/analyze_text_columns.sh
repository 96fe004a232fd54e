# An app store export gives each review a title and a body: --text-col
# twice reads both as one comment, the title's line first, so a theme in
# either counts and the spans point into "title\nbody". A blank part is
# left out; the output is the same at every -j.
printf '%s\n' \
    'Review ID,Rating,Title,Review' \
    'a1,2,Keeps crashing,Since the update it crashes on login' \
    'a2,5,Love it,' \
    'a3,1,,Support never answered my emails' \
    'a4,4,Great app,"Fast, simple to use"' > reviews.csv
"$VERBATIM" analyze -j 1 reviews.csv --id-col 'Review ID' --text-col Title --text-col Review \
    --sentences > j1.jsonl
echo "exit $?"
"$VERBATIM" analyze -j 2 reviews.csv --id-col 'Review ID' --text-col Title --text-col Review \
    --sentences > j2.jsonl
cmp j1.jsonl j2.jsonl && echo "same at -j 1 and -j 2"
grep -o '"id":"a1".*"themes":\[{[^]]*\]' j1.jsonl
grep -o '"sentences":\[{"start":[0-9]*,"end":[0-9]*' j1.jsonl
"$VERBATIM" report reviews.csv --score-col Rating --metric csat --text-col Title \
    --text-col Review --report json |
    grep -o '"text":"Keeps crashing[^"]*"' | head -1
echo "exit $?"
"$VERBATIM" analyze reviews.csv --text-col Title --text-col Body
echo "exit $?"
"$VERBATIM" report --from-analyzed j1.jsonl --score-col Rating --text-col Title --text-col Review
echo "exit $?"

# Scores written as words, as a help desk exports its satisfaction ratings:
# --score-label gives each word its score. A word without one is a
# rejected score that says so; a label off the scale stops the run.
printf '%s\n' \
    'Ticket ID,Satisfaction Score,Satisfaction Comment' \
    '1,Good,Quick and friendly help' \
    '2,bad,Nobody answered my emails for a week' \
    '3,Good,Sorted in one call' \
    '4,Offered,' > desk.csv
"$VERBATIM" report -j 1 desk.csv --score-col "Satisfaction Score" --metric csat \
    --score-label Good=5 --score-label Bad=1 --report json > j1.json
echo "exit $?"
"$VERBATIM" report -j 2 desk.csv --score-col "Satisfaction Score" --metric csat \
    --score-label Good=5 --score-label Bad=1 --report json > j2.json
echo "exit $?"
cmp j1.json j2.json && echo "same at -j 1 and -j 2"
sed -E 's/.*("n":[0-9]+,"score":[0-9.]+).*("rejected":[0-9]+).*/\1 \2/' j1.json
"$VERBATIM" report desk.csv --score-col "Satisfaction Score" --metric csat --score-label Good=6
echo "exit $?"

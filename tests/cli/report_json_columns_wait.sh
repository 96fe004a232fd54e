# A JSON export whose first object names neither the comment's key nor
# the score's: its records wait until an object settles both, so that
# every -j, whatever the reads' sizes, finds the score in "rating" (a
# mean of (1 + 4 + 2) / 3, the first respondent's score missing).
printf '%s\n' '{"id": 1}' '{"rating": 1, "review": "late delivery"}' \
    '{"rating": 4, "review": "lovely staff here"}' '{"rating": 2, "review": "late delivery again"}' >none.jsonl
for jobs in 1 2; do
    VERBATIM_READ_CHUNK=5 "$VERBATIM" report none.jsonl --taxonomy none --report csv --section overall -j $jobs
    echo "exit $?"
done

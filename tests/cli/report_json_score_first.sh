# A JSON export that leaves out the key of an empty comment: the first
# respondent gave a score and no comment. The score's key is found from
# that first object, so its score counts (mean (5 + 1 + 4 + 2) / 4 = 3),
# the column is named the same at every -j, and so is the report.
printf '%s\n' '{"rating": 5}' '{"rating": 1, "review": "late delivery"}' \
    '{"rating": 4, "review": "lovely staff here"}' '{"rating": 2, "review": "late delivery again"}' >late.jsonl
"$VERBATIM" report late.jsonl --taxonomy none --report csv --section overall -j 1
echo "exit $?"
"$VERBATIM" report late.jsonl --taxonomy none --report csv --section overall -j 2
echo "exit $?"
"$VERBATIM" themes discover late.jsonl --taxonomy none --min-count 2 --report table -j 2
echo "exit $?"

# Without --score-col, `themes discover` takes its scores from the column
# that report would find (said on stderr), where the input has one; an
# input with none is read without scores, as before. The first input
# settles it: the inputs after it must have that column too.
printf '%s\n' 'id,NPS Score,Comment' '1,10,the staff were lovely' '2,2,delivery was late again' \
    '3,9,lovely staff' '4,3,late delivery and no refund' >nps.csv
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table nps.csv
echo "exit $?"
# a JSON key, found by its name
printf '%s\n' '{"rating": 5, "review": "lovely staff"}' '{"rating": 1, "review": "late delivery"}' \
    '{"rating": 4, "review": "lovely staff here"}' '{"review": "late delivery again"}' >r.jsonl
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table r.jsonl
echo "exit $?"
# no score column, and no header to find one by: no scores, no message
printf '%s\n' 'id,Comment' '1,lovely staff' '2,late delivery' '3,lovely staff' '4,late delivery' >none.csv
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table none.csv
echo "exit $?"
printf '%s\n' 'lovely staff,5' 'late delivery,1' 'lovely staff,4' 'late delivery,2' >noheader.csv
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table --no-header --text-col 1 noheader.csv
echo "exit $?"
# the first input settles it
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table nps.csv none.csv
echo "exit $?"
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table none.csv nps.csv
echo "exit $?"
# --score-col still chooses
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table --score-col id nps.csv
echo "exit $?"

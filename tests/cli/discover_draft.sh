# `themes discover`: a taxonomy draft from a small export (quotes in the
# comments, a missing score), which `themes check` accepts and `analyze
# --taxonomy` uses; the same as a table; --uncovered against a taxonomy of
# one theme; any read chunking gives the same bytes.
row() { # COUNT ID SCORE COMMENT
    n=$1; i=0
    while [ "$i" -lt "$n" ]; do echo "$2$i,$3,$4"; i=$((i + 1)); done
}
{
    echo "id,score,comment"
    row 8 a 2 '"The zipper broke after a week."'
    row 6 b 1 '"Zipper broke again; the ""premium"" coat is poor quality"'
    row 7 c 5 '"Lovely colour, true to size."'
    row 5 d 4 '"Fits true to size and the delivery was quick"'
    row 5 e '' '"Delivery was late, late delivery again"'
    row 6 f 4 '"Customer service sorted it quickly"'
} >reviews.csv
echo '{"name":"mine","language":"en","themes":[{"id":"zip","label":"Zipper","match":["zipper"]}]}' >one.json

"$VERBATIM" themes discover --taxonomy none --score-col score reviews.csv -o draft.json
echo "exit $?"
cat draft.json
"$VERBATIM" themes check draft.json
echo "exit $?"
"$VERBATIM" analyze --taxonomy draft.json reviews.csv | sed -n '1p;34p'
"$VERBATIM" themes discover --taxonomy none --report table --min-count 3 reviews.csv
echo "exit $?"
"$VERBATIM" themes discover --taxonomy one.json --uncovered --report table reviews.csv
echo "exit $?"
VERBATIM_READ_CHUNK=random:7 "$VERBATIM" themes discover --taxonomy none --score-col score \
    reviews.csv 2>/dev/null | cmp - draft.json && echo "same bytes in random chunks"
# Too little text for any theme: no draft (it would not be a taxonomy),
# exit 1 and why; the table still prints its header.
printf 'comment\nhello there\nnice\n' >tiny.csv
"$VERBATIM" themes discover --taxonomy none tiny.csv -o tiny.json 2>err.txt; echo "exit $?"
tail -n 1 err.txt
test -e tiny.json || echo "no tiny.json"
"$VERBATIM" themes discover --taxonomy none tiny.csv --report table 2>/dev/null | wc -l

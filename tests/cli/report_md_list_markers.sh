# Markdown: comment text that starts a line (a quote, an area for focus)
# and would open a block is escaped. A leading -, + or = was; an ordered
# list marker ("1. ", "12) ": digits, "." or ")", then a blank or the end)
# gets its "." or ")" escaped too, after up to three blanks. "1.5" and a
# marker later in the text are left alone. One record a run: the quote.
for c in '1. the delivery was late 2. nobody answered' '12) late delivery again' \
    '  3. late delivery, twice' '2024) was the year of late delivery' \
    ' - late delivery as usual' '1.5 stars for the late delivery' \
    'late delivery: 1. slow 2. rude'; do
    printf 'id,score,comment\n1,1,"%s"\n' "$c" > in.csv
    "$VERBATIM" report in.csv --score-col score --id-col id --report md 2>/dev/null |
        grep -m 1 '^> '
    echo "exit $?"
done
# A theme label so written, first in an area for focus's list item.
printf '{"language":"en","themes":[{"id":"late","label":"2) Late","match":["late"]}]}' > tax.json
{
    echo 'score,comment'
    i=0
    while [ $i -lt 40 ]; do
        echo '0,late again'
        echo '10,great'
        i=$((i + 1))
    done
} > focus.csv
"$VERBATIM" report focus.csv --score-col score --taxonomy tax.json --report md 2>/dev/null |
    grep '^1\. '
echo "exit $?"

# The table writes an impact's interval, and a change's, as it writes the
# impact or the change itself: signed, at the metric's decimals. NPS did
# (+1.8 to +3.3); CES and mean printed "+1.1  0.81 to 1.32", and CSAT
# "+23.5  17.6 to 29.4". A score's own interval (overall, by period) is a
# level, written as the score is: CES 3.40, 95% CI 3.11 to 3.68.
awk 'BEGIN {
    print "effort,date,comment"
    for (i = 0; i < 200; i++) {
        d = i < 100 ? "2026-05-10" : "2026-06-10"
        if (i % 10 < 3 + (i >= 100))
            printf "%d,%s,the checkout was confusing\n", 5 + i % 3, d
        else
            printf "%d,%s,fine\n", 1 + i % 3, d
    }
}' > in.csv
printf '{"language":"en","themes":[{"id":"checkout","label":"Checkout","match":["checkout"]}]}' \
    > tax.json
opts="--score-col effort --taxonomy tax.json --date-col date --period month --color never"
"$VERBATIM" report in.csv $opts --metric ces --lower-is-better --report table 2>/dev/null
echo "exit $?"
for m in mean 'csat --scale 1-7'; do
    "$VERBATIM" report in.csv $opts --metric $m --report table 2>/dev/null |
        sed -n '1p; /^  Checkout /p; /^WHAT CHANGED/,/95% CI/p'
    echo "exit $?"
done

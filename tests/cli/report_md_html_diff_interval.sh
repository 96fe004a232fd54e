# Markdown and HTML write an impact and a change as the table does: the
# value at the metric's decimals, its interval signed ("+1.13 to +1.68";
# Markdown printed "+1.4" beside "1.13 to 1.68"). The chart tooltips name
# each figure once: the impact chart said "CES +1.40 among them" (the
# impact again, not the score of 6.00), and the heatmap gave the number
# of scores and the segment's score for the mentions and their score.
awk 'BEGIN {
    print "effort,date,region,comment"
    for (i = 0; i < 200; i++) {
        d = i < 100 ? "2026-05-10" : "2026-06-10"
        r = i % 2 ? "North" : "South"
        if (i % 10 < 3 + (i >= 100))
            printf "%s,%s,%s,the checkout was confusing\n", i % 20 == 1 ? "" : 5 + i % 3, d, r
        else
            printf "%d,%s,%s,fine\n", 1 + i % 3, d, r
    }
}' > in.csv
printf '{"language":"en","themes":[{"id":"checkout","label":"Checkout","match":["checkout"]}]}' \
    > tax.json
opts="--score-col effort --taxonomy tax.json --date-col date --period month --metric ces"
"$VERBATIM" report in.csv $opts --lower-is-better --report md 2>/dev/null |
    grep -e '^| \*\*Checkout' -e '95% CI .* significant)'
echo "exit $?"
"$VERBATIM" report in.csv $opts --segment-col region --lower-is-better --report html 2>/dev/null |
    grep -o -e 'Checkout: impact[^<]*' -e 'Checkout in North[^<]*' -e '95% CI [^<]*significant'
echo "exit $?"

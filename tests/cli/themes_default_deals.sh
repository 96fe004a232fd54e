# A good deal is value for money and good deals are offers; "a great
# deal of" is an amount, and "in an effort to" is a purpose, not the
# customer's effort. What fits a budget is value, not a fit, and a
# credit card charged is no refund. A price that is not too high is
# value, not "too expensive", but one wished lower is a complaint; no
# hidden charges are no overcharge. A quote is a price, not a quotation
# or a saying. A renewal quote, a renewal that went up and what new
# customers pay are prices; a membership renewed is loyalty, no price.
# One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'It seemed like a good deal at the time.' \
    'Good deals on at the moment.' \
    'I got a great deal on my upgrade in the sale.' \
    'They spent a great deal of time on it.' \
    'In an effort to fix it they sent a new one.' \
    'It took a lot of effort to get a refund.' \
    'It fit my budget.' \
    'They charged my credit card twice.' \
    'They credited my card after a week.' \
    'The rooms were not too expensive.' \
    'Not cheap, but not that expensive either.' \
    'I just wish it was not so pricey.' \
    'It is expensive, not worth it.' \
    'Fair prices and no hidden costs.' \
    'There were hidden charges on my bill.' \
    'The quote was fair and the work was done on time.' \
    'They quoted me 200 pounds and then charged 300.' \
    'To quote the manager, we do not do refunds.' \
    'The quotes on the wall were cute.' \
    'Renewal quote was double what new customers pay.' \
    'The renewal went up by 30 percent with no warning.' \
    'I renewed my membership for another year.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

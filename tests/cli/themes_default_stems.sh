# Words that share a stem with a term of the default taxonomy but not its
# sense, next to the term itself: to wonder is not wonderful, a reason is
# not reasonable, customer support is not supportive, a wrap dress is not
# wrapped, a difference is not a different item, and a bill that is
# correct is not a mistake corrected. Each such term is exact
# (=wonderful, =reasonable, =supportive, =wrapped, =different,
# =corrected). One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'I wonder whether the staff are trained at all.' \
    'The staff were wonderful.' \
    'There is a reason the price is so low.' \
    'The price was reasonable.' \
    'Customer support never called back.' \
    'The staff were so supportive.' \
    'The wrap dress arrived a day late.' \
    'It arrived wrapped in tissue.' \
    'What a difference: everything I ordered was there.' \
    'I got a different item from the one I ordered.' \
    'I made a complaint, but the bill was correct.' \
    'The mistake was corrected the same day.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

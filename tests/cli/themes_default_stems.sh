# Words that share a stem with a term of the default taxonomy but not its
# sense, next to the term itself: to wonder is not wonderful, a reason is
# not reasonable, customer support is not supportive, a wrap dress is not
# wrapped, a difference is not a different item, and a bill that is
# correct is not a mistake corrected; "this time" is no opening time,
# information is not being informed, an expense is not expensive, and
# "largely" is no size. A cost is not costly, affording is not
# affordable, and hygiene is not hygienic. Each such term is exact
# (=wonderful, =reasonable, =supportive, =wrapped, =different,
# =corrected, =times, =informed, =expensive, =large, =costly,
# =affordable, =affordability, =hygienic). One line per record: its
# theme ids.
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
    'The mistake was corrected the same day.' \
    'This time the car park was full.' \
    'The opening times are good.' \
    'The staff gave us the information at once.' \
    'The staff were well informed.' \
    'It was worth the expense of a tailor.' \
    'It was too expensive.' \
    'The dress is largely fine.' \
    'The dress runs large.' \
    'The cost was fair.' \
    'Repairs are costly.' \
    'I can no longer afford it.' \
    'Very affordable.' \
    'Poor hygiene in the kitchen.' \
    'The kitchen was hygienic.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

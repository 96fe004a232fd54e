# The children of delivery take their words only where they are about
# the delivery. A parcel that arrived "this week" or was ordered "last
# week" is not late, while six weeks waited for it is. Cheap fabric or a
# high price in a sentence that says the parcel arrived is no shipping
# cost, while paying for shipping or cheap delivery is. Opening the
# package is no damage, a parcel that had been opened is. What a device
# "ships with" is in its box, not a delivery, and a camera that
# "delivers great results" delivers nothing; a parcel shipped with a tear
# is a delivery. Deliveries poor "lately" are not late ones. A damaged
# item received is damaged in transit, and a replacement damaged too is
# no resolution. An order cancelled is a change to the order, not a
# customer leaving, and a promo code is no login. A parcel left in the
# rain is one at risk of damage, one left at the wrong door is lost.
# One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'My skirt arrived this week and it is beautiful.' \
    'I ordered this shirt last week and it arrived today.' \
    'I waited six weeks for this dress to arrive.' \
    'It arrived and the fabric felt super cheap.' \
    'Just received it in the mail and purchased at the sale price.' \
    'I paid for expedited shipping.' \
    'The delivery was cheap.' \
    'It came in the mail and when I opened the package I knew it was not for me.' \
    'The parcel had been opened and the lid was torn.' \
    'It ships with a carrying case and a charger.' \
    'The camera delivers great results in low light.' \
    'It shipped with a huge tear in the box.' \
    'Deliveries have been poor lately.' \
    'Received a damaged item and the replacement was also damaged.' \
    'I was never told my order had been cancelled.' \
    'The promo code would not apply at checkout.' \
    'The courier left it in the rain on the doorstep.' \
    'The rider left the bag at the wrong door.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

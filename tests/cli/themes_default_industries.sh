# Comments as airlines, hotels, gyms, banks, landlords and shops hear
# them. Announcements at a gate are updates, plain English is clarity, a
# release that breaks things is the software's. A hotel's or a till's
# checkout is no website's, an online one is. A cancellation rebooked is
# no customer leaving, a membership cancelled is. Changing rooms "are"
# dirty as they "were". A parcel marked delivered when nothing arrived is
# missing, as are goods missing from the shelves. Money still taken after
# a contract ended is an overcharge; a charge extra, or paying extra for
# a seat, is a fee, but paying extra to have a hem taken up is not. A
# conductor is staff. A deposit returned is a refund, not a product
# return. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Boarding was chaotic. No announcements.' \
    'Agent walked me through the policy in plain English.' \
    'Every release breaks our integrations.' \
    'Hidden resort fee at checkout.' \
    'Checkout was quick and the cashier was chatty.' \
    'Discount code failed at checkout.' \
    'Easy to rebook through the app after the cancellation.' \
    'I want to cancel my membership.' \
    'Changing rooms are disgusting.' \
    'Tracking said delivered but nothing arrived.' \
    'Always something missing from the shelves.' \
    'Contract ended and they kept taking money.' \
    'They charged extra for the sauce.' \
    'Had to pay extra to sit with my son.' \
    'I would have to pay extra to get it hemmed.' \
    'Conductor was helpful when I missed my connection.' \
    'Deposit was returned in full within days.' \
    'I returned the jacket for a refund.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

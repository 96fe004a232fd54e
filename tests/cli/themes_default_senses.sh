# Words read by their neighbours in the default taxonomy: a big tear is
# damage, not a size; fruit that lasts longer has no length; gluten-free
# options are a range, not sizes; a bag missing on a flight is luggage,
# not a disrupted flight; updating an address is no app update; an
# insurance claim is no repair; "would use again" is loyalty, not a
# repeat; goods bought elsewhere and other providers looked at are a
# switch; "never flying with them again" is a customer lost; a company
# that made it near impossible is effort, a coat that a sleeve makes
# impossible to wear is not; a parcel that came with a rip is damaged,
# "rip off prices" are not; a problem "sorted" is resolved. One line per
# record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Sofa arrived with a big tear in the fabric.' \
    'The veg lasts longer than the supermarket stuff.' \
    'Good selection of gluten free options.' \
    'Bag went missing on a direct flight.' \
    'The website is confusing, could not find where to update my address.' \
    'Insurance claim has been open for 3 months, still no decision.' \
    'Easy to book, would use again.' \
    'Checkout kept crashing so I bought it elsewhere.' \
    'Price went up again, looking at other providers now.' \
    'Flight delayed 4 hours. Never flying with them again.' \
    'Tried to cancel my subscription and they made it near impossible.' \
    'The wide sleeves make it impossible to wear a coat over it.' \
    'The dress came with a rip in the sleeve.' \
    'Parcel arrived late, rip off prices too.' \
    'Support replied within an hour and sorted it straight away.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

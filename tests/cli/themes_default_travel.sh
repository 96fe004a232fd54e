# Journeys in the default taxonomy's travel theme: a flight or train
# cancelled, delayed, diverted or missed, luggage lost or left behind and
# the baggage allowance, seats not together, cramped or without legroom.
# It groups its children and has no words of its own, so a journey only
# mentioned ("I wore this dress on the flight home") is no travel. Lost
# luggage is no lost parcel, bags at an airport no product, a plane's
# seats no store facility, and flight attendants are staff. A clean
# train is cleanliness as well as on time. Food vouchers for a delay
# are compensation, neither food nor a discount; a voucher code at the
# checkout is a discount. Each travel
# sentence is followed by one where the words mean what another theme
# says. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Our flight was cancelled with no explanation.' \
    'I wore this dress on the flight home.' \
    'They lost my luggage and it took four days to arrive.' \
    'The parcel took four days to arrive.' \
    'The baggage allowance is tiny.' \
    'We were not seated together despite paying for seats.' \
    'We missed our connecting flight because of the delay.' \
    'The flight was diverted to another airport.' \
    'The seats on the plane were cramped with no legroom.' \
    'The seats in the bar were cramped.' \
    'Our bags were left behind at the airport.' \
    'The bags I ordered never arrived.' \
    'The flight attendants were rude.' \
    'The train was on time and clean.' \
    'The staff need more training.' \
    'Flight delayed 6 hours and there were no food vouchers.' \
    'The voucher code did not work at the checkout.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

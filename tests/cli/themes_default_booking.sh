# Appointments, bookings, reservations and check-in are the booking theme:
# getting one at all, booking it, cancelling or losing it, and visits that
# were late, missed or on time. A reservation about a top, an engineer who
# arrives (no delivery) and appointments synced to a calendar are not
# bookings. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The engineer did not turn up for the installation appointment.' \
    'The technician arrived on time and fixed it quickly.' \
    'I could not get an appointment for three weeks.' \
    'Booking an appointment online was easy.' \
    'They cancelled my appointment at the last minute.' \
    'They had lost our reservation and had no table for us.' \
    'Check-in took almost an hour.' \
    'The restaurant was booked solid on a Tuesday.' \
    'My only reservation is that it runs small.' \
    'I had reservations about this top but it fits well.' \
    'The calendar will not sync appointments with my laptop.' \
    'I checked in the store but they had none in my size.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# A customer turned away, money taken by a stranger, a cancellation made
# hard, a delivery a day other than promised, a patient seen in minutes,
# in the default taxonomy: a shrug or "not my department" is unhelpful
# staff, while "not a problem" is none; someone taking money from the
# account is fraud; cancelling "deliberately difficult" is effort;
# "promised for Monday ... turned up on Thursday" is late, while one that
# arrived "as promised" is not;
# "within ten minutes of arriving" is the customer arriving, no
# delivery, and a wait; a jacket that arrived creased "on arrival" is
# still a delivery. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The lady at the counter just shrugged and said it wasn'"'"'t her department.' \
    'The staff said it was not a problem at all.' \
    'Someone took money from my account and the bank did nothing.' \
    'Cancelling was made deliberately difficult.' \
    'Parcel was promised for Monday, it turned up on Thursday.' \
    'Parcel arrived on Monday as promised.' \
    'Seen within ten minutes of arriving, very efficient.' \
    'The jacket was creased on arrival.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

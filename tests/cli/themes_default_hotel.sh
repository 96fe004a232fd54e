# A hotel guest's room: noise through the walls or from the street is
# the atmosphere, the shower and the gym are facilities, the front desk
# is staff, and housekeeping that never came is no missing parcel. A
# baby shower and paper-thin fabric are none of these. One line per
# record: its themes and spans.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'The walls are paper thin, we could hear everything next door.' \
    'Noise from the street kept us awake all night.' \
    'Shower pressure was weak and the water was lukewarm.' \
    'The gym was tiny and the equipment was old.' \
    'The front desk upgraded us to a suite.' \
    'Housekeeping never came to clean our room.' \
    'Wore it to a baby shower, the fabric is paper thin.' \
    'My parcel never came.' > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_spans.sed"
echo "exit $?"

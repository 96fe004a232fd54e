# "Friendly" stems to "friend", so the default taxonomy names its exact
# form: friendly staff are friendly staff, a friend is not. A user
# friendly app, an eco-friendly bag and a family-friendly place are not
# praise of staff, and only the words they cover are left out: friendly
# staff in the same sentence still count. Staff that were "not
# friendly" are rude. A help desk's whole comment, "Friendly and helpful",
# praises the agent without naming one; a user friendly and helpful app
# does not. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The staff were very friendly.' \
    'The cashier was friendly and quick.' \
    'My friend loved the staff.' \
    'The app is user friendly but the staff were rude.' \
    'A family-friendly place with friendly staff.' \
    'The staff were not friendly.' \
    'Friendly and helpful.' \
    'Polite and helpful, sorted in one call.' \
    'The app is user friendly and helpful.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Effort is how easy or hard it was to get something done. "So simple"
# and "so easy" on their own describe a garment or a device ("so simple
# yet beautiful", "so easy to throw on"), so ease counts as effort only
# next to a process the customer went through: ordering, returning,
# booking, setting up, claiming. "Hassle free" is easy, never hard.
# Contacting a company again and again is effort, with or without a
# word of effort ("called 5 times", "had to chase them four times"), also
# with a few words between the verb and the count ("called their support
# number numerous times", "chased the refund three separate times"). One
# line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'This dress is so simple yet beautiful.' \
    'Very simple design, love it.' \
    'So easy to throw on with jeans.' \
    'Easy online ordering!' \
    'The returns process was so easy.' \
    'It was not easy to order anything in petite sizes.' \
    'The order was spot on and hassle free.' \
    'What a hassle to return it.' \
    'I had to chase them four times for an update.' \
    'I called 5 times and emailed twice.' \
    'I called their support number numerous times.' \
    'I had to chase the refund three separate times.' \
    'I have emailed them on three occasions.' \
    'I have rung the helpline countless times.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

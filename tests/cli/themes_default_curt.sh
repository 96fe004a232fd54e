# Curt staff, a stranger's order, groceries short, a refund sorted, the
# nth report, an empty shelf, a card someone else used, in the default
# taxonomy: "short with me" is rude staff, not a length; "half my
# shopping" missing is an order short, and "shopping was" is no shop;
# "sorted my refund" is resolved; the third report of a fault is a
# repeat; "never anything on the shelves" is stock, not layout; a
# payment page that crashed twice is no double charge; a fix that
# "would've" or "might have" happened is not resolved; having to call
# every month is a repeat; a premium package or a package deal is no
# packaging. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The lady at the till was really short with me.' \
    'They delivered someone else'"'"'s order.' \
    'Half my shopping was missing.' \
    'Chloe sorted my refund in five minutes.' \
    'Third time I have reported this fault.' \
    'Never anything on the shelves after 6pm.' \
    'Payment page crashed twice and I lost my basket.' \
    'Someone used my card and the bank did nothing.' \
    'I doubt that would'"'"'ve fixed the problem.' \
    'A refund might have solved the problem.' \
    'A call back might have sorted the issue.' \
    'Every single month I have to call them about my bill.' \
    'I always have to chase them for updates.' \
    'Was charged for a premium package I never signed up for.' \
    'The package was crushed when it was delivered.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Store credit instead of a refund, a size never in stock, the wrong size
# sent, a suitcase sent astray, a shopper followed like a thief, a fix
# still owed, a text on the way, a call answered at once, custom kept,
# in the default taxonomy: "only store credit" is the returns policy;
# "nothing in my size" is sizes out of stock; "instead of the large I
# ordered" is a wrong order, while "instead of my usual small, I ordered
# an extra small" is the customer's choice; a suitcase that "ended up in
# Madrid" is luggage; being followed round the shop is rude staff; "still
# hasn't been sorted" is unresolved, not resolved; "got a text when the
# driver was ten minutes away" is an update; "answered on the second
# ring" is fast; "keep shopping here" is loyalty, "not sure I will
# continue to shop there" is not. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'They would only give me store credit, not a refund.' \
    'Nothing in my size again.' \
    'Got a medium instead of the large I ordered.' \
    'Instead of my usual small, I ordered an extra small.' \
    'My suitcase ended up in Madrid and I was in Rome.' \
    'Security guard followed me round the shop like I was a thief.' \
    'Six weeks on and the damp still hasn'"'"'t been sorted.' \
    'Got a text when the driver was ten minutes away.' \
    'Answered on the second ring.' \
    'Will definitely keep shopping here.' \
    'Not sure I will continue to shop there.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Leaving or staying. A customer who will never shop or use them again
# is not also a loyal one, though "shop here again" and "use them again"
# are loyalty on their own; "never going back" and "won't be going back"
# are a customer who will not come again, not a return of goods, while
# "I will be returning this dress" is a return. A premium that went up at
# renewal is a price, not a customer staying; renewing again is. One
# line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Never shopping here again.' \
    'Will never use them again.' \
    'I will shop here again.' \
    'We won'"'"'t be going back.' \
    'Would never go back.' \
    'I will be returning this dress.' \
    'Premium went up by 40 percent at renewal.' \
    'I renewed again this year, great service.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

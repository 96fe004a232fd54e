# The excludes of price, delivery, staff, churn, billing, availability and
# communication each disarm a word of the theme's own ("deal with", "upon
# arrival", "customer service number", "cancelled my order", "free of
# charge", "price range", "contact lens"), so they cancel only the mention
# they overlap and leave the theme's other mentions in the sentence. One
# line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'I can deal with it for the half off sale price.' \
    'Worth the wait, and the price was fair.' \
    'Both parcels arrived in a timely manner but one was snagged upon arrival.' \
    'The customer service number was always busy, but the staff in the shop were lovely.' \
    'They cancelled my order and I am seriously considering leaving.' \
    'We had to deal with a rude cashier.' \
    'They replaced it free of charge but still billed me twice.' \
    'The manager in charge refunded the overcharge straight away.' \
    'The price range is fine but they were always out of stock.' \
    'They are available to help but the item was out of stock for weeks.' \
    'The contact lens case was out of stock and nobody replied to my email.' \
    'I got compliments on the dress but nobody answered my emails.' \
    'The charging system also lets you use the camera while plugged in.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

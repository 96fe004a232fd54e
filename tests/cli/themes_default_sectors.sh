# What banking, utility, app, hotel and pharmacy customers write about,
# each under the theme it belongs to: a blocked card or a frozen account
# is a payment, a meter reading billing, an update that broke or removed
# something the app, a room never cleaned dirt (not a clean room), a
# breakfast food, a patchy and slow wifi its speed, a prescription got
# wrong the order. Wearing a dress to breakfast, an account locked for a
# password, a power cut slow to fix and a room cleaned well stay what
# they were. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'My card was blocked without any warning.' \
    'The bank froze my account for a week.' \
    'My meter reading was wrong again.' \
    'The latest app update broke everything.' \
    'The new update removed the feature I used most.' \
    'Housekeeping never cleaned our room.' \
    'Breakfast was excellent.' \
    'The hotel wifi was patchy and slow.' \
    'The pharmacy got my prescription wrong.' \
    'Perfect to wear out to breakfast with friends.' \
    'My account was blocked after I forgot my password.' \
    'The power cut was slow to be fixed.' \
    'Our room had been cleaned beautifully.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

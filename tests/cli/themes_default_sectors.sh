# What banking, utility, app, hotel and pharmacy customers write about,
# each under the theme it belongs to: a blocked card or a frozen account
# is a payment, a meter reading billing, an update that broke or removed
# something the app, a room never cleaned dirt (not a clean room), a
# breakfast food, a patchy and slow wifi its speed, a prescription got
# wrong the order. A late train is a wait and a disruption, a bus that
# never turned up a disruption (no parcel), legroom a seat (travel), a
# premium gone up at renewal a price (no loyalty), a mis-sold package
# unclear information, a doctor running late a late appointment, three
# calls to sort one thing a repeat, roaming charges a fee. Wearing a dress
# to breakfast, an account locked for a password, a power cut slow to
# fix, a room cleaned well and a data allowance that runs out (no stock)
# stay what they were. One line per record: its theme ids.
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
    'Our room had been cleaned beautifully.' \
    'The train was late again.' \
    'Legroom was terrible.' \
    'My premium went up by 40% at renewal.' \
    'I was mis-sold the package.' \
    'The doctor was running late.' \
    'Took three calls to get it sorted.' \
    'Roaming charges were outrageous.' \
    'The bus never turned up.' \
    'The data allowance runs out too fast.' \
    'The shop ran out of my size.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

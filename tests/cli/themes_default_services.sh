# Comments as broadband, insurance, rail, garage, gym and software
# customers write them. Speeds short of what was advertised are the
# network's, not a wait; switching from an old provider is no customer
# leaving, nor is a class cancelled. A renewal letter is communication,
# not loyalty as renewing is; being told different things is unclear
# information. Rail "delay repay" is compensation; a ticket machine is a
# facility; a gate changed is disruption, a bar that kept guests up the
# atmosphere. A car returned from its service is no product return, what
# "could wait" no wait, and a small team no size. Trades and hygienists
# are staff (decorative buttons are not), a deposit held back a refund,
# work ahead of schedule fast, tickets sold out in minutes no wait; an
# exchange rate is no exchange, a keyboard's letter no letter sent.
# "Cheap and cheerful" and "you get what you pay for" are value, "won't
# be the last" loyalty. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Speeds are nowhere near what was advertised.' \
    'Switched from my old provider and the install was seamless.' \
    'Classes get cancelled last minute.' \
    'Renewal letter was confusing.' \
    'I will renew next year.' \
    'I was told three different things by three different people.' \
    'Delay repay claim was rejected.' \
    'Ticket machine only takes cards.' \
    'Boarding was chaotic and the gate changed twice.' \
    'Noise from the bar kept us up until 2am.' \
    'Car was returned from its service with a scratch.' \
    'The advisor explained what could wait.' \
    'Great product, but expensive for small teams.' \
    'Hygienist was rough.' \
    'The decorator left a mess.' \
    'Decorative buttons.' \
    'Deposit still not returned.' \
    'Work was finished ahead of schedule.' \
    'Tickets sold out in minutes.' \
    'Exchange rate was worse than advertised.' \
    'The letter A stopped working.' \
    'Cheap and cheerful.' \
    'You get what you pay for.' \
    'First time ordering, will not be the last.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

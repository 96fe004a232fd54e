# Telecoms, internet and utility comments: mobile signal and coverage,
# internet speed, dropouts and supply cuts are the network theme. A
# device's video or busy signal, a top that provides coverage, a router or
# hub that feels solid and a dress bought on the internet are not; an
# internet speed is no wait and no website, and one short of "what I am
# paying for" is value for money too. A connection that drops is
# the network's, unless it is a Bluetooth or a cable one. One line per
# record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The signal is terrible, it drops out constantly.' \
    'Their network coverage is very sporadic.' \
    'No 4G indoors and calls drop all the time.' \
    'The internet speed is nowhere near what I am paying for.' \
    'Fast broadband and a fair price.' \
    'The broadband keeps dropping out every evening.' \
    'The connection drops every evening.' \
    'The bluetooth connection drops when I walk away.' \
    'Power cut for two days and no word from the supplier.' \
    'There was a power supply interruption overnight.' \
    'The wifi has been rock solid since I joined.' \
    'The player lost its video signal after a month.' \
    'I called the support number all week and got a busy signal.' \
    'The top provides great coverage.' \
    'The broadband hub feels solid and well built.' \
    'I bought the dress on the internet and it came fast.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

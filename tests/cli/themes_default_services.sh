# Connections, rewards, trades and journeys as customers of hotels,
# telecoms, retailers, insurers and transport write about them. Wifi and
# mobile data are the network on their own (its speed when slow). A
# loyalty card, cashback and points that expire are rewards (a discount).
# A mechanic, a plumber or a claim handler is staff, and an insurance
# claim is a claim (resolution.repair). A bus that never
# came is a disruption, a packed train crowding (seats), music too loud
# the atmosphere, a locked account login. Getting through security is
# no phone line (communication), money transferred no call transferred
# (effort), a refund that came quickly no parcel (delivery), and a
# crowded train no crowded store. An installer who left a mess is
# dirt left behind; a page timing out is a bug, shorts worn a few times
# out running are not. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The wifi in the hotel was terrible.' \
    'Mobile data is really slow in the evenings.' \
    'Love the cashback and the loyalty card.' \
    'My points expired without any warning.' \
    'The mechanic found problems that did not exist.' \
    'The claim handler never called me back.' \
    'The plumber was late.' \
    'The bus never came.' \
    'The train was packed and I had to stand.' \
    'Music was too loud to talk.' \
    'My account was locked for no reason.' \
    'It took ages to get through security.' \
    'I could not get through to anyone on the phone.' \
    'The bank transferred the funds to the wrong account.' \
    'I was transferred three times.' \
    'The refund came quickly.' \
    'The parcel came quickly.' \
    'The store was crowded.' \
    'The installer left a mess and did not clean up after himself.' \
    'The booking page kept timing out.' \
    'I have worn them a few times out running.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

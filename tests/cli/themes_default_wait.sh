# A wait's idiom excludes ("for a long time", "long time customer",
# "can't wait") cancel only the mention they overlap, so a real wait in
# the same sentence stays; the contexts (a download's minutes, a
# second's wait for a player, stock "sold out swiftly") still cancel
# theirs. A shopper deciding to wait, waiting for a restock, a sale or
# warmer weather, acting "promptly" herself or putting an item "on hold"
# in a store is no wait for service; "didn't have to wait", queues and a
# phone on hold still are. Waiting for an order to arrive is delivery,
# not a wait for service, and "waiting for" alone is no slow service;
# waiting an hour for the food is. A driver who "didn't wait for me" is
# no wait of the customer's; "we did not wait long" is. Something that
# took weeks or months is a slow wait, whatever it was. A waiting room
# is a room, not a wait, and a fitting room is no fit. A queue, a
# process or a shopper's deciding that went on "too long" is time, not
# a garment's length; sleeves too long are the fit, a huge queue is not.
# What takes weeks or all day, and waiting weeks, are slow. One line per
# record: its theme ids.
{ echo text; printf '"%s"\n' \
    'I waited on hold for a long time.' \
    'Long time customer and I was on hold for 40 minutes.' \
    'We waited for a long time to be seated.' \
    'I have been a customer for a long time and the queue today was awful.' \
    "Can't wait to get my refund, I have been waiting three weeks." \
    "I can't wait to wear it to the party." \
    'It took about 30 minutes to download 900 songs.' \
    'You wait a half second for the player to register it.' \
    'The jacket sold out swiftly, so I missed my size.' \
    'These shorts are in line with my style.' \
    'I decided to wait until it goes on sale.' \
    'I waited for it to come back in stock and it sold out again.' \
    "Don't wait, this dress will not last!" \
    'I promptly returned it.' \
    'I put it on hold and came back later that day to buy it.' \
    'Just do not plan on holding a baby in this top.' \
    'I am waiting for warmer days to wear it.' \
    'My refund took three weeks to come through.' \
    'Opening an account took nearly a month.' \
    "The medium arrived quickly and I didn't have to wait long at all." \
    'They put me on hold twice and nobody answered.' \
    'We stood in line for 20 minutes and there was a long line at the till.' \
    'A great long line bra with wide straps.' \
    'I am waiting for the petite to arrive.' \
    'The driver did not wait for me to get to the door.' \
    'We waited an hour for our food to arrive.' \
    'We did not wait long for a table.' \
    'The waiting room was filthy.' \
    'The fitting room queue was ridiculous.' \
    'The queue was far too long.' \
    'I sat on the fence too long and it sold out.' \
    'The sleeves are too long.' \
    'Landlord takes weeks to fix anything.' \
    'Kind nurses but the discharge took all day.' \
    'Waited 6 weeks for a replacement card.' \
    'The car hire desk had a huge queue.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

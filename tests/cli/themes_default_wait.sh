# A wait's idiom excludes ("for a long time", "long time customer",
# "can't wait") cancel only the mention they overlap, so a real wait in
# the same sentence stays; the contexts (a download's minutes, a
# second's wait for a player, stock "sold out swiftly") still cancel
# theirs. One line per record: its theme ids.
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
    'These shorts are in line with my style.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed 's/.*"themes"://' |
    sed -E 's/\{"id":"([^"]*)"[^}]*\}/\1/g'
echo "exit $?"

# "Return" and "stay" are a visit when a guest says them ("we will return
# next year", "would never stay here again") and a return when an item
# goes back ("I will return it", "can't wait to return this"): the
# default taxonomy tells them apart by what follows the verb. One line
# per record: its themes and spans.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'We will return next year.' \
    'I would never return to this hotel.' \
    'Would return in a heartbeat.' \
    "We'd stay there again without hesitation." \
    'Will never stay here again.' \
    'I will return it tomorrow.' \
    "Can't wait to return this, the zip broke." \
    'I plan to return it since the colour is not flattering.' > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_spans.sed"
echo "exit $?"

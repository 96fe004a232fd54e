# "Going back" is a return when a thing goes back, and a visit (or its
# refusal) when a person does: the default taxonomy tells them apart by
# the subject, and a person's "go back and forth" is neither. A return
# named in the same sentence still counts. One line per record: its
# themes and spans.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'Sadly, this one is going back.' \
    'It had to go back.' \
    'We will definitely go back.' \
    "I'd go back again." \
    "I wouldn't go back." \
    'I go back and forth between sizes.' \
    "I'm going back to the store to return it." > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_spans.sed"
echo "exit $?"

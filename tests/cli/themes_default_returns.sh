# The default taxonomy's returns excludes ("returned an error", "we will
# return") cancel only the mention they overlap: a real return in the same
# sentence still counts (its span is the second "returned"), and an idiom
# alone is still no return. One line per record: its themes and spans.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'The app returned an error, so I returned the phone.' \
    'We will return, and I returned the shirt.' \
    'We will definitely return.' \
    'The app returned an error.' > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_spans.sed"
echo "exit $?"

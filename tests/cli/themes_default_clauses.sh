# A child's judging word belongs to its own clause. In "the food was
# great but the service was slow", "great" is the food's: staff matches
# on "service" alone, with the sentiment of its own clause, and not
# staff.friendly. So with a quality and a courier, a quick delivery and a
# long wait, a slow service and a great follow-up. A pronoun ties the
# clauses again: the sizes that "they" say were sold out stay sizes, and
# the top that "it" arrived wrinkled stays its material. One line per
# record: its theme ids; then the first record's themes with their
# sentiment.
{ echo text; printf '"%s"\n' \
    'The food was great but the service was slow' \
    'Excellent quality but useless courier.' \
    'Quick delivery - long wait!!' \
    'Slow service, great follow up' \
    'The staff were lovely and the service was great.' \
    'I usually wear petite sizes but they were sold out.' \
    'I loved this top online but it arrived very wrinkled.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
"$VERBATIM" analyze in.csv --format csv | head -n 1 |
    sed -E 's/.*"themes"://; s/\{"id":"([^"]*)","label":"[^"]*","sentiment":([^,]*),[^}]*\}/\1 \2/g'
echo "exit $?"

# Survey answers that name no subject: the word alone says which theme
# ("Slow.", "Quick and friendly!", "Not easy at all"), in every sentence
# until the comment names something. Where the comment names what the
# word judges ("slow delivery", a dress that is "simple, classy"), the
# word is that subject's, not a theme of its own. One line per record:
# its theme ids.
{ echo text; printf '"%s"\n' \
    'Slow.' \
    'Quick and friendly!' \
    'Really easy, thanks' \
    'Not easy at all.' \
    'Late again!!' \
    'Clean. Knowledgeable. Reasonable.' \
    'Not quick enough' \
    'Slow delivery' \
    'The website is slow' \
    'Quick refund.' \
    'This is my favourite dress. Simple, classy!' \
    'Great'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

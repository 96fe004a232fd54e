# No sentiment lexicon or taxonomy ships for German: a run with --lang de
# says so on stderr instead of writing neutral scores and no themes
# without a word. A user lexicon, or a taxonomy given (or none), each
# silences its own note.
printf 'comment\nDer Service war sehr schlecht und die Lieferung kam zu spät.\n' > de.csv
"$VERBATIM" analyze --lang de de.csv
echo "exit $?"
printf 'schlecht\t-2\n' > de.tsv
"$VERBATIM" analyze --lang de --lexicon de.tsv --taxonomy none de.csv
echo "exit $?"
printf '{"language":"de","themes":[{"id":"lieferung","label":"Lieferung","match":["lieferung"]}]}' \
    > de.json
"$VERBATIM" analyze --lang german --lexicon de.tsv --taxonomy de.json de.csv
echo "exit $?"
# English, the default, has both: no note.
"$VERBATIM" analyze de.csv > /dev/null
echo "exit $?"

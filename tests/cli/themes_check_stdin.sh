# `themes check -` reads the taxonomy from stdin, as - means everywhere:
# messages name it <stdin>, as the readers do; a - among files is read in
# its turn; stdin closed is an error on stderr. A taxonomy cannot come
# from stdin for analyze (nor report or discover): it is loaded before
# the first record, and stdin may carry the records, which it would eat;
# refused with exit 2, whether the records come from stdin or a file.
cp "$CASES/../fixtures/themes/retail.json" "$CASES/../fixtures/themes/bad_narrow.json" .
"$VERBATIM" themes check - <retail.json
echo "exit $?"
"$VERBATIM" themes check retail.json - <bad_narrow.json
echo "exit $?"
printf '{"themes": []' | "$VERBATIM" themes check -
echo "exit $?"
"$VERBATIM" themes check - <&-
echo "exit $?"
printf 'comment\nThe parcel arrived late\n' >in.csv
"$VERBATIM" analyze --taxonomy - <in.csv
echo "exit $?"
"$VERBATIM" analyze in.csv --taxonomy - <retail.json
echo "exit $?"
"$VERBATIM" themes discover in.csv --taxonomy - <retail.json
echo "exit $?"

# analyze with a taxonomy: "themes" after "sentiment" on every record (empty
# when none matched), spans as byte offsets, aspect sentiment per theme,
# parent and child both listed; coverage in the summary line. Without a
# taxonomy there is no "themes" key and no coverage.
printf 'comment\n%s\n%s\n%s\n%s\n%s\n' \
    'The food was great but the service was slow' \
    'Still waiting for my parcel!' \
    'Free delivery, nice.' \
    'We waited for the delivery. Delivery slots were all gone.' \
    '!!!' > in.csv
"$VERBATIM" analyze in.csv --taxonomy "$CASES/../fixtures/themes/retail.json"
echo "exit $?"
"$VERBATIM" analyze in.csv --taxonomy none | head -n 1
echo "exit $?"

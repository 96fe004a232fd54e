# Misspellings and text speak listed in lexicons/en/spellings.tsv are read
# as the words they stand for, by sentiment and themes alike: "never
# recieved" is a parcel missing, "freindly and helpfull" is staff praised,
# "thx u" thanks. "payed" and "costumer" are words and stay as written.
# One line per record: its sentiment label and theme ids.
{ echo text; printf '"%s"\n' \
    'Never recieved my order, definately not ordering agian.' \
    'Freindly and helpfull staff, thx u guys' \
    'Very dissapointed with the delivary.' \
    'The costumer in front of me payed cash.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv |
    sed -E 's/.*"label":"([a-z]*)"\},"themes":/\1 /; s/\{"id":"([^"]*)"[^}]*\}/\1/g'
echo "exit $?"

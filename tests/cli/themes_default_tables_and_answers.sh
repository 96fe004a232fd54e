# Sticky tables, crumbs, a question nobody could answer, a call to check,
# in the default taxonomy: sticky tables or a floor with crumbs are dirty
# premises, while sticky noodles and jeans that "dust the floor" are not;
# a question staff could not answer is their knowledge; a call "to check
# everything was ok" is a follow-up, and the customer's own call to check
# a balance is not. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Sticky tables and overflowing bins.' \
    'The floor was covered in crumbs.' \
    'The noodles were sticky.' \
    'The jeans dust the floor.' \
    'Nobody could answer a basic question.' \
    'They rang me the next day to check everything was ok.' \
    'I called to check my balance.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

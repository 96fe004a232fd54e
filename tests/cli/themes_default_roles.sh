# The people who serve customers outside a shop: cabin crew, doctors,
# nurses, pharmacists, vets, housekeeping, attendants, a teacher judged,
# a security guard and a bouncer.
# A crew neck, to nurse a baby, "just what the doctor ordered", an
# attendant shadow and a writer who is a teacher are no staff. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The cabin crew were lovely.' \
    'The doctor listened and did not rush me.' \
    'The nurses were kind and patient.' \
    'The pharmacist explained how to take it.' \
    'The vet was gentle with our dog.' \
    'The flight attendant ignored us.' \
    'Our teacher was patient and encouraging.' \
    'The dressing room attendant brought me a belt.' \
    'I love the crew neck.' \
    'I wore it to nurse my baby.' \
    'It was just what the doctor ordered.' \
    'The flash softens the attendant shadows.' \
    'I am a teacher and this dress is great for work.' \
    'Security guard followed me around the store.' \
    'The bouncer was rude to my friends.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# "Never arrived" is a lost order only when the order is what never came.
# A refund, a returns label or a callback that never came, a return the
# company lost or "says they never received", and updates never
# received are billing, returns and communication, not delivery; a
# parcel or an item never received still is, next to a refund too. A
# reset link or a code that never came is no parcel either.
# One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Parcel never arrived.' \
    'I was charged for a kettle I never received.' \
    'They lost my parcel.' \
    'Need a refund, the parcel never arrived.' \
    'They promised a refund and it never arrived.' \
    'The returns label never arrived.' \
    'I never received the return label.' \
    'The callback I was promised never came.' \
    'They lost my return and now say they never received it.' \
    'I never received any updates on my order.' \
    'The password reset link never arrived.' \
    'The verification text did not arrive.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

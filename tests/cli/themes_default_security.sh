# Fraud, hacked accounts and personal data in the default taxonomy's
# security theme, and marketing nobody asked for in communication's
# marketing child. security groups its children and has no words of its
# own: a bag stolen in a store and a "privacy screen" are not about it,
# an email that went to the spam folder is no marketing, and leaving a
# list of marketing texts is no churn. Each such sentence is followed by
# one where the words mean something else. Then a prescription that is
# not ready (a wait) and the small print of terms and conditions (no
# garment's print). One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Someone used my card fraudulently and the bank was slow to help.' \
    'My bag was stolen in the store.' \
    'My account was hacked and nobody called me back.' \
    'There were two unauthorised payments on my statement.' \
    'They sold my personal details to third parties.' \
    'The laptop has a privacy screen.' \
    'I keep getting marketing texts even after I unsubscribed.' \
    'The confirmation email went to my spam folder.' \
    'I was bombarded with emails after one order.' \
    'My prescription was not ready when I arrived.' \
    'The terms and conditions were hidden in the small print.' \
    'Love the print.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Support as a service is staff: tech or technical support, a support
# line or number, product support and support judged ("their support is
# great", "support was awful"). Support as a verb is none: a device that
# does not support folders, customers asked to support local shops.
# Routers, modems and boilers are products, and one that keeps
# rebooting or turns itself off is a fault of function. A connection
# cutting out is no garment's cut, a cut-out back is. One line per
# record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Tech support fixed it in ten minutes.' \
    'I spent two hours on the phone with technical support.' \
    'I called the support line three times.' \
    'Their support is great.' \
    'Support was awful to deal with.' \
    'Product support is poor.' \
    'The player does not support folders.' \
    'Please support local shops.' \
    'The router keeps rebooting every few hours.' \
    'The new modem turns itself off at night.' \
    'The boiler broke down twice this winter.' \
    'The broadband keeps cutting out.' \
    'Love the top with the cut out back.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

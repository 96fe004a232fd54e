# An order with no problems or issues is a correct order, in the words a
# customer uses ("no problems at all with the order"); "no problem" about
# ordering again is loyalty, not the order's accuracy. "There" names a
# correct order only as "was there" or "all there", so it is no span of
# the theme where it only starts the sentence. One line per record: its
# themes with their spans (byte offsets).
{ echo text; printf '"%s"\n' \
    'No problems at all with the order.' \
    'There were no issues at all with my order.' \
    'Everything I ordered was there.' \
    'No problem, I will order again.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -e 's/.*"themes"://' -e 's/"label":"[^"]*","sentiment":[^,]*,//g'
echo "exit $?"

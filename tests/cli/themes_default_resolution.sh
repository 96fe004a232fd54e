# "Nobody could fix it" names a fix that did not happen: the default
# taxonomy counts it as not resolved, never as resolved, while a fix that
# happened stays resolved. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Nobody seems able to fix this.' \
    'No one could sort out the problem.' \
    'They fixed the fault the same day.' \
    'The agent sorted out the problem in one call.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed 's/.*"themes"://' |
    sed -E 's/\{"id":"([^"]*)"[^}]*\}/\1/g'
echo "exit $?"

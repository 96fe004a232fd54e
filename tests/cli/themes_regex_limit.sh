# A catastrophic regex ((a+)+$) against a 100 KB line is cut off by the
# match limit: the record is written without that theme, a warning names
# the line and the theme, the summary counts it, the run goes on and the
# next record is searched afresh.
{
    echo 'fine'
    head -c 100000 /dev/zero | tr '\0' a
    echo 'b'
    echo 'fine aaa'
} > in.txt
"$VERBATIM" analyze --format text in.txt --taxonomy "$CASES/../fixtures/themes/catastrophic.json" |
    sed 's/.*"themes"/"themes"/'
echo "exit $?"

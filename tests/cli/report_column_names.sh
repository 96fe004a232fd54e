# An empty name for one of the report's columns is refused naming the
# option given; the reader, which gets them as kept columns, called it a
# "keep column" though there was no --keep.
printf 'id,date,score,region,w,comment\n1,2026-01-05,9,N,1,great\n' > in.csv
for opt in --score-col --date-col --segment-col --weight-col; do
    set -- --score-col score
    [ "$opt" = --score-col ] && set --
    "$VERBATIM" report in.csv --taxonomy none "$@" "$opt" ''; echo "exit $?"
done
"$VERBATIM" report --from-analyzed in.csv --score-col score --segment-col ''; echo "exit $?"

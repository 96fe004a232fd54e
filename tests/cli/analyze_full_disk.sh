# A failed write is reported and exits 3.
"$VERBATIM" analyze "$CASES/data/basic.csv" --taxonomy none -o /dev/full
echo "exit $?"

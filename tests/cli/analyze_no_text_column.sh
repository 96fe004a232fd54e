# No column looks like a comment: the error lists the columns (exit 2); a
# named column that does not exist likewise.
printf 'id,score,date\n1,9,2026-01-01\n' > in.csv
"$VERBATIM" analyze in.csv --taxonomy none
echo "exit $?"
"$VERBATIM" analyze in.csv --text-col commnt --taxonomy none
echo "exit $?"

# --strict: the first rejection ends the run with status 1.
printf 'id,comment\n1,fine\n2,"open\n' > in.csv
"$VERBATIM" analyze in.csv --strict --taxonomy none >/dev/null
echo "exit $?"

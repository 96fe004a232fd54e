# Several files: record numbers go on across files; a missing file and a
# directory are reported (exit 3) while the others are still read.
printf 'comment\nfirst\nsecond\n' > a.csv
printf 'comment\nthird\n' > b.csv
mkdir adir
"$VERBATIM" analyze a.csv missing.csv adir b.csv --taxonomy none > out.jsonl
echo "exit $?"
cut -c1-10 out.jsonl

# Several files: record numbers go on across files; a missing file and a
# directory are reported (exit 3) while the others are still read.
printf 'comment\nfirst\nsecond\n' > a.csv
printf 'comment\nthird\n' > b.csv
mkdir adir
"$VERBATIM" analyze a.csv missing.csv adir b.csv --taxonomy none > out.jsonl
echo "exit $?"
cut -c1-10 out.jsonl
# --keep given more than once adds columns; a column named twice is kept once.
printf 'id,comment,score,date\n1,good,9,2026-01-02\n' >keep.csv
"$VERBATIM" analyze keep.csv --keep id --keep score,date --keep score --taxonomy none 2>/dev/null | cut -c1-70

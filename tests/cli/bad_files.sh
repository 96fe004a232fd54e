# Files that cannot be read, beyond analyze_inputs (missing file, directory
# operand): stdin that is a directory or closed, a read error (EIO: reading
# /proc/self/mem at offset 0), a file without read permission (run as an
# unprivileged user when the tests run as root, who may read anything), a
# directory or missing path as taxonomy, data directory or output. Input
# errors are exit 3, the other inputs are still read; configuration errors
# are exit 2 before anything is read. `report --from-analyzed` stops at the
# first input it cannot read (a report without one of its inputs would
# mislead) and writes no report. Paths are opened exactly as given: a file
# named "-x y.csv" and one named "-" (as ./-, since - is stdin).
printf 'comment\nfine\n' > ok.csv
"$VERBATIM" analyze --taxonomy none < .
echo "exit $?"
"$VERBATIM" analyze --taxonomy none <&-
echo "exit $?"
"$VERBATIM" analyze --taxonomy none --format csv /proc/self/mem ok.csv > out.jsonl
echo "exit $?"
cut -c1-9 out.jsonl
printf 'comment\nsecret\n' > secret.csv
chmod 000 secret.csv
chmod 755 . # the scratch directory, for that user
as_user=""
[ "$(id -u)" = 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
$as_user "$VERBATIM" analyze --taxonomy none secret.csv ok.csv > out.jsonl
echo "exit $?"
cut -c1-9 out.jsonl
mkdir adir
"$VERBATIM" analyze --taxonomy adir ok.csv
echo "exit $?"
"$VERBATIM" analyze --taxonomy missing.json ok.csv
echo "exit $?"
"$VERBATIM" analyze --data-dir missing ok.csv
echo "exit $?"
"$VERBATIM" analyze --data-dir ok.csv ok.csv
echo "exit $?"
"$VERBATIM" analyze --taxonomy none ok.csv -o adir
echo "exit $?"
"$VERBATIM" analyze --taxonomy none ok.csv -o missing/out.jsonl
echo "exit $?"
"$VERBATIM" report --taxonomy none --score-col score adir
echo "exit $?"
"$VERBATIM" report --from-analyzed --score-col score adir missing.jsonl
echo "exit $?"
# Odd names, opened as given.
printf 'comment\ndash and space\n' > '-x y.csv'
printf 'comment\nnamed dash\n' > ./-
"$VERBATIM" analyze --taxonomy none --format csv -- '-x y.csv' ./- > out.jsonl
echo "exit $?"
cut -c1-9 out.jsonl

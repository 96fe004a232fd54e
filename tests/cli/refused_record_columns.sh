# report and themes discover write no records, so --keep (and for discover,
# whose examples carry no ids, --id-col) would change nothing they write:
# refused with exit 2, not ignored; their --help leaves those options out.
printf 'id,score,comment\n1,9,friendly staff\n2,3,slow delivery\n' > in.csv
"$VERBATIM" report in.csv --taxonomy none --score-col score --keep id; echo "exit $?"
"$VERBATIM" themes discover in.csv --keep score; echo "exit $?"
"$VERBATIM" themes discover in.csv --id-col id; echo "exit $?"
"$VERBATIM" report --help | grep -c -e '^ *--keep COL,' -e '^ *--id-col'
"$VERBATIM" themes discover --help | grep -c -e '^ *--keep COL,' -e '^ *--id-col'
# report's --id-col names the quotes.
"$VERBATIM" report in.csv --score-col score --id-col id --report json 2>/dev/null |
    grep -o '"quotes":\[{"id":"[^"]*"' | sort -u

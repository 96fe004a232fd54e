# -o never empties what the run needs: a file that is also an input is
# refused before anything is read, a report or draft is written only once
# it is made (a run that fails leaves the earlier file as it was), and an
# unknown --section is refused before the input is read.
printf 'score,comment\n9,good delivery\n3,rude staff\n' > in.csv
cp in.csv keep.csv
"$VERBATIM" analyze in.csv -o in.csv; echo "exit $?"
"$VERBATIM" report in.csv --score-col score -o in.csv; echo "exit $?"
"$VERBATIM" themes discover in.csv -o in.csv; echo "exit $?"
cmp in.csv keep.csv && echo "input kept"
"$VERBATIM" report in.csv --score-col score --report json -o r.json 2>/dev/null; echo "exit $?"
cp r.json r0.json
"$VERBATIM" report in.csv --score-col score --report json --compare 2026-01..2026-02 -o r.json; echo "exit $?"
"$VERBATIM" report in.csv --score-col score --report csv --section nope -o r.json; echo "exit $?"
"$VERBATIM" report in.csv --score-col score --emit-state -o s.state 2>/dev/null; echo "exit $?"
"$VERBATIM" merge s.state --compare 2026-01..2026-02 -o r.json; echo "exit $?"
"$VERBATIM" merge s.state --report csv --section nope -o r.json; echo "exit $?"
cmp r.json r0.json && echo "report kept"
"$VERBATIM" report in.csv --score-col score -o no/such/dir/r.json; echo "exit $?"
"$VERBATIM" analyze in.csv -o .; echo "exit $?"
# stdin counts as an input when it is a file; a device is never emptied
"$VERBATIM" analyze -o in.csv <in.csv; echo "exit $?"
"$VERBATIM" analyze - -o in.csv <in.csv; echo "exit $?"
cmp in.csv keep.csv && echo "input kept"
"$VERBATIM" analyze /dev/null -o /dev/null; echo "exit $?"

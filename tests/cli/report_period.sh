# --period buckets the dates of --date-col; without one it was silently
# ignored (and went into the state, where merge compared it). Now it is
# refused with exit 2, for a raw export, --from-analyzed and --emit-state.
printf 'id,date,score,comment\n1,2026-01-05,9,great\n2,2026-02-09,3,slow\n' > in.csv
cp "$CASES/../fixtures/report/analyzed.jsonl" analyzed.jsonl
"$VERBATIM" report in.csv --taxonomy none --score-col score --period week; echo "exit $?"
"$VERBATIM" report --from-analyzed analyzed.jsonl --score-col score --period quarter; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --period month --emit-state \
    >/dev/null; echo "exit $?"
# --date-format without --date-col is refused the same way.
"$VERBATIM" report in.csv --taxonomy none --score-col score --date-format '%d/%m/%Y'; echo "exit $?"
# With --date-col it buckets as before, and merge takes the period from the
# states (merge has no --period of its own).
"$VERBATIM" report in.csv --taxonomy none --score-col score --date-col date --period quarter \
    --report csv --section periods 2>/dev/null; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --date-col date --period quarter \
    --emit-state -o a.state 2>/dev/null; echo "exit $?"
"$VERBATIM" merge a.state a.state --report csv --section periods; echo "exit $?"

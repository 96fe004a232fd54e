# Usage errors exit 2 with a message that says what to do.
cp "$CASES/../fixtures/report/analyzed.jsonl" analyzed.jsonl
F=analyzed.jsonl
"$VERBATIM" report --from-analyzed "$F"; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --metric promoters; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --compare 2026-01; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --section themes; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --report pdf; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --metric csat --top-box 5; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date --date-format '%d/%m'; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date --segment-col region \
    --compare 2026-01..2026-07 2>err.txt >/dev/null; echo "exit $?"
tail -1 err.txt
"$VERBATIM" drivers --help | head -2
# NPS and CSAT are shares of the best answers: higher is better by definition.
"$VERBATIM" report --from-analyzed "$F" --score-col score --lower-is-better; echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --metric csat --lower-is-better; echo "exit $?"

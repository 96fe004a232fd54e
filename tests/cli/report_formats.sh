# The same report as a table (not a tty: no colour), Markdown and CSV,
# comparing two segments. Quotes carry their theme's span.
cp "$CASES/../fixtures/report/analyzed.jsonl" analyzed.jsonl
F=analyzed.jsonl
"$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date --segment-col region \
    --compare North..South --min-n 3 --report table 2>/dev/null
echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date --segment-col region \
    --min-n 3 --report md 2>/dev/null
echo "exit $?"
"$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date --segment-col region \
    --report csv 2>/dev/null
echo "exit $?"

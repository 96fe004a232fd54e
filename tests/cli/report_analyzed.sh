# verbatim report --from-analyzed on a hand-made analyze output
# (tests/fixtures/report/analyzed.jsonl, 13 records; every figure below is
# worked out by hand in tests/fixtures/report/README.md). Record 12's
# score and record 13's date are reported as FILE:LINE and counted; both
# still count for themes. One CSV table per section.
cp "$CASES/../fixtures/report/analyzed.jsonl" analyzed.jsonl
F=analyzed.jsonl
for s in overall periods segments themes drivers change moved focus quotes; do
    "$VERBATIM" report --from-analyzed "$F" --score-col score --date-col date \
        --segment-col region --min-n 5 --report csv --section $s 2>err.txt
    echo "exit $?"
done
cat err.txt

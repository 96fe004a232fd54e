# --top-box only means something to CSAT (the share in the top box): with
# nps (the default), ces or mean it was silently ignored; now it is refused
# with exit 2, in whichever order the options come, whatever the input.
printf 'id,score,comment\n1,5,great\n2,4,fine\n3,2,slow\n' > in.csv
cp "$CASES/../fixtures/report/analyzed.jsonl" analyzed.jsonl
"$VERBATIM" report in.csv --taxonomy none --score-col score --top-box 3; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --metric nps --top-box 2; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --top-box 1 --metric ces; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --metric mean --top-box 1 \
    --emit-state; echo "exit $?"
"$VERBATIM" report --from-analyzed analyzed.jsonl --score-col score --top-box 2; echo "exit $?"
# CSAT takes it, given before or after --metric: top 1 of 1-5 = one of three.
"$VERBATIM" report in.csv --taxonomy none --score-col score --top-box 1 --metric csat \
    --report csv --section overall 2>/dev/null; echo "exit $?"

# merge's usage errors (2), malformed states (1, FILE:LINE), states that
# do not match (2, naming both files) and unreadable files (3).
printf 'id,score,region,comment\nR1,9,North,late delivery\nR2,2,South,rude staff\n' > in.csv
"$VERBATIM" report in.csv --score-col score --segment-col region --emit-state -o a.state 2>/dev/null
"$VERBATIM" merge --help | head -n 1; echo "exit $?"
"$VERBATIM" merge; echo "exit $?"
"$VERBATIM" merge --bogus a.state 2>&1 | tail -n 1
"$VERBATIM" merge a.state --section themes; echo "exit $?"
"$VERBATIM" merge a.state --emit-state --report md; echo "exit $?"
"$VERBATIM" merge a.state --min-n 0; echo "exit $?"
"$VERBATIM" report in.csv --score-col score --emit-state --report json; echo "exit $?"
"$VERBATIM" merge a.state missing.state; echo "exit $?"
"$VERBATIM" merge in.csv; echo "exit $?"
sed 's/^verbatim-state 3/verbatim-state 7/' a.state > v7.state
"$VERBATIM" merge v7.state; echo "exit $?"
# version 1 (no taxonomy line, no records-rejected line) is refused by name
sed -e 's/^verbatim-state 3/verbatim-state 1/' -e '/^taxonomy /d' -e '/^records-rejected /d' \
    a.state > v1.state
"$VERBATIM" merge v1.state; echo "exit $?"
# and so is version 2, whose quotes had no segment
sed -e 's/^verbatim-state 3/verbatim-state 2/' -e 's/^\(quote .*\) "\(North\|South\)" /\1 /' \
    a.state > v2.state
"$VERBATIM" merge v2.state; echo "exit $?"
head -n 20 a.state > cut.state
"$VERBATIM" merge a.state cut.state; echo "exit $?"
sed 's/^top-box 2/top-box two/' a.state > bad.state
"$VERBATIM" merge bad.state; echo "exit $?"
"$VERBATIM" report in.csv --score-col score --metric csat --scale 0-10 --segment-col region \
    --emit-state -o csat.state 2>/dev/null
"$VERBATIM" merge a.state csat.state; echo "exit $?"
"$VERBATIM" report in.csv --score-col score --segment-col id --emit-state -o seg.state 2>/dev/null
"$VERBATIM" merge a.state seg.state; echo "exit $?"
sed 's/"Delivery\([^"]*\)"/"Shipping\1"/' a.state > relabel.state
"$VERBATIM" merge a.state relabel.state; echo "exit $?"
"$VERBATIM" merge a.state a.state --report json | grep -o '"records":[0-9]*' | head -n 1
# A state never holds a NUL in a segment key or a quote id (report writes
# U+FFFD): one that does was not written by verbatim.
sed 's/^group segment "North"/group segment "No\\x00rth"/' a.state > nul.state
"$VERBATIM" merge nul.state; echo "exit $?"
# Nor bytes that are not UTF-8 (a "\x" escape can spell them).
sed 's/^group segment "North"/group segment "No\\xffrth"/' a.state > bad8.state
"$VERBATIM" merge bad8.state; echo "exit $?"

# A state may begin with empty lines and "#" comments (a label put on top
# of each shard's state), as it may hold them anywhere else: merge reads
# it as the state it was. Other text before the "verbatim-state" line is
# still no state (FILE:LINE, exit 1).
printf 'id,score,region,comment\nR1,9,North,late delivery\nR2,2,South,rude staff\n' > in.csv
"$VERBATIM" report in.csv --score-col score --segment-col region --emit-state -o a.state 2>/dev/null
{ echo '# shard 1 of 8'; cat a.state; } > comment.state
{ echo; echo '#'; echo; cat a.state; } > blank.state
"$VERBATIM" merge a.state --emit-state > plain.out; echo "exit $?"
"$VERBATIM" merge comment.state --emit-state > comment.out; echo "exit $?"
"$VERBATIM" merge blank.state --emit-state > blank.out; echo "exit $?"
cmp plain.out comment.out && cmp plain.out blank.out && echo "the same state"
"$VERBATIM" merge comment.state blank.state --report json | grep -o '"records":[0-9]*' | head -n 1
{ echo '# shard 1 of 8'; cat in.csv; } > notes.state
"$VERBATIM" merge notes.state; echo "exit $?"
{ echo; printf 'PK\003\004'; } > zip.state
"$VERBATIM" merge zip.state; echo "exit $?"

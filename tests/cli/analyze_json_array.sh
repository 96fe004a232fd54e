# A JSON array of objects, as APIs and "export as JSON" write it: the same
# records as the JSON Lines it holds, whether one element a line, all on
# one line, pretty-printed over several lines or read from stdin, at any
# -j; report reads it too. A bad element is rejected on its own.
"$VERBATIM" analyze "$CASES/../../corpus/sample.csv" --keep comment,score --taxonomy none \
    >lines.jsonl 2>/dev/null
sed '1s/^/[/; $!s/$/,/; $s/$/]/' lines.jsonl >array.json
tr -d '\n' <array.json >one_line.json
sed 's/,"sentiment"/,\n    "sentiment"/' array.json >pretty.json
opts="--text-col fields.comment --id-col id"
"$VERBATIM" analyze lines.jsonl $opts >from_lines.out 2>from_lines.err
echo "JSON Lines: exit $?"
for f in array.json one_line.json pretty.json; do
    for j in 1 2; do
        "$VERBATIM" analyze $f $opts -j $j >out 2>err
        cmp -s out from_lines.out && cmp -s err from_lines.err &&
            echo "$f -j $j: the same records"
    done
done
"$VERBATIM" analyze $opts -j 2 <pretty.json >stdin.out 2>/dev/null
cmp -s stdin.out from_lines.out && echo "stdin: the same records"
wc -l <from_lines.out
cat from_lines.err
"$VERBATIM" report lines.jsonl $opts --score-col fields.score --report json >l.json 2>/dev/null
"$VERBATIM" report pretty.json $opts --score-col fields.score --report json >a.json 2>/dev/null
cmp -s l.json a.json && echo "report: the same report"
# Mistakes: each rejects its element only, named by the line it starts on
# and, inside a pretty-printed element, the line and column of the mistake.
cat >bad.json <<'JSON'
[
  {"id": 1, "comment": "Lovely staff", "score": 9},
  {"id": 2, "comment": late delivery, "score": 3},
  {
    "id": 3,
    "comment": "left open,
    "score": 5
  },
  "a comment without its object",
  {"id": 5, "comment": "Quick refund", "score": 10}
]
JSON
"$VERBATIM" analyze bad.json --taxonomy none >bad.out
echo "exit $?"
cut -c1-40 bad.out

# An object that holds the records in an array, as an API answers
# ({"data": [...], "next": ...}): the same records as the JSON Lines they
# came from, whether on one line, pretty-printed (read as it streams), as
# pages one a line, or as objects pretty-printed one after another (jq
# without -c); from stdin too, at any -j; report reads it too.
"$VERBATIM" analyze "$CASES/../../corpus/sample.csv" --keep comment,score --taxonomy none \
    >lines.jsonl 2>/dev/null
# one line; pretty-printed; pages, the last empty; jq's pretty stream
{ printf '{"total":3000,"data":['; sed '$!s/$/,/' lines.jsonl | tr -d '\n'
  printf '],"links":{"next":null}}\n'; } >one_line.json
{ printf '{\n  "total": 3000,\n  "data": [\n'; sed 's/^/    /; $!s/$/,/' lines.jsonl
  printf '  ],\n  "links": {"next": null}\n}\n'; } >pretty.json
{ sed -n '1,1000p' lines.jsonl | sed '$!s/$/,/' | tr -d '\n' | sed 's/^/{"data":[/; s/$/],"page":1}/'
  echo; sed '1,1000d' lines.jsonl | sed '$!s/$/,/' | tr -d '\n' | sed 's/^/{"data":[/; s/$/]}/'
  echo; echo '{"data":[],"page":null}'; } >pages.jsonl
sed 's/^{/{\n  /; s/,"sentiment"/,\n  "sentiment"/; s/}$/\n}/' lines.jsonl >jq_pretty.json
opts="--text-col fields.comment --id-col id"
"$VERBATIM" analyze lines.jsonl $opts >from_lines.out 2>from_lines.err
echo "JSON Lines: exit $?"
for f in one_line.json pretty.json pages.jsonl jq_pretty.json; do
    for j in 1 2; do
        "$VERBATIM" analyze $f $opts -j $j >out 2>err
        cmp -s out from_lines.out && cmp -s err from_lines.err &&
            echo "$f -j $j: the same records"
    done
done
"$VERBATIM" analyze $opts -j 2 <pretty.json >stdin.out 2>/dev/null
cmp -s stdin.out from_lines.out && echo "stdin: the same records"
# Past 1 MiB, an envelope streams instead of being parsed whole.
{ printf '{\n  "data": [\n'; cat lines.jsonl lines.jsonl | sed 's/^/    /; $!s/$/,/'
  printf '  ]\n}\n'; } >long.json
cat lines.jsonl lines.jsonl >twice.jsonl
"$VERBATIM" analyze twice.jsonl $opts -j 2 >twice.out 2>/dev/null
"$VERBATIM" analyze long.json $opts -j 2 >long.out 2>/dev/null
test "$(wc -c <long.json)" -gt 1048576 && cmp -s long.out twice.out &&
    echo "long.json: the same records"
# and an empty last page after it is no record
{ cat long.json; echo '{"data":[],"page":null}'; } >long_then_empty.json
"$VERBATIM" analyze long_then_empty.json $opts >out 2>/dev/null
cmp -s out twice.out && echo "long_then_empty.json: the same records"
# One line longer than a record may be (here 69,536 bytes) streams as
# an envelope, at constant memory, as long as no line was a record: an
# API's answer saved on one line; then a page after it; a plain object
# that long has no records in it and is rejected, as a line after a
# record is.
small="--max-field-bytes 1000"
"$VERBATIM" analyze lines.jsonl $opts $small >small_lines.out 2>/dev/null
cat one_line.json pages.jsonl >one_line_pages.json
cat from_lines.out small_lines.out >two.out
for j in 1 2; do
    "$VERBATIM" analyze one_line.json $opts $small -j $j >out 2>/dev/null
    test "$(wc -c <one_line.json)" -gt 69536 && cmp -s out small_lines.out &&
        echo "one_line.json $small -j $j: the same records"
    "$VERBATIM" analyze one_line_pages.json $opts $small -j $j >out 2>/dev/null
    cmp -s out two.out && echo "one_line_pages.json $small -j $j: the same records"
done
{ printf '{"id":1,"comment":"'; head -c 80000 /dev/zero | tr '\0' 'a'; printf '"}\n'
  echo '{"id":2,"comment":"fine"}'; } >long_record.jsonl
"$VERBATIM" analyze long_record.jsonl $small --taxonomy none | cut -c1-30
{ head -n 1 lines.jsonl; cat one_line.json; } >record_then_long.jsonl
"$VERBATIM" analyze record_then_long.jsonl $opts $small --taxonomy none 2>&1 >/dev/null
wc -l <from_lines.out
cat from_lines.err
"$VERBATIM" report lines.jsonl $opts --score-col fields.score --report json >l.json 2>/dev/null
"$VERBATIM" report pretty.json $opts --score-col fields.score --report json >e.json 2>/dev/null
cmp -s l.json e.json && echo "report: the same report"
# The comment's key is found in the records, not asked for; a bad record
# is rejected on its own, named by its line.
cat >answer.json <<'JSON'
{
  "total_items": 3,
  "items": [
    {"id": 1, "answers": {"nps": 9}, "feedback": "Lovely staff"},
    {"id": 2, "answers": {"nps": 3}, "feedback": late delivery},
    {"id": 3, "answers": {"nps": 10}, "feedback": "Quick refund"}
  ],
  "page_count": 1
}
JSON
"$VERBATIM" analyze answer.json --taxonomy none >answer.out
echo "exit $?"
cut -c1-40 answer.out

# JSONL: a nested text field by dotted path, ids as numbers, a null comment
# (an empty comment), an invalid line and a line that is not an object.
cat > in.jsonl <<'JSON'
{"id": 17, "answer": {"text": "Lovely staff :)"}, "nps": 10}
{"id": 18, "answer": {"text": null}, "nps": 8}
{"id": 19, "answer": {"text": "terrible wait"
[1, 2, 3]
{"id": 20, "answer": {"text": "Refund took weeks."}, "nps": 1}
JSON
"$VERBATIM" analyze in.jsonl --text-col answer.text --id-col id --keep nps --taxonomy none \
    | sed 's/"sentiment":{[^}]*"label":"\([a-z]*\)"}/"label":"\1"/'
echo "exit $?"

# With --id-col, a record whose id is missing or null gets "id":null, never
# its record number (which could be another record's real id), at every
# -j; the summary counts them. A CSV cell that is empty is an id as read.
printf '{"id":"2","text":"the delivery was late","score":3}\n{"text":"rude staff","score":1}\n{"id":null,"text":"great price","score":9}\n' > in.jsonl
"$VERBATIM" analyze in.jsonl --id-col id --taxonomy none | cut -d, -f1
"$VERBATIM" analyze in.jsonl --id-col id --taxonomy none -j 2 | cut -d, -f1
"$VERBATIM" tokens in.jsonl --id-col id | grep '"i":0,' | cut -d, -f1
# A report's quote of such a record has an empty id.
"$VERBATIM" report in.jsonl --id-col id --score-col score --report json |
    grep -o '{"id":"[^"]*","date"' | sort | uniq -c
printf 'id,text\n,late parcel\nb2,rude staff\n' > in.csv
"$VERBATIM" analyze in.csv --id-col id --taxonomy none | cut -d, -f1
# Without --id-col the id is the record number, as before.
"$VERBATIM" analyze in.jsonl --taxonomy none | cut -d, -f1

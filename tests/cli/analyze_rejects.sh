# A field over --max-field-bytes and a quote never closed are rejected with
# FILE:LINE; every other record is written; read = written + rejected.
printf 'id,comment\n1,short and fine\n2,%s\n3,"ok again"\n4,"never closed\n5,lost inside the open quote\n' \
    "$(printf 'x%.0s' $(seq 1 300))" > in.csv
"$VERBATIM" analyze in.csv --max-field-bytes 200 --id-col id --taxonomy none | cut -c1-12
echo "exit $?"

# RFC 4180 CSV with a BOM, CRLF, quoted commas, quotes and newlines, an empty
# comment; the id column and kept columns are passed through as read.
"$VERBATIM" analyze "$CASES/data/basic.csv" --id-col response_id --keep score,channel \
    --taxonomy none | sed 's/"sentiment":{[^}]*"label":"\([a-z]*\)"}/"label":"\1"/'

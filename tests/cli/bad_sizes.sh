# Sizes: a 50 MB comment and a 10 MB line, generated on the fly (nothing
# large is committed or written to disk). Over --max-field-bytes (default
# 16M) a field or line rejects its record, named, and is skipped as it
# streams past (memory stays bounded); line numbers after it stay right
# (the 50 MB field holds 1,115,506 line ends); every other record is
# written. A 10 MB line under the limit is analysed whole. A record whose
# output would be over 8 x --max-field-bytes (a 1 MB line's tokens or
# cues) is rejected by the command and the run goes on, with one thread or
# two; under --strict it ends the run with status 1.
fifty_mb() { yes 'The staff were lovely, but the wait was awful.' | head -c 52428800; }
{ echo 'id,comment'; echo '1,before'; printf '2,"'; fifty_mb; echo '"'; echo '3,after'; echo 4; } |
    "$VERBATIM" analyze --format csv --id-col id --taxonomy none | cut -c1-10
echo "exit $?"
# JSONL: the line is under the record limit (4 x 16M), the field is not.
{ echo '{"id":"1","comment":"before"}'; printf '{"id":"2","comment":"'; fifty_mb | tr '\n' ' '
  echo '"}'; echo '{"id":"3","comment":"after"}'; echo '{"id":"4"}'; } |
    "$VERBATIM" analyze --format jsonl --id-col id --taxonomy none | cut -c1-10
echo "exit $?"
{ echo before; fifty_mb | tr '\n' ' '; echo; echo after; } |
    "$VERBATIM" analyze --format text --taxonomy none | cut -c1-10
echo "exit $?"
# 10 MB on one line: analysed.
{ echo before; fifty_mb | head -c 10485760 | tr '\n' ' '; echo; echo after; } |
    "$VERBATIM" analyze --format text --taxonomy none |
    sed 's/"sentiment":{"compound":\([-0-9.]*\).*"label":"\([a-z]*\)"}}/\1 \2/'
echo "exit $?"
# Output over the limit: rejected, counted, and the next record is written.
{ echo before; yes good | head -c 1048576 | tr '\n' ' '; echo; echo after; } > 1m.txt
"$VERBATIM" tokens 1m.txt --format text --taxonomy none --max-field-bytes 2M > out.jsonl
echo "exit $?"
cut -c1-10 out.jsonl | uniq
"$VERBATIM" analyze 1m.txt --format text --taxonomy none --max-field-bytes 2M --explain -j 2 \
    > out.jsonl
echo "exit $?"
cut -c1-10 out.jsonl
"$VERBATIM" analyze 1m.txt --format text --taxonomy none --max-field-bytes 2M --explain --strict \
    > out.jsonl
echo "exit $?"
cut -c1-10 out.jsonl

# CSV shapes that break naive readers. Every bad record is reported as
# FILE:LINE naming the field; every other record is still written, and
# read = written + rejected.
# - ragged rows: a row too short for the comment is rejected; one too short
#   for a kept column gives null there; extra fields are ignored (lenient,
#   as most exports have a stray trailing comma);
# - quotes: "" inside a quoted field, a quote inside an unquoted field (a
#   literal: 5" screen), text after a closing quote (appended), a quoted
#   field over two lines (line numbers stay right after it); a stray quote
#   that joins lines up to a later quote with text after it: rejected as
#   one record, naming the lines;
# - line ends: CRLF, LF and a lone CR mixed in one file (after a UTF-8 BOM),
#   blank lines skipped; line numbers count each kind once;
# - a quoted field never closed: the rest of the file is that one field,
#   rejected naming the field (here the id, then the comment).
printf '\357\273\277id,comment,score\r\n' > in.csv
printf '1,"crlf, quoted ""word""",9\r\n' >> in.csv
printf '2,lone cr line,8\r' >> in.csv
printf '3,lf line,7\n' >> in.csv
printf '\n\r\n' >> in.csv
printf '4\n' >> in.csv
printf '5,a 5" screen,6\n' >> in.csv
printf '6,"closed"then more,5\n' >> in.csv
printf '7,"over\r\ntwo lines",4\n' >> in.csv
printf '8,too short for the score\n' >> in.csv
printf '9,too long,3,extra,fields,\n' >> in.csv
printf '10\r' >> in.csv
printf '11,"last good",2\n' >> in.csv
printf '12,"stray quote,1\n13,joined,0\n14,"hidden" there,0\n' >> in.csv
printf '"15,never closed,1\n16,swallowed,0\n' >> in.csv
"$VERBATIM" analyze in.csv --id-col id --keep score --taxonomy none --sentences |
    sed 's/"sentiment":{[^}]*},//'
echo "exit $?"
# The same rows as TSV, and the comment left open.
printf 'id\tcomment\n1\tfine\n2\n3\t"open\tstill open\n4\tswallowed\n' > in.tsv
"$VERBATIM" analyze in.tsv --id-col id --taxonomy none | cut -c1-10
echo "exit $?"
# 100,000 quotes in a row, and a field that opens 50,000 quoted pieces.
{
    echo 'id,comment'
    printf '1,"'; head -c 100000 /dev/zero | tr '\0' '"'; echo '"'
    printf '2,'; i=0; while [ $i -lt 100 ]; do printf '"a"'; i=$((i + 1)); done; echo
    echo '3,after'
} > quotes.csv
"$VERBATIM" analyze quotes.csv --id-col id --taxonomy none | cut -c1-10
echo "exit $?"

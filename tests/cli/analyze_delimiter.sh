# A spreadsheet's CSV with semicolons (written where the comma is the
# decimal mark) is read by its first line, from a file or stdin, by every
# command and at every -j; --delimiter names another byte, and a byte
# that cannot separate fields is refused (exit 2).
printf 'ID;Score;Comment\r\n7;9;"Fast delivery; kind staff"\r\n8;3;Slow, rude\r\n' > export.csv
"$VERBATIM" analyze export.csv --id-col ID --keep Score
cat export.csv | "$VERBATIM" analyze --id-col ID --taxonomy none -j 2 | cut -c1-12
"$VERBATIM" report export.csv --score-col Score --taxonomy none --report csv --section overall
printf 'id|comment\n1|good; fine, ok\n' > pipes.txt
"$VERBATIM" analyze --delimiter '|' pipes.txt --taxonomy none | cut -c1-12
"$VERBATIM" analyze --delimiter ',' export.csv --taxonomy none
echo "exit $?"
"$VERBATIM" analyze --delimiter ';;' export.csv
echo "exit $?"
"$VERBATIM" analyze --delimiter x export.csv
echo "exit $?"
"$VERBATIM" analyze --delimiter ';' --format jsonl export.csv
echo "exit $?"
# Excel's first line "sep=;" names the delimiter and is no header row;
# an error on a later line still names that line.
printf 'sep=;\r\nID;Score;Comment\r\n7;9;Fast, kind\r\n8;x;"Slow\r\n' > excel.csv
"$VERBATIM" analyze excel.csv --id-col ID --keep Score --taxonomy none
echo "exit $?"
cat excel.csv | "$VERBATIM" report --score-col Score --taxonomy none --report csv --section overall
# Plain comments on stdin with a comma look like a header row: the error
# says how to read them as comments.
printf 'great service, fast delivery\n' | "$VERBATIM" analyze
echo "exit $?"
printf 'great service, fast delivery\n' | "$VERBATIM" analyze --format text --taxonomy none | cut -c1-10

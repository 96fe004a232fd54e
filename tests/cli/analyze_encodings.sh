# Excel saves "CSV" in the Windows code page and "Unicode text" in UTF-16.
# Both are read as UTF-8 text: the apostrophe of "wasn't" keeps its
# negation, so the comment stays a complaint, and the run names the guess
# it made. --encoding utf-8 reads the bytes as UTF-8 instead (each invalid
# one replaced and counted). The output is the same at every -j.
printf 'id,score,comment\n1,9,Friendly staff\n2,3,It wasn\222t good \226 the caf\351 was cold\n3,8,\223Fine\224\n' > excel.csv
"$VERBATIM" analyze -j 1 excel.csv --keep comment > j1.jsonl
echo "exit $?"
"$VERBATIM" analyze -j 2 excel.csv --keep comment > j2.jsonl
cmp j1.jsonl j2.jsonl && echo "same at -j 1 and -j 2"
grep -o '"comment":"[^"]*"},"sentiment":{"compound":[^,]*' j1.jsonl
"$VERBATIM" analyze excel.csv --encoding utf-8 --keep comment |
    grep -o '"comment":"[^"]*"},"sentiment":{"compound":[^,]*'
# Given, Latin-1 reads as Windows-1252 (as browsers do), from stdin too.
"$VERBATIM" analyze --encoding latin-1 --keep comment < excel.csv | cmp - j1.jsonl &&
    echo "--encoding latin-1 reads as the guess did"
"$VERBATIM" report excel.csv --score-col score --report json > /dev/null
echo "exit $?"
# "Unicode text": UTF-16 with its byte order mark, tabs and CR LF, named
# .txt: its first line's tabs make it TSV.
printf 'id\tscore\tcomment\r\n1\t9\tGreat staff\r\n2\t2\tNo caf\303\251, rude staff \360\237\230\241\r\n' |
    iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > unicode.txt
"$VERBATIM" analyze unicode.txt --keep comment | grep -o '"comment":"[^"]*"'
# Without a byte order mark, UTF-16 is named and needs --encoding.
printf 'comment\nfine\n' | iconv -f UTF-8 -t UTF-16BE > nobom.csv
"$VERBATIM" analyze nobom.csv
echo "exit $?"
"$VERBATIM" analyze --encoding utf-16be nobom.csv --keep comment | grep -o '"comment":"[^"]*"'
"$VERBATIM" analyze --encoding ebcdic excel.csv
echo "exit $?"

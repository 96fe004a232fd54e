# A report column that the header does not have is named as the option
# given it (--score-col, --date-col, --segment-col, --weight-col: score
# column, date column, ...), as a missing --text-col is a text column; the
# reader gets them as kept columns and called each a "keep column". Exit
# 2, whatever -j. (report refuses --keep: refused_record_columns.sh.)
printf 'id,date,score,region,comment\n1,2026-01-05,9,N,great\n' > in.csv
"$VERBATIM" report in.csv --taxonomy none --score-col rating; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --date-col when; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --segment-col 9 -j 2; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --weight-col 0; echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --no-header --score-col 3 --date-col date; echo "exit $?"

# Dates in a layout other than ISO 8601, as survey tools export them: each
# is rejected by line and field, and the run ends by naming the
# --date-format that reads them all (at -j 1 and -j 2 alike), or both
# orders where no day past the 12th tells month-first from day-first.
# Given that format, every date is read. A column that holds ISO dates as
# well gets no such note: no one format would read both.
{
    echo 'Respondent ID,Start Date,NPS,Comment'
    echo '1,11/03/2026 10:22:01 AM,9,Fast delivery'
    echo '2,11/04/2026 09:00:00 PM,2,Nobody called back'
    echo '3,,7,Fine'
    echo '4,12/13/2026 01:00:00 PM,10,Great prices'
} > us.csv
"$VERBATIM" report us.csv --taxonomy none --date-col 'Start Date' --report csv \
    --section periods 2>&1
echo "exit $?"
"$VERBATIM" report us.csv --taxonomy none --date-col 'Start Date' -j 2 --report csv \
    --section periods 2>&1 >/dev/null | tail -n 1
"$VERBATIM" report us.csv --taxonomy none --date-col 'Start Date' \
    --date-format '%m/%d/%Y %I:%M:%S %p' --report csv --section periods
echo "exit $?"
{
    echo 'date,score,comment'
    echo '01/02/2026,9,a'
    echo '03/04/2026,3,b'
} > either.csv
"$VERBATIM" report either.csv --taxonomy none --date-col date --report csv \
    --section periods 2>&1 >/dev/null | tail -n 1
{
    echo 'date,score,comment'
    echo '01/02/2026,9,a'
    echo '2026-03-04,3,b'
} > mixed.csv
"$VERBATIM" report mixed.csv --taxonomy none --date-col date --report csv \
    --section periods 2>&1 >/dev/null | tail -n 1

# Scores and dates a report cannot use, beyond report_rejects: NaN and
# infinities, signs, exponents, hex, out of range either way, spaces around
# a number; dates with month 13, 30 February, 29 February in a common and a
# leap year, hour 25, words, the compact form. Each is named as
# FILE:LINE: field "NAME": why: "VALUE"; the record still counts for themes
# and the summary counts the rejected values. The same through
# --from-analyzed, and for CSAT's 1-5 scale.
{
    echo 'id,date,score,comment'
    echo '1,2026-03-01,nan,a'
    echo '2,2026-03-02,NaN,b'
    echo '3,2026-03-03,inf,c'
    echo '4,2026-03-04,-Infinity,d'
    echo '5,2026-13-01,-1,e'
    echo '6,2026-02-30,1e1,f'
    echo '7,2025-02-29,0x5,g'
    echo '8,2024-02-29,1e309,h'
    echo '9,2026-03-07T25:00:00,+5,i'
    echo '10,yesterday, 7 ,j'
    echo '11,20260308,-0,k'
    echo '12,2026-03-09,10.0,l'
    echo '13,2026-03-10,"",m'
    echo '14,,10,n'
} > in.csv
"$VERBATIM" report in.csv --taxonomy none --id-col id --score-col score --date-col date \
    --report csv --section overall
echo "exit $?"
"$VERBATIM" analyze in.csv --taxonomy none --id-col id --keep date,score > analyzed.jsonl
"$VERBATIM" report --from-analyzed analyzed.jsonl --score-col score --date-col date \
    --report csv --section overall 2>&1 >/dev/null
echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --metric csat --report csv \
    --section overall
echo "exit $?"

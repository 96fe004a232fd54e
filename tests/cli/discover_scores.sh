# `themes discover --score-col` reads scores as `report` does: a decimal
# number with blanks around it, never an exponent, hex, inf or nan. The
# theme's mean score is the mean of the scores report accepts (2, 4 and
# " 3 ": 3), and discover counts the others (missing too) as report
# counts them in its summary: 5 scores rejected.
{
    echo 'id,score,comment'
    echo '1,2,The zipper broke'
    echo '2,4,The zipper jammed'
    echo '3, 3 ,Zipper stuck'
    echo '4,1e3,The zipper broke again'
    echo '5,0x10,Zipper gone'
    echo '6,inf,Zipper torn'
    echo '7,,Zipper snapped'
    echo '8,"4,5",Zipper bent'
} >in.csv
"$VERBATIM" themes discover in.csv --taxonomy none --score-col score --min-count 8 \
    --report table
echo "exit $?"
"$VERBATIM" themes discover in.csv --taxonomy none --score-col score --min-count 8 |
    grep -E '"(match|x-count|x-mean-score)"'
echo "exit $?"
"$VERBATIM" report in.csv --taxonomy none --score-col score --metric mean --report csv \
    --section overall
echo "exit $?"
# Under --strict the first bad score stops the run, as in report: exit 1,
# FILE:LINE, the field named and the value quoted, the summary, and no
# draft written.
"$VERBATIM" themes discover in.csv --taxonomy none --score-col score --min-count 8 --strict \
    -o draft.json
echo "exit $?"
test -e draft.json && echo "a draft was written"
"$VERBATIM" themes discover in.csv --taxonomy none --score-col 2 --min-count 8 --strict \
    -j 2 --report table
echo "exit $?"

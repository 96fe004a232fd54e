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
# Scores written as words read as --score-label says, as in report: the
# mean of 10, 0 and 9 is 6.33, and the same labels give report that mean.
# Words no label names are rejected and counted; a label needs a score
# column, given or found (report's "score" here), and the form LABEL=N.
{
    echo 'id,score,comment'
    echo '1,Extremely likely,The zipper broke'
    echo '2,Not at all likely,The zipper jammed'
    echo '3,9,Zipper stuck'
    echo '4,Somewhat likely,Zipper gone'
} >words.csv
"$VERBATIM" themes discover words.csv --taxonomy none --score-col score --min-count 4 \
    --report table --strict
echo "exit $?"
"$VERBATIM" themes discover words.csv --taxonomy none --score-col score --min-count 4 \
    --report table --score-label 'Extremely likely=10' --score-label 'not at all likely = 0'
echo "exit $?"
"$VERBATIM" report words.csv --taxonomy none --score-col score --metric mean --report csv \
    --section overall --score-label 'Extremely likely=10' --score-label 'not at all likely = 0'
echo "exit $?"
printf 'id,comment\n1,The zipper broke\n' >unscored.csv
"$VERBATIM" themes discover unscored.csv --taxonomy none --score-label 'Good=5'
echo "exit $?"
"$VERBATIM" themes discover words.csv --taxonomy none --score-col score --score-label 'Good'
echo "exit $?"

# Star ratings (1-5) with the default metric, NPS, are all detractors: a
# report of NPS -100 that looks real. report and merge say so on stderr
# and write the report as asked; --metric csat or mean, a promoter among
# the scores, or fewer scores than --min-n say nothing.
{ echo 'rating,comment'
  i=0
  while [ $i -lt 40 ]; do
      echo "$((i % 5 + 1)),the delivery was late"
      i=$((i + 1))
  done; } > stars.csv
"$VERBATIM" report stars.csv --score-col rating --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col rating --emit-state -o a.state 2>/dev/null
"$VERBATIM" merge a.state --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col rating --metric csat --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col rating --metric mean --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col rating --min-n 41 --report csv --section overall
echo "exit $?"
{ cat stars.csv; echo '9,quick and easy'; } > one_nine.csv
"$VERBATIM" report one_nine.csv --score-col rating --report csv --section overall
echo "exit $?"

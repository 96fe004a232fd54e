# Star ratings (1-5) read as NPS, the default metric, are all detractors:
# a report of NPS -100 that looks real. report and merge say so on stderr
# and write the report as asked; --metric csat or mean, a promoter among
# the scores, or fewer scores than --min-n say nothing. A score column
# named as a rating is read as one: its mean, unless --metric says other.
{ echo 'score,comment'
  i=0
  while [ $i -lt 40 ]; do
      echo "$((i % 5 + 1)),the delivery was late"
      i=$((i + 1))
  done; } > stars.csv
"$VERBATIM" report stars.csv --score-col score --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col score --emit-state -o a.state 2>/dev/null
"$VERBATIM" merge a.state --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col score --metric csat --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col score --metric mean --report csv --section overall
echo "exit $?"
"$VERBATIM" report stars.csv --score-col score --min-n 41 --report csv --section overall
echo "exit $?"
{ cat stars.csv; echo '9,quick and easy'; } > one_nine.csv
"$VERBATIM" report one_nine.csv --score-col score --report csv --section overall
echo "exit $?"
# Named "rating": the mean, given or found, at -j 1 and -j 2; --metric
# still decides.
sed '1s/score/rating/' stars.csv > rating.csv
"$VERBATIM" report rating.csv --score-col rating --report csv --section overall
echo "exit $?"
"$VERBATIM" report rating.csv -j 1 --report csv --section overall
echo "exit $?"
"$VERBATIM" report rating.csv -j 2 --report csv --section overall
echo "exit $?"
"$VERBATIM" report rating.csv --metric nps --report csv --section overall
echo "exit $?"
"$VERBATIM" report rating.csv --score-col rating --lower-is-better --report csv --section overall
echo "exit $?"
# Found, the column is not known before the header is read: the options
# that NPS refuses are checked again with the metric its name chooses.
"$VERBATIM" report rating.csv --lower-is-better --report csv --section overall
echo "exit $?"
"$VERBATIM" report rating.csv --lower-is-better -j 2 --report csv --section overall
echo "exit $?"
# Still refused when the found column names no other metric, and when no
# record comes to name one.
"$VERBATIM" report stars.csv --lower-is-better --report csv --section overall
echo "exit $?"
head -n 1 rating.csv > header-only.csv
"$VERBATIM" report header-only.csv --lower-is-better --report csv --section overall
echo "exit $?"
sed '1s/score/CSAT/' stars.csv > csat.csv
"$VERBATIM" report csat.csv -j 2 --report csv --section overall
echo "exit $?"
# A Qualtrics export names its columns Q1, Q2: the questions row under the
# names says what Q1 asks, found or given.
{ echo 'StartDate,ResponseId,Q1,Q2'
  echo 'Start Date,Response ID,How satisfied were you with your visit?,Why did you give this score?'
  echo '"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"'
  for i in 1 2 3 4 5 6; do echo "2026-01-0$i,R_$i,$((i % 5 + 1)),the staff were lovely"; done; } > survey.csv
"$VERBATIM" report survey.csv --report csv --section overall
echo "exit $?"
"$VERBATIM" report survey.csv -j 2 --score-col Q1 --report csv --section overall
echo "exit $?"
# A CSAT asked on 1-10: each score above 5 points to --scale, which then
# reads them, with --top-box, though the column is found.
{ echo 'CSAT,comment'; for i in 1 2 3 4 5 6 7 8 9 10; do echo "$i,the staff were lovely"; done; } > csat10.csv
"$VERBATIM" report csat10.csv --report csv --section overall
echo "exit $?"
"$VERBATIM" report csat10.csv --scale 1-10 --top-box 3 -j 2 --report csv --section overall
echo "exit $?"
"$VERBATIM" report survey.csv --top-box 1 --report csv --section overall
echo "exit $?"

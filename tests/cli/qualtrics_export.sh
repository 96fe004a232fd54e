# A Qualtrics export: after the names, a row of the questions' text and a
# row of import ids. Both are header rows: the report counts the two
# responses only (no score rejected, no question among the comments), at
# -j 1 and -j 2 alike, and the summary says how many rows were header, over
# all the files read.
printf '%s\n' \
    'StartDate,EndDate,Finished,ResponseId,Q1,Q2' \
    'Start Date,End Date,Finished,Response ID,"How likely are you to recommend us?","What is the main reason for your score?"' \
    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"' \
    '2026-10-01 09:12:00,2026-10-01 09:15:00,1,R_1abc,9,The staff were friendly and quick.' \
    '2026-10-02 10:00:00,2026-10-02 10:04:00,1,R_2def,3,Waited forty minutes for a refund.' > survey.csv
"$VERBATIM" analyze survey.csv --text-col Q2 --id-col ResponseId --keep Q1
echo "exit $?"
"$VERBATIM" analyze -j 2 survey.csv survey.csv --text-col Q2 > /dev/null
echo "exit $?"
"$VERBATIM" report -j 1 survey.csv --text-col Q2 --score-col Q1 --report json > j1.json
echo "exit $?"
"$VERBATIM" report -j 2 survey.csv --text-col Q2 --score-col Q1 --report json > j2.json
echo "exit $?"
cmp j1.json j2.json && echo "same at -j 1 and -j 2"
sed -E 's/.*("records":[0-9]+,"records_rejected":[0-9]+).*/\1/' j1.json
# Without --text-col: no name looks like the comment's, and the import ids
# mark Q2 as the one text entry question.
"$VERBATIM" analyze survey.csv --id-col ResponseId | cut -c1-40
echo "exit $?"
# Two text entry questions: the user chooses.
printf '%s\n' \
    'ResponseId,Q1,Q2,Q4' \
    'Response ID,Score,What went well?,What could be better?' \
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID4_TEXT""}"' \
    'R_1,9,The staff,Parking' > two.csv
"$VERBATIM" analyze two.csv
echo "exit $?"
# Of two text entry questions, the one that asks why the score was given
# is the comment: its questions row says which.
printf '%s\n' \
    'ResponseId,Q1,Q2,Q3' \
    'Response ID,How likely are you to recommend us?,Anything else you would like to tell us?,What is the main reason for your score?' \
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3_TEXT""}"' \
    'R_1,9,Nothing,The staff were lovely' > why.csv
"$VERBATIM" analyze why.csv --explain --taxonomy none | grep -o '"text":"[a-z]*"'
echo "exit $?"
# An export without ResponseId: Qualtrics' metadata columns mark the
# header rows, and neither the question nor an import id is read as a
# response (no score rejected, no theme on an import id).
printf '%s\n' \
    'StartDate,EndDate,Finished,Q1,Q2' \
    'Start Date,End Date,Finished,"How likely are you to recommend us?","What is the main reason for your score?"' \
    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"' \
    '2026-10-01 09:12:00,2026-10-01 09:15:00,1,9,The staff were friendly and quick.' \
    '2026-10-02 10:00:00,2026-10-02 10:04:00,1,3,Waited forty minutes for a refund.' > no_id.csv
"$VERBATIM" report no_id.csv --report json > no_id.json
echo "exit $?"
sed -E 's/.*("records":[0-9]+,"records_rejected":[0-9]+,"n":[0-9]+).*/\1/' no_id.json

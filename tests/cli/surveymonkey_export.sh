# A SurveyMonkey export: the names are the questions' text, and the row
# after them says "Response" or "Open-Ended Response" under each question.
# That row is header, not a response, and it marks the open-ended question
# as the comment: no --text-col needed. The report counts the two responses
# only, at -j 1 and -j 2 alike.
printf '%s\n' \
    '"Respondent ID","Collector ID","Start Date","How likely are you to recommend us to a friend?","What is the main reason for your score?","How did you contact us?"' \
    '"","","","Response","Open-Ended Response","Email"' \
    '"114","431","10/01/2026 09:12:00","9","The staff were friendly and quick.",""' \
    '"115","431","10/02/2026 10:00:00","3","Waited forty minutes for a refund.","1"' > monkey.csv
"$VERBATIM" analyze monkey.csv --id-col "Respondent ID" | cut -c1-60
echo "exit $?"
"$VERBATIM" report -j 1 monkey.csv --score-col 4 --report json > j1.json
echo "exit $?"
"$VERBATIM" report -j 2 monkey.csv --score-col 4 --report json > j2.json
echo "exit $?"
cmp j1.json j2.json && echo "same at -j 1 and -j 2"
sed -E 's/.*("records":[0-9]+,"records_rejected":[0-9]+,"n":[0-9]+).*/\1/' j1.json
# Two files: each has its header rows.
"$VERBATIM" analyze -j 2 monkey.csv monkey.csv > /dev/null
echo "exit $?"

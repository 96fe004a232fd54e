# A Google Forms or Typeform export names each column by its question.
# The question that asks why the score was given is the comment, before
# "anything else?": no --text-col needed. Two questions that ask for a
# comment alike are an error that names them.
printf '%s\n' \
    'Timestamp,How likely are you to recommend us to a friend?,What is the main reason for your score?,Is there anything else you would like to tell us?,Email Address' \
    '2026/11/01 10:02:11 AM GMT,9,The staff were friendly and quick.,Keep it up,a@example.com' \
    '2026/11/02 04:40:57 PM GMT,3,Waited forty minutes for a refund.,,' > forms.csv
# The cues are words of the reason's column.
"$VERBATIM" analyze forms.csv --explain --taxonomy none | grep -o '"text":"[a-z]*"'
echo "exit $?"
"$VERBATIM" report forms.csv --score-col "How likely are you to recommend us to a friend?" \
    --metric nps --report json |
    sed -E 's/.*("records":[0-9]+,"records_rejected":[0-9]+,"n":[0-9]+).*/\1/'
echo "exit $?"
printf '%s\n' \
    '#,What did you like most?,What could we do better?,Submit Date (UTC)' \
    'a1,The staff were lovely,Faster refunds,2026-11-01 10:00:00' > typeform.csv
"$VERBATIM" analyze typeform.csv
echo "exit $?"
"$VERBATIM" analyze typeform.csv --text-col "What did you like most?" --explain | grep -o '"text":"[a-z]*"'
echo "exit $?"

# Scores as a survey export writes its choices: the number with the
# answer's words, stars, a score out of the scale's top. The number is the
# score; a range or a quantity is not, a score out of another scale is
# refused, and words alone point at --score-label.
printf '%s\n' \
    'How likely are you to recommend us?,Why did you give that score?' \
    '10 - Extremely likely,Quick and friendly help' \
    '0 - Not at all likely,Nobody answered my emails for a week' \
    '9,Sorted in one call' \
    '8/10,Fine' \
    '4/5,Good' \
    '7 (Likely),OK' \
    '1-2 days,Slow' \
    'Very likely,Great' > nps.csv
"$VERBATIM" report nps.csv --score-col 'How likely are you to recommend us?' --report json > nps.json
echo "exit $?"
sed -E 's/.*("n":[0-9]+,"score":[-0-9.]+).*("rejected":[0-9]+).*/\1 \2/' nps.json
# The note on the comment column comes before the scores' problems, at
# every -j: with threads, it was printed once the file was read, and
# could come after them or between them.
for j in 1 2; do
    "$VERBATIM" report nps.csv --score-col 'How likely are you to recommend us?' -j $j \
        --report json 2> err.$j > /dev/null
done
head -1 err.1
cmp err.1 err.2 && echo "stderr the same at -j 1 and -j 2"
# Stars from an app store: five drawn stars on a 1-5 CSAT scale.
printf '%s\n' 'rating,review' '★★★★★,Love it' '★★☆☆☆,Crashes' '4 stars,Nice' \
    '★★★★★★★☆☆☆,Odd' > app.csv
"$VERBATIM" report app.csv --score-col rating --metric csat --report json > app.json
echo "exit $?"
sed -E 's/.*("n":[0-9]+,"score":[-0-9.]+).*("rejected":[0-9]+).*/\1 \2/' app.json
# Discovery reads them as a report does.
"$VERBATIM" themes discover --score-col rating --min-count 1 --report table app.csv > /dev/null
echo "exit $?"

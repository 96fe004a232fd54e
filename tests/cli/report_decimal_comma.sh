# A spreadsheet that writes "4,5" for four and a half: --decimal-comma
# reads scores and weights so, in report (from the export, at -j 2, and
# from analyze's kept columns) and in themes discover. Without it each
# such value is named, with the mark that was expected, and counted; with
# it a point is refused in the same words, since there "1.000" is a
# thousand. The mean is (4.5 x 2.5 + 3 x 1 + 2.25 x 2) / 5.5 = 3.4091,
# and discover's unweighted mean (4.5 + 3 + 2.25) / 3 = 3.25, also with
# the score column found rather than given; with none to find, discover
# refuses --decimal-comma.
printf 'id;score;revenue;comment\n1;4,5;2,5;Zipper broke\n2;3;1;Zipper jammed\n3;2,25;2;Zipper stuck\n4;4.5;1;Zipper bent\n' > export.csv
"$VERBATIM" report export.csv --taxonomy none --score-col score --weight-col revenue \
    --metric mean --decimal-comma --report csv --section overall
echo "exit $?"
"$VERBATIM" report export.csv --taxonomy none --score-col score --weight-col revenue \
    --metric mean --decimal-comma --report csv --section overall -j 2 2>/dev/null
"$VERBATIM" report export.csv --taxonomy none --score-col score --weight-col revenue \
    --metric mean --report csv --section overall
echo "exit $?"
"$VERBATIM" analyze export.csv --taxonomy none --id-col id --keep score,revenue 2>/dev/null |
    "$VERBATIM" report --from-analyzed --score-col score --weight-col revenue --metric mean \
        --decimal-comma --report csv --section overall
echo "exit $?"
"$VERBATIM" themes discover export.csv --taxonomy none --score-col score --min-count 4 \
    --decimal-comma | grep -E '"(match|x-mean-score)"'
"$VERBATIM" themes discover export.csv --taxonomy none --score-col score --min-count 4 \
    >/dev/null
"$VERBATIM" themes discover export.csv --taxonomy none --decimal-comma --min-count 4
echo "exit $?"
cut -d';' -f1,4 export.csv >unscored.csv
"$VERBATIM" themes discover unscored.csv --taxonomy none --decimal-comma --min-count 4
echo "exit $?"

# The reader's own messages (the encoding a file was read in, an input
# that cannot be opened) come where one thread prints them: after the
# messages of the records read before them. With threads they were
# printed as the reader met them, ahead of the records still in the
# workers' hands. Thousands of records, so that the workers lag.
awk 'BEGIN {
    print "score,comment"
    printf "9,Great service \226 thanks\n"
    for (i = 0; i < 6000; i++)
        printf "%d,The staff were helpful and the parcel came on time %d\n", i % 11, i
    print "eleven,Not a number"
    print "12,Out of the scale"
    print "7"
}' > export.csv
for j in 1 2; do
    "$VERBATIM" report export.csv missing.csv --score-col score -j $j --report json \
        2> err.$j > /dev/null
    echo "exit $?"
done
cat err.1
cmp err.1 err.2 && echo "stderr the same at -j 1 and -j 2"
for j in 1 2; do
    "$VERBATIM" analyze export.csv missing.csv --keep score -j $j 2> err.$j | wc -l
done
cat err.1
cmp err.1 err.2 && echo "analyze: stderr the same at -j 1 and -j 2"

# Scores and weights written with more digits than a double holds (a
# DECIMAL export, a computed weight) are plain decimals too: each is read
# as the nearest double, so the long export gives the same report as the
# short one, byte for byte. Exponents, hex and numbers beyond the largest
# double are still not numbers.
{
    echo 'id,score,w,comment'
    echo '1,9,1,late delivery'
    echo '2,4.25,0.5,rude staff'
    echo '3,1.8098783705214538,0.1,great service'
    echo '4,7,2,fine'
} > short.csv
{
    echo 'id,score,w,comment'
    echo '1,9.00000000000000000000,1.000000000000000000000000000000,late delivery'
    echo '2,4.25000000000000000000,0.50000000000000000000000000000,rude staff'
    echo '3,1.80987837052145380000,0.1000000000000000000000000000,great service'
    echo '4,007.0000000000000000000,2.000000000000000000000000000000000,fine'
} > long.csv
for f in short long; do
    "$VERBATIM" report $f.csv --taxonomy none --metric mean --score-col score --weight-col w \
        --report json > $f.json
    echo "$f: exit $?"
done
cmp short.json long.json && echo "short and long: the same report"
"$VERBATIM" report long.csv --taxonomy none --metric mean --score-col score --weight-col w \
    --report csv --section overall 2>/dev/null
# The three of the issue are read; the rest are refused.
{
    echo 'id,score,w,comment'
    echo '1,9.00000000000000000000,1,a'
    echo '2,9,0.000012345678901234567,b'
    echo '3,9,12345678901234567890,c'
    echo '4,9,1.2345678901234567e-5,d'
    echo '5,9e0000000000000000000,1,e'
    echo "6,9,1$(printf '%0400d' 0),f"
    echo '7,9,0x1.00000000000000000000,g'
} > edge.csv
"$VERBATIM" report edge.csv --taxonomy none --metric mean --score-col score --weight-col w \
    --report csv --section overall
echo "exit $?"

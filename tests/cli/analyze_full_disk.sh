# A failed write is reported and exits 3, and the summary claims no records
# written: whether it comes at the end (a small output, still buffered) or
# part-way (a large one), at every -j, to -o or to stdout.
"$VERBATIM" analyze "$CASES/data/basic.csv" --taxonomy none -o /dev/full
echo "exit $?"
"$VERBATIM" analyze "$CASES/data/basic.csv" --taxonomy none -j 2 > /dev/full
echo "exit $?"
"$VB_GEN" --rows 3000 --seed 5 -o big.csv
# How far a run gets before the write fails depends on buffer sizes.
"$VERBATIM" analyze big.csv --taxonomy none -j 1 -o /dev/full 2> err1.txt
echo "exit $?"
"$VERBATIM" analyze big.csv --taxonomy none -j 2 > /dev/full 2> err2.txt
echo "exit $?"
sed 's/: [0-9]* records read/: N records read/' err1.txt err2.txt

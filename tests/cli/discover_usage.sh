# `themes discover` usage errors exit 2 with a hint; --help exits 0; a
# score column that does not exist is a configuration error.
echo "id,score,comment" >in.csv
echo "1,5,fine zipper" >>in.csv
"$VERBATIM" themes discover --help | head -n 1
echo "exit $?"
"$VERBATIM" themes discover --top 0 in.csv
echo "exit $?"
"$VERBATIM" themes discover --min-count x in.csv
echo "exit $?"
"$VERBATIM" themes discover --report xml in.csv
echo "exit $?"
"$VERBATIM" themes discover --max-candidates 3 in.csv
echo "exit $?"
"$VERBATIM" themes discover --taxonomy none --score-col rating in.csv
echo "exit $?"
"$VERBATIM" themes discover --taxonomy none --min-count 1 in.csv -o /dev/full
echo "exit $?"

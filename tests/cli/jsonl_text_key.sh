# JSONL exports often leave out the key of an empty comment. Such an
# object is a respondent who wrote nothing: an empty comment whose score
# counts, like "comment":null, also before the first object that shows the
# key (which the key is detected from). An input where no object has the
# text key stops with exit 2 at its end (a wrong key or a wrong file), and
# one whose first 100 objects have no key that looks like a comment stops
# there.
printf '{"id":1,"score":9}\n{"id":2,"score":3,"comment":"late delivery"}\n{"id":3,"score":7}\n{"id":4,"score":10,"comment":null}\n' > in.jsonl
"$VERBATIM" analyze in.jsonl --id-col id --taxonomy none | cut -d, -f1-2; echo "exit $?"
"$VERBATIM" report in.jsonl --score-col score --taxonomy none --report csv --section overall
echo "exit $?"
"$VERBATIM" analyze in.jsonl --text-col coment --taxonomy none > /dev/null; echo "exit $?"
printf '{"id":1,"score":9}\n{"id":2,"score":3}\n' > none.jsonl
"$VERBATIM" analyze none.jsonl --taxonomy none > /dev/null; echo "exit $?"
i=0; while [ $i -lt 150 ]; do echo '{"a":1}'; i=$((i + 1)); done > many.jsonl
"$VERBATIM" analyze many.jsonl --taxonomy none > out.jsonl; echo "exit $?"
wc -l < out.jsonl
"$VERBATIM" analyze many.jsonl --taxonomy none -j 2 > /dev/null; echo "exit $?"

# The table pads and cuts text by display columns: wide (CJK) characters
# take two, a combining mark none. Segment values, theme labels (in the
# themes, heatmap and drivers) and a quote's words all line up with ASCII
# ones; a cut keeps whole characters, and when a wide one does not fit
# before the "…" a space makes up the column.
cat > tax.json <<'JSON'
{"language":"en","themes":[
 {"id":"late","label":"配達の遅れ","match":["late"]},
 {"id":"staff","label":"店員さんがとても親切でしたがレジが混雑していました","match":["staff"]},
 {"id":"cafe","label":"Cafe\u0301 au lait","match":["cafe"]}]}
JSON
i=0
{
    echo 'score,region,comment'
    while [ $i -lt 12 ]; do
        printf '0,東京都,late'
        for k in 1 2 3 4 5 6 7 8 9 10; do printf ' 東京都の配達'; done
        printf '\n10,Leeds,great staff\n'
        printf '9,東京都渋谷区神宮前一丁目,the staff and the cafe\n'
        printf '2,Cafe\314\201,late again\n'
        i=$((i + 1))
    done
} > in.csv
"$VERBATIM" report in.csv --score-col score --segment-col region --taxonomy tax.json \
    --report table --color never 2>/dev/null
echo "exit $?"

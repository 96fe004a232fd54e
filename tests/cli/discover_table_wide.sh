# `themes discover --report table` pads and cuts phrases by display
# columns: the counts after a CJK phrase line up with those after an ASCII
# one, and a phrase past 44 columns is cut after whole characters, a space
# making up the column that a wide character did not fit in before "…".
i=0
{
    echo 'id,comment'
    while [ $i -lt 8 ]; do
        echo "$i,Departmentshop店舗はいつも混雑していて待ち時間"
        echo "$i,The zipper broke"
        echo "$i,店員さんがとても親切でした"
        i=$((i + 1))
    done
} > in.csv
"$VERBATIM" themes discover in.csv --taxonomy none --min-count 8 --report table
echo "exit $?"

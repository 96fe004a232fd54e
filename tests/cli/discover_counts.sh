# What a draft's x-count counts: the comments of the target set (all of
# them, or with --uncovered those the taxonomy misses) in which discovery
# found one of the theme's match entries as a candidate phrase, each
# comment once. `analyze --taxonomy DRAFT` finds the theme in at least as
# many of those comments: in as many where every mention is a candidate
# ("date of delivery" and its variant "delivery date", one comment holding
# both counted once), in more where a match entry's stem also stands for a
# word discovery leaves out ("quickly" has the stem of "quick", a
# sentiment word). With --uncovered, the comments the taxonomy covers are
# not counted, though analyze finds the theme there too.
{
    echo 'id,comment'
    set -- apple banana cherry grape lemon mango olive peach plum pear kiwi melon
    for f in "$@"; do echo "a-$f,$f delivery date wrong"; done
    for f in "$@"; do echo "b-$f,date of delivery $f"; done
    for f in apple banana cherry grape lemon mango; do
        echo "c-$f,\"$f delivery date, and the date of delivery moved\""
    done
    for v in answered replied fixed shipped refunded packed; do echo "d-$v,$v quickly"; done
    for f in apple banana cherry grape; do echo "e-$f,a quick $f"; done
    for f in "$@"; do echo "f-$f,\"zipper: window, carpet, sofa\""; done
} >in.csv
echo '{"name":"fruit","language":"en","themes":[{"id":"apple","match":["apple"]}]}' >fruit.json

# Prints, per theme of draft.json: its x-count, then the comments analyze
# --taxonomy draft.json finds it in among the target comments (those where
# analyze --taxonomy $1 finds no theme) and among all.
compare() {
    "$VERBATIM" analyze --taxonomy "$1" in.csv 2>/dev/null | grep -n -v '"themes":\[{' |
        cut -d: -f1 >target.txt
    "$VERBATIM" analyze --taxonomy draft.json in.csv 2>/dev/null |
        grep -n -o '"id":"discovered[^"]*"' | sed 's/:"id":"/ /; s/"$//' >found.txt
    awk 'FILENAME == "target.txt" { target[$1] = 1; next }
         FILENAME == "found.txt" { all[$2]++; if ($1 in target) in_target[$2]++; next }
         /"id": "discovered/ { id = $2; gsub(/[",]/, "", id) }
         /"x-count":/ { n = $2; sub(/,/, "", n); n += 0
             printf "%-36s x-count %2d  in target %2d  in all %2d%s\n", id, n,
                 in_target[id], all[id], (n > in_target[id] ? "  OVER" : "") }' \
        target.txt found.txt draft.json
}
"$VERBATIM" themes discover --taxonomy none --min-count 3 in.csv -o draft.json
echo "exit $?"
compare none
"$VERBATIM" themes discover --taxonomy fruit.json --uncovered --min-count 3 in.csv -o draft.json
echo "exit $?"
compare fruit.json

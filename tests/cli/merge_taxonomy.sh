# A state names the taxonomy its themes were found with (a fingerprint of
# its content, "none" with themes off, "-" when not known), and merge
# refuses two states with records and different taxonomies (exit 2),
# which it used to add up into diluted theme shares.
printf 'id,score,region,comment\nR1,9,North,late delivery\nR2,2,South,rude staff and high fees\n' > a.csv
printf 'id,score,region,comment\nR3,7,North,the fee was fine\nR4,10,South,quick delivery\n' > b.csv
printf 'id,score,region,comment\n' > empty.csv
printf '{"language":"en","themes":[{"id":"fees","label":"Fees","match":["fee"]}]}' > other.json
# the same taxonomy with its keys in another order, another name, an x- note
printf '{"name":"mine","themes":[{"match":["fee"],"label":"Fees","x-count":3,"id":"fees"}],\n "language":"en"}' > same.json
# one term more
printf '{"language":"en","themes":[{"id":"fees","label":"Fees","match":["fee","charge"]}]}' > more.json
opts="--id-col id --score-col score --segment-col region"
# merge, with the default taxonomy's fingerprint (it changes with cx.json)
# written HEX in its messages
merge() {
    "$VERBATIM" merge "$@" 2> err; s=$?
    sed "s/$(sed -n 's/^taxonomy //p' a.state)/HEX/g" err >&2
    echo "exit $s"
}
for f in a b; do
    "$VERBATIM" report $f.csv $opts --emit-state -o $f.state 2>/dev/null
    "$VERBATIM" report $f.csv $opts --taxonomy other.json --emit-state -o $f.other.state 2>/dev/null
    "$VERBATIM" report $f.csv $opts --taxonomy none --emit-state -o $f.none.state 2>/dev/null
done
"$VERBATIM" report b.csv $opts --taxonomy same.json --emit-state -o b.same.state 2>/dev/null
"$VERBATIM" report b.csv $opts --taxonomy more.json --emit-state -o b.more.state 2>/dev/null
"$VERBATIM" report b.csv $opts -j 2 --emit-state -o b.j2.state 2>/dev/null
grep -h '^taxonomy' a.other.state a.none.state b.same.state b.more.state
# the default taxonomy at any -j: one fingerprint; the same content in
# another order: the same; one term more: another
grep -h '^taxonomy' a.state b.state b.j2.state | sort -u | wc -l
grep -h '^taxonomy' a.other.state b.same.state | sort -u | wc -l
grep -h '^taxonomy' a.other.state b.more.state | sort -u | wc -l
# differing taxonomies: refused, both files named
merge a.state b.other.state
merge a.state b.none.state --emit-state
merge a.none.state b.state
merge a.other.state b.more.state
# the same taxonomy: merged, equal to one pass
cat a.csv > ab.csv && tail -n +2 b.csv >> ab.csv
for t in default other none; do
    case $t in default) sfx= tax= ;; other) sfx=.other tax="--taxonomy other.json" ;;
                       none) sfx=.none tax="--taxonomy none" ;; esac
    "$VERBATIM" report ab.csv $opts $tax --emit-state -o one$sfx.state 2>/dev/null
    "$VERBATIM" merge a$sfx.state b$sfx.state --emit-state -o ab$sfx.state; echo "exit $?"
    cmp one$sfx.state ab$sfx.state && echo "$t: identical to one pass"
done
"$VERBATIM" merge a.other.state b.same.state --report json | grep -o '"records":[0-9]*' | head -n 1
# a shard without records (a header alone) has no themes to tell: it merges
# with any, in any order, and the result is the one-pass state
"$VERBATIM" report empty.csv $opts --emit-state -o empty.state 2>/dev/null
"$VERBATIM" report empty.csv $opts --taxonomy other.json --emit-state -o empty.other.state 2>/dev/null
grep -h '^taxonomy' empty.state empty.other.state
"$VERBATIM" merge empty.other.state a.state b.state --emit-state -o x1.state; echo "exit $?"
"$VERBATIM" merge a.state empty.other.state b.state empty.state --emit-state -o x2.state; echo "exit $?"
cmp one.state x1.state && cmp one.state x2.state && echo "empty shards: identical to one pass"
"$VERBATIM" merge empty.state empty.other.state --emit-state -o e1.state
"$VERBATIM" merge empty.other.state empty.state --emit-state -o e2.state
cmp e1.state e2.state && echo "two empty shards: the same state in either order"
# analyze's output does not say its taxonomy: such a state merges only with
# another like it
"$VERBATIM" analyze a.csv --id-col id --keep score,region,comment 2>/dev/null > a.jsonl
"$VERBATIM" report --from-analyzed a.jsonl --score-col score --segment-col region \
    --emit-state -o a.analyzed.state 2>/dev/null
grep '^taxonomy' a.analyzed.state
"$VERBATIM" merge a.analyzed.state a.analyzed.state --report json | grep -o '"records":[0-9]*' | head -n 1
merge b.state a.analyzed.state
# a fingerprint that is not 16 hex digits, or all zeros (that is "none")
sed 's/^taxonomy .*/taxonomy 12ab/' a.state > short.state
"$VERBATIM" merge short.state; echo "exit $?"
sed 's/^taxonomy .*/taxonomy 0000000000000000/' a.state > zero.state
"$VERBATIM" merge zero.state; echo "exit $?"

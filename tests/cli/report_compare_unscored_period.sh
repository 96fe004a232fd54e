# The newest period may hold comments whose scores have not come in. The
# default comparison is the last two periods with a score (it was the last
# two periods: "-40.0 > n/a", a "(no theme)" row of zeros and focus on a
# period without scores). Asked for by --compare, the unscored side gives
# an undefined change, written n/a throughout.
awk 'BEGIN {
    print "score,date,comment"
    for (i = 0; i < 90; i++) {
        d = i < 40 ? "2026-04-10" : i < 80 ? "2026-05-10" : "2026-06-10"
        printf "%s,%s,%s\n", i < 80 ? i % 11 : "", d, i % 3 ? "slow delivery" : "friendly staff"
    }
}' > in.csv
"$VERBATIM" report in.csv --score-col score --date-col date --report table --color never \
    2>/dev/null | sed -n '/^TREND/,/^$/p; /^WHAT CHANGED/,/^AREAS/p'
echo "exit $?"
"$VERBATIM" report in.csv --score-col score --date-col date --report table --color never \
    --compare 2026-05..2026-06 2>/dev/null | sed -n '/^WHAT CHANGED/,/^AREAS/p'
echo "exit $?"

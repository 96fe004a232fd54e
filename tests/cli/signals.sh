# SIGINT and SIGTERM during `analyze`, one thread and -j 2: reading stops,
# every record read so far is written whole (the output ends with a complete
# line; the bytes of a record not yet complete are not a record), the summary
# still reconciles read = written + rejected, and the exit status is 128 + the
# signal (130, 143). The input is a fifo whose writer stays open, so the run
# is waiting for more when the signal comes. A rejected record (no comment
# field) last before the pause tells, through its message on stderr, that
# everything before it has been read.
#
# A background job of a script starts with SIGINT ignored, and verbatim
# leaves an ignored signal alone (nohup); `env --default-signal` undoes that.

# wait_for FILE PATTERN: up to 120 s, for slow (valgrind) builds.
wait_for() {
    n=0
    while ! grep -q "$2" "$1" 2>/dev/null; do
        n=$((n + 1))
        if [ $n -gt 1200 ]; then echo "timed out waiting for $2"; return 1; fi
        sleep 0.1
    done
}

# check OUT ERR: every line a complete record, and the summary adds up.
check() {
    lines=$(wc -l < "$1")
    complete=$(grep -c '^{"id":"[0-9]*","sentiment":{.*}}$' "$1")
    tail -c 1 "$1" | od -An -c | tr -d ' '
    echo "lines $lines, complete $complete"
    sed -n 's/.*: \([0-9]*\) records read, \([0-9]*\) written, \([0-9]*\) rejected.*/\1 \2 \3/p' "$2" |
        while read -r r w j; do
            [ "$r" -eq $((w + j)) ] && echo "read = written + rejected"
            [ "$w" -eq "$lines" ] && echo "written = lines out"
        done
}

rows() { # rows FROM TO
    i=$1
    while [ "$i" -le "$2" ]; do echo "$i,The staff were lovely but the wait was long"; i=$((i + 1)); done
}

run() { # run SIGNAL JOBS ROWS
    rm -f in.fifo out.jsonl err.txt
    mkfifo in.fifo
    env --default-signal=INT "$VERBATIM" analyze -j "$2" --taxonomy none --id-col id \
        --format csv in.fifo > out.jsonl 2> err.txt &
    pid=$!
    exec 3> in.fifo
    { echo "id,comment"; rows 1 "$3"; echo "$(($3 + 1))"; printf '%s,half a rec' $(($3 + 2)); } >&3
    wait_for err.txt "field \"comment\": missing"
    kill -"$1" $pid
    wait $pid
    echo "$1 -j $2: exit $?"
    exec 3>&-
    check out.jsonl err.txt
    cat err.txt
}

run INT 1 40
run TERM 1 40
# -j 2: batches of 512 records; the rejected record closes the first batch,
# the rest wait in the next one, which is written whole after the signal.
run INT 2 511
run TERM 2 511

# A signal while the input is streaming in (not waiting): the output still
# ends on a record boundary.
"$VB_GEN" --rows 20000 --seed 3 > big.csv
rm -f in.fifo
mkfifo in.fifo
"$VERBATIM" analyze -j 2 --taxonomy none in.fifo > out.jsonl 2> err.txt &
pid=$!
exec 3> in.fifo
cat big.csv >&3 2>/dev/null &
writer=$!
sleep 0.5
kill -TERM $pid
wait $pid
echo "TERM while streaming: exit $?"
exec 3>&-
kill $writer 2>/dev/null
wait $writer 2>/dev/null
lines=$(wc -l < out.jsonl)
complete=$(grep -c '^{"id":"[0-9]*",.*}}$' out.jsonl)
[ "$lines" -eq "$complete" ] && echo "every line complete"
[ ! -s out.jsonl ] || [ "$(tail -c 1 out.jsonl | od -An -c | tr -d ' ')" = '\n' ] &&
    echo "empty or ends with a newline"
grep -c 'stopped by SIGTERM' err.txt
sed -n 's/.*: \([0-9]*\) records read, \([0-9]*\) written, \([0-9]*\) rejected.*/\1 \2 \3/p' err.txt |
    while read -r r w j; do
        [ "$r" -eq $((w + j)) ] && echo "read = written + rejected"
        [ "$w" -eq "$lines" ] && echo "written = lines out"
    done

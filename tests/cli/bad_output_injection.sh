# Output that must stay well-formed whatever the input holds.
# JSON: every control character (U+0000-U+001F, DEL), quotes, backslashes,
# U+2028/U+2029, invalid UTF-8 and lone surrogate escapes, in the id, a
# kept column and the comment, through analyze (with --explain and
# --sentences), tokens, and report --report json: every line is checked by
# a strict JSON parser (tests/support/json_check.c), which also rejects
# invalid UTF-8 and unpaired surrogates.
ctl=$(printf '\001\002\003\004\005\006\007\010\011\013\014\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037\177')
{
    echo 'id,segment,score,comment'
    printf '"i\\d""%s",seg\001,9,"ctl %s end, \\"q\\" \342\200\250 \342\200\251 \377 \355\240\200 great"\n' "$ctl" "$ctl"
    printf '2,"cr\rlf\nin a kept field",3,"nul \000 byte, bad \300 service"\n'
} > in.csv
"$VERBATIM" analyze in.csv --id-col id --keep segment --explain --sentences | "$VB_JSON_CHECK"
"$VERBATIM" tokens in.csv --id-col id | "$VB_JSON_CHECK"
printf '{"id":"j\\u0001\\u001f","comment":"esc \\b\\f\\n\\r\\t\\u0000\\u007f \\ud800 \\"x\\" \\\\ ok","segment":"\\udfff"}\n' > in.jsonl
"$VERBATIM" analyze in.jsonl --id-col id --keep segment --explain --sentences | tee out.jsonl |
    "$VB_JSON_CHECK"
sed 's/,"sentiment".*//' out.jsonl
{ "$VERBATIM" report in.csv --score-col score --segment-col segment --min-n 1 --report json |
    tr -d '\n'; echo; } | "$VB_JSON_CHECK"

# CSV: report --report csv, with ids, segments and comments that start with
# a formula character (= + - @), a tab or a CR: each such text cell starts
# with a single quote ('=...), quoted when it must be (RFC 4180); numbers we
# write ourselves keep their minus sign.
{
    echo 'id,segment,score,comment'
    echo '=1+1,=SUM(A1:A9),0,"=HYPERLINK(""http://x"",""click"") the delivery was awful"'
    echo '+2,+seg,1,+terrible delivery'
    echo '-3,-seg,2,-2+3 the delivery was awful'
    echo '@4,@seg,10,@everyone great delivery'
    printf '"\t5","\tseg",9,"\tgreat delivery"\n'
    printf '"\r6","\rseg",10,"\rgreat delivery"\n'
} > risky.csv
"$VERBATIM" report risky.csv --id-col id --score-col score --segment-col segment \
    --min-n 1 --report csv --section segments | cat -A
"$VERBATIM" report risky.csv --id-col id --score-col score --segment-col segment \
    --min-n 1 --report csv --section quotes | cat -A
echo "exit $?"

# NUL bytes in an id or a segment value: the report keeps the whole value
# with U+FFFD for the NUL (as the JSONL reader does with \u0000), instead
# of cutting it at the NUL; the state carries the same value.
printf 'id,segment,score,comment\n"a\000b","so\000uth",9,great delivery\n' > nul.csv
for section in segments quotes; do
    "$VERBATIM" report nul.csv --id-col id --score-col score --segment-col segment \
        --min-n 1 --report csv --section $section
done
"$VERBATIM" report nul.csv --id-col id --score-col score --segment-col segment \
    --emit-state | grep -a '^group segment\|^quote '

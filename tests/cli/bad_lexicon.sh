# A user lexicon (--lexicon) with a malformed line stops the run before any
# record is read: FILE:LINE: what is wrong, exit 2. One case per line kind;
# then what is fine: CRLF line ends, comments, an empty file, and a valid
# entry that changes the score. A directory or a missing file as lexicon.
echo 'the refund was processed' > in.txt
n=0
check() {
    n=$((n + 1))
    printf "$1" > "lex$n.tsv"
    "$VERBATIM" analyze in.txt --format text --taxonomy none --lexicon "lex$n.tsv" |
        sed 's/.*"compound":\([-0-9.]*\).*/compound \1/'
}
check 'refund -1.5\n'                       # a space, not a tab
check 'refund\tabc\n'                       # not a number
check 'refund\t9\n'                         # out of range
check 'refund\tnan\n'
check 'refund\tinf\n'
check 'refund\t1e400\n'
check 'refund\t\n'                          # no value
check 'refund\t-1\ta\tb\tc\td\te\n'         # too many fields
check '# fine\n\n[nonsense]\nx\t1\n'        # unknown section, line 3
check 'bad\377\t1\n'                        # invalid UTF-8
check '\t1\n'                               # empty term
check 'two  spaces\t1\n'
check '[booster]\nvery\t5\n'
check '[contrast]\nbut\t1\n'
check '[negator]\nnot\t1\t2\n'
check '[excess]\nx\n'
check 'refund\t-1.5\r\nrefunds\t-1.5\r\n'  # fine: CRLF
check '# only a comment\n'                  # fine
check ''                                    # fine: empty
echo "exit $?"
mkdir lexdir
"$VERBATIM" analyze in.txt --format text --taxonomy none --lexicon lexdir
echo "exit $?"
"$VERBATIM" analyze in.txt --format text --taxonomy none --lexicon missing.tsv
echo "exit $?"

# Headers: duplicate names, missing names, a header and nothing else, an
# empty file, a file of blank lines, a BOM alone, a header whose quote never
# closes. A name that picks a column (given, or detected) must pick one
# column: a duplicate is an error (exit 2) naming both columns, and a number
# picks one of them. Duplicates among other columns do not matter.
run() {
    "$VERBATIM" analyze "$@" --taxonomy none > out.jsonl
    status=$?
    sed 's/,"sentiment".*//' out.jsonl
    echo "exit $status"
}
printf 'comment,comment,id\nfirst,second,1\n' > dup.csv
run dup.csv
run dup.csv --text-col comment
run dup.csv --text-col 2
printf 'id,Comment,comment\n1,a,b\n' > case.csv
run case.csv --text-col comment      # the exact name is unique
run case.csv --text-col COMMENT      # ignoring case it is not
printf 'id,comment,x,x\n1,fine,a,b\n' > other.csv
run other.csv --id-col id
run other.csv --keep x
# Kept by number, both keep their values: the later key of a repeated name
# is "NAME_N" (N its column) and a column kept twice is written once, so
# "fields" never holds a key twice, at -j 1 or 2; when NAME_N is taken
# too, exit 2.
run other.csv --keep 3,4
run other.csv --keep 3,4 -j 2
run other.csv --keep id,1
printf 'id,comment,x,x,x_4\n1,fine,a,b,c\n' > taken.csv
run taken.csv --keep 3,4,5
run taken.csv --keep 3,5,4
# Columns without a name are listed as "".
printf 'id,,score\n1,hello,3\n' > noname.csv
run noname.csv
run noname.csv --text-col 2 --keep 3
# Nothing to read: no records, status 0.
printf 'id,comment\n' > header_only.csv
run header_only.csv
printf 'id,comment' > header_no_newline.csv
run header_no_newline.csv
: > empty.csv
run empty.csv
printf '\n\r\n\n' > blank.csv
run blank.csv
printf '\357\273\277' > bom_only.csv
run bom_only.csv
# A header whose quote never closes is fatal (there are no columns).
printf 'id,"comment\n1,text\n' > open_header.csv
run open_header.csv

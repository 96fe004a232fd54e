# --no-header: columns by 1-based number; TSV by extension.
printf '1\t9\tslow and rude\n2\t10\tquick and kind\n' > in.tsv
"$VERBATIM" analyze in.tsv --no-header --text-col 3 --id-col 1 --keep 2 --taxonomy none \
    | sed 's/"sentiment":{[^}]*"label":"\([a-z]*\)"}/"label":"\1"/'
"$VERBATIM" analyze in.tsv --no-header --text-col 0 --taxonomy none
echo "exit $?"

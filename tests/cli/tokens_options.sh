# tokens writes tokens only: --keep and --taxonomy, which it could not
# show, are refused; its summary says nothing of themes.
printf 'id,text,region\n1,the delivery was late,north\n' > in.csv
"$VERBATIM" tokens in.csv --keep region; echo "exit $?"
"$VERBATIM" tokens in.csv --taxonomy "$VERBATIM_DATA/themes/cx.json"; echo "exit $?"
"$VERBATIM" tokens in.csv --id-col id --taxonomy none | wc -l
"$VERBATIM" tokens in.csv --id-col id | wc -l

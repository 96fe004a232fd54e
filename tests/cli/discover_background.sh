# `themes discover` ranks phrases against a background of general text:
# by default the language's (lexicons/en/background.tsv), or --background
# FILE: "day", the commonest here, is common in any text too and gives way
# to "zipper" and "app", which general text rarely has; --background none
# ranks by the comment count. A background that cannot be read stops the run before any input
# is read: exit 2, the file, the line and what is wrong.
{
    echo 'comment'
    for i in 1 2 3 4 5 6 7; do echo "Great day out"; done
    for i in 1 2 3 4 5 6; do echo "The zipper broke"; done
    for i in 1 2 3 4 5; do echo "The app crashed"; done
} >in.csv
printf '# counts of general text\n@total\t1000000\nday\t5000\ndays\t1000\nzipper\t5\n' >bg.tsv
"$VERBATIM" themes discover in.csv --taxonomy none --report table
echo "exit $?"
"$VERBATIM" themes discover in.csv --taxonomy none --background bg.tsv --report table
echo "exit $?"
"$VERBATIM" themes discover in.csv --taxonomy none --background none --report table
echo "exit $?"
printf 'day\t5000\nzipper 5\n' >bad.tsv
"$VERBATIM" themes discover in.csv --taxonomy none --background bad.tsv --report table
echo "exit $?"
"$VERBATIM" themes discover in.csv --taxonomy none --background missing.tsv --report table
echo "exit $?"

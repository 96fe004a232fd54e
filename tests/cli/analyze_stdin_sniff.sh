# On stdin the format is sniffed: JSONL, TSV, CSV, then plain text, or CSV
# where a column is named or the first line is a comment column's name.
printf '{"comment":"good"}\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'id\tcomment\n1\tgood, really\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'id,comment\n1,good\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'good\nbad\n\nugly\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
# A one-column CSV has no delimiter: naming its column says it is CSV.
printf 'comment\n"good,\nreally"\n' | "$VERBATIM" analyze --taxonomy none --text-col comment | cut -c1-10
# ... and so does a header that is a comment column's name alone: the
# quoted comment over two lines stays one record, without its quotes.
printf 'Feedback\n"Good,\nreally"\nfine\n' | "$VERBATIM" analyze --taxonomy none --keep Feedback |
    cut -c1-60
# A first comment that only mentions feedback is plain text.
printf 'Great feedback\n"Good,\nreally"\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10

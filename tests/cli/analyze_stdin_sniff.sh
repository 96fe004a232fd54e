# On stdin the format is sniffed: JSONL, TSV, CSV, then plain text.
printf '{"comment":"good"}\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'id\tcomment\n1\tgood, really\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'id,comment\n1,good\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10
printf 'good\nbad\n\nugly\n' | "$VERBATIM" analyze --taxonomy none | cut -c1-10

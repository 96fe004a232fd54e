# Usage errors exit 2 with a hint; --help and --version exit 0.
"$VERBATIM"; echo "exit $?"
"$VERBATIM" frobnicate 2>&1 | head -n 1; 
"$VERBATIM" analyze --format xml; echo "exit $?"
"$VERBATIM" analyze --bogus 2>&1 | tail -n 1
"$VERBATIM" analyze --max-field-bytes 12Q; echo "exit $?"
"$VERBATIM" analyze --help | head -n 1; echo "exit $?"
"$VERBATIM" tokens --help | head -n 1
"$VERBATIM" --version | sed 's/[0-9][0-9.]*/N/'
"$VERBATIM" analyze --lang klingon </dev/null 2>&1 | cut -c1-60
"$VERBATIM" analyze --data-dir /nonexistent </dev/null; echo "exit $?"
# -f is --format for every command that reads comments; getopt's own
# errors name the command.
printf 'id,comment\n1,good\n' | "$VERBATIM" analyze -f text --taxonomy none | wc -l
"$VERBATIM" report -f xml --score-col score; echo "exit $?"
"$VERBATIM" tokens -f xml; echo "exit $?"
"$VERBATIM" themes discover -f xml; echo "exit $?"
"$VERBATIM" report -x 2>&1 | head -n 1
"$VERBATIM" themes check -x 2>&1 | head -n 1

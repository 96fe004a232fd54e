# `themes check`: a good file says ok with its counts; a bad one lists
# every problem as FILE: JSON-PATH: message and exits 2; so does a file
# that is not JSON; an unreadable file is an error on stderr. The
# narrower syntax (exact terms, exclude_regex, exclude_scope, opinion)
# is checked the same way.
cd "$CASES/../fixtures/themes" || exit 99
"$VERBATIM" themes check retail.json
echo "exit $?"
"$VERBATIM" themes check bad.json not_json.json
echo "exit $?"
"$VERBATIM" themes check narrow.json bad_narrow.json
echo "exit $?"
"$VERBATIM" themes check retail.json missing.json
echo "exit $?"
"$VERBATIM" themes check --lang german retail.json
echo "exit $?"

# `verbatim themes` needs a subcommand; check needs a file.
"$VERBATIM" themes
echo "exit $?"
"$VERBATIM" themes bogus
echo "exit $?"
"$VERBATIM" themes check
echo "exit $?"
"$VERBATIM" themes --help | head -n 2
echo "exit $?"

# A comment that says nothing ("N/A", "No comment", "see above": the
# language's non_answers.txt) scores as an empty comment, gets no theme,
# and is left out of the coverage, which the summary says; a comment with
# more to it is an answer. Theme discovery does not propose them either.
{
    echo 'id,comment'
    echo '1,N/A'
    echo '2,No comment.'
    echo '3,"No comment, but the delivery was late"'
    echo '4,see above'
    echo '5,Nothing to add'
    echo '6,"Nothing to add, great service"'
    echo '7,nil'
    echo '8,Nil'
} >in.csv
"$VERBATIM" analyze in.csv -j 1
echo "exit $?"
"$VERBATIM" analyze in.csv -j 2 2>&1 >/dev/null
"$VERBATIM" themes discover --taxonomy none --min-count 2 --report table in.csv
echo "exit $?"

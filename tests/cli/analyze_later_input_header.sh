# A problem at the head of a later input (a --keep column it lacks, a
# gzip file) stops the run before anything is
# read or written, not part-way with the inputs after it never read.
printf 'id,text,region\n1,late delivery,north\n' > a.csv
printf 'id,text\n2,rude staff\n' > b.csv
printf 'id,text,region\n3,great price,south\n' > c.csv
printf 'x' | gzip > d.csv
"$VERBATIM" analyze a.csv b.csv c.csv --keep region --taxonomy none; echo "exit $?"
"$VERBATIM" analyze a.csv c.csv d.csv --keep region --taxonomy none; echo "exit $?"
"$VERBATIM" report a.csv b.csv --score-col id --segment-col region; echo "exit $?"
# Inputs that are fine: the run goes on as before, stdin included.
"$VERBATIM" analyze a.csv - --keep region --taxonomy none < c.csv; echo "exit $?"
# An empty later file is no problem; one that cannot be opened is reported
# by the run, which reads the others.
: > empty.csv
"$VERBATIM" analyze a.csv empty.csv missing.csv c.csv --keep region --taxonomy none; echo "exit $?"

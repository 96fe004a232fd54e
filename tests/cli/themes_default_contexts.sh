# Device and garment contexts that take a theme out of a whole sentence
# are told by the words near the theme's own, not by any word in it: a
# hotel's unwashed towels stay dirty while a pair of jeans' "dirty wash"
# does not; a bar's songs and playlist stay the place while an MP3
# player's music does not; a charge for a new battery stays a bill while
# a battery's charge does not. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The room was dirty and the towels had not been washed.' \
    'I love the worn, dirty wash of these jeans.' \
    'The music in the bar was too loud and they played the same songs all night.' \
    'Great playlist and a lovely atmosphere.' \
    'The music on the player is sorted by artist.' \
    'The layout of the remote is a bit funky.' \
    'They charged me 80 pounds to replace the battery.' \
    'The battery needs to be charged every night.' \
    'I charged it up and it lasted a week.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# The default taxonomy on a restaurant's comments: dishes as food and drink,
# decor and seating as the place, a server as staff, a sum of money as
# price; and the near misses left out of it: being seated is not seating,
# "worth trying on" is not about money, an owner's manual is no staff.
# A place's look and feel is the place when a venue noun is near the
# adjective; a cozy sweater and a phone's loud setting are not.
# One line per record: its theme ids.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'The sushi was fresh and the decor is lovely.' \
    'Our server was attentive.' \
    'Paid $40 for two pizzas, outdoor seating.' \
    'We were seated quickly.' \
    'Worth trying on.' \
    'Read the owner'"'"'s manual first.' \
    'A cozy, romantic little restaurant with a great atmoshere.' \
    'This cozy sweater is so cute.' \
    'The vibrate setting is loud.' > in.csv
"$VERBATIM" analyze in.csv --format csv | sed 's/.*"themes"://' |
    sed -E 's/\{"id":"([^"]*)"[^}]*\}/\1/g'
echo "exit $?"

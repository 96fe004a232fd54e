# The default taxonomy on a restaurant's comments: dishes as food and drink,
# decor and seating as the place, a server as staff, a sum of money as
# price; and the near misses left out of it: being seated is not seating,
# "worth trying on" is not about money, an owner's manual is no staff.
# One line per record: its theme ids.
printf 'text\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n"%s"\n' \
    'The sushi was fresh and the decor is lovely.' \
    'Our server was attentive.' \
    'Paid $40 for two pizzas, outdoor seating.' \
    'We were seated quickly.' \
    'Worth trying on.' \
    'Read the owner'"'"'s manual first.' > in.csv
"$VERBATIM" analyze in.csv --format csv | sed 's/.*"themes"://' |
    sed -E 's/\{"id":"([^"]*)"[^}]*\}/\1/g'
echo "exit $?"

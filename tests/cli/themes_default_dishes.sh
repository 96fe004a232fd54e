# Food, drink and a venue's atmosphere in the default taxonomy: dishes and
# drinks by name, "delicious" on its own, views, seats, smoke, a DJ, the
# decor, air conditioning that does not work. Guards: a yummy or
# deliciously soft fabric and a waffle knit are no food, and an office's
# air conditioning is no venue; a topping "on top" is no top (garment),
# and a delicious texture is food. Portions small or large are no fit;
# a skirt portion too big is. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The spicy tuna rolls were the best in town.' \
    'Try the shrimp tempura and the gnocchi.' \
    'Two margaritas and a plate of calamari.' \
    'It was huge, delicious and fresh.' \
    'The fries were soggy and greasy.' \
    'Hats off to the chef.' \
    'Great views over the river.' \
    'The seats are uncomfortable.' \
    'The decor is dark and soothing.' \
    'Stale cigarette smoke everywhere.' \
    'The DJ played all night.' \
    'There was no air conditioning in July.' \
    'So soft, with a yummy fabric.' \
    'A deliciously soft sweater.' \
    'I love the waffle knit.' \
    'Perfect for the office air conditioning.' \
    'The pizza was delicious with mozzarella on top.' \
    'The texture of the gnocchi was delicious.' \
    'Food was delicious but portions were tiny.' \
    'The skirt portion of the dress was too big.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

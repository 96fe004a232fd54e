# The default taxonomy on a restaurant's comments: dishes as food and drink,
# decor and seating as the place, a server as staff, a sum of money as
# price; and the near misses left out of it: being seated is not seating,
# "worth trying on" is not about money, an owner's manual is no staff
# (it is setup's instructions).
# A place's look and feel is the place when a venue noun is near the
# adjective; a cozy sweater and a phone's loud setting are not. Tables
# packed close, a conversation drowned out, a venue's view and location
# are the place too; the seat of a garment and its look from all sides
# are not. Being seated only after an hour, or right away, is a wait, and
# the person working the till or at the counter is staff; a dress that
# works for tall girls is neither. A checkout counter and a self checkout
# are in the shop, not on a website; a self checkout is one of the shop's
# facilities. Uncomfortable seats in a restaurant are its facilities, not
# a product's comfort. A holiday park's site, quiet, with pitches, a pool
# or facilities, is no website, and a caravan site is the place; a site
# that is slow is a website.
# One line per record: its theme ids.
{ printf 'text\n'; printf '"%s"\n' \
    'The sushi was fresh and the decor is lovely.' \
    'Our server was attentive.' \
    'Paid $40 for two pizzas, outdoor seating.' \
    'We were seated quickly.' \
    'Worth trying on.' \
    'Read the owner'"'"'s manual first.' \
    'A cozy, romantic little restaurant with a great atmoshere.' \
    'This cozy sweater is so cute.' \
    'The vibrate setting is loud.' \
    'The tables are packed too close together.' \
    'The seat of these pants is tight.' \
    'We had to shout to have a conversation.' \
    'The view of the river is stunning.' \
    'It looks great from all views.' \
    'The location is perfect, right by the station.' \
    'We were not seated until 10:15pm.' \
    'It took them over an hour to seat us.' \
    'Such nice people working here.' \
    'The girl at the checkout counter was lovely.' \
    'This dress works for tall girls.' \
    'The self checkouts kept breaking so the queue never moved.' \
    'The seats in the restaurant were uncomfortable.' \
    'The site was clean and quiet, lovely pitches.' \
    'The caravan site had great facilities.' \
    'The site was so slow I gave up.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Words of the default taxonomy that clothing reviews use in another
# sense. "Shorts" and "tights" are garments, not a short or tight fit
# (fit names the exact words). Fabric that "looks expensive" is praise of
# the garment, not its price. "Received" is the parcel, not the return,
# and ease counts for the returns process only next to the return. The
# reviewer's own "I recommend" is not staff advice; an associate's
# recommendation is. A look that is "effortless", running around with
# the kids, a dress that knocks it out of the park, returning to the shop
# later that day and a "professional" outfit are no effort, parking,
# return policy or staff. Opening the package or taking a dress out of
# it is no word on the packaging; a dress stuffed into a bag is. The
# size tried "in the store", a store out of a size, a crowd pleaser and
# the room a dress gives in the chest say nothing of the store itself; a
# hotel room does. A store "out of my size" is stock; a dress one is
# "busting out of" is fit. A dress that "did not work for me" or that
# one could not zip is fit, not quality; a "soft green" is a colour, not
# comfort. Legs are not leggings, though the two share a stem, nor is
# "overall" overalls. A hoodie, a blazer or a poncho is a garment. A
# dress on display or featured on a blog is no product feature, dye
# that transferred is no call transferred again, and "a mixed bag" is a
# verdict, not a bag. Buttons that gap, or a top that gapes, are the
# fit, not the quality; a gap between a lid and its case is no fit. One
# line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'These shorts are super comfy and the color is awesome!' \
    'Looks great with a pair of tights or jeans.' \
    'The waist elastic is too tight and it is short in the torso.' \
    'The fabric looks and feels expensive.' \
    'It is too expensive for what it is.' \
    'I received it today and I am already returning it.' \
    'They lost my return and never refunded me.' \
    'It would pill very easily, and the fabric is thin for the price, so I returned it.' \
    'Having a hard time returning it.' \
    'I recommend this dress, the staff were lovely.' \
    'The sales associate recommended I size down.' \
    'I tried these on at the suggestion of the salesperson.' \
    'Effortless and super cute!' \
    'The exchange was effortless.' \
    'Great for running around with my kids.' \
    'They gave me the run around for weeks.' \
    'This skirt knocks it out of the park.' \
    'Plenty of parking and easy to park.' \
    'I loved it and returned later that day to buy it.' \
    'You have 30 days to return it.' \
    'It looks professional for work.' \
    'The staff were professional and kind.' \
    'When I opened the package I knew I was in love.' \
    'It looked huge when I took it out of the package.' \
    'The dress arrived stuffed into a small plastic bag.' \
    'Well packaged and quick delivery.' \
    'The 8 in the store was too big.' \
    'The store was out of my size so I ordered online.' \
    'This top is a crowd pleaser.' \
    'I need the room in the chest.' \
    'The room had a gorgeous view.' \
    'I was busting out of a size 8.' \
    'This dress did not work for me, the fit was off.' \
    'I could not even zip the dress.' \
    'The zipper on this dress broke.' \
    'My legs ached after the walk.' \
    'These leggings are see-through.' \
    'The soft green color is lovely.' \
    'This sweater is so soft and cozy.' \
    'The hoodie is even better than I expected.' \
    'Love this blazer, and the poncho too.' \
    'Overall a great buy.' \
    'I saw this skirt on display in the store.' \
    'I bought this top after seeing it featured on a style blog.' \
    'The dye transferred to my white jeans.' \
    'The hidden pockets are a nice feature.' \
    'Bit of a mixed bag, but the staff were friendly.' \
    'The buttons gap at the bust.' \
    'This top gapes under the arms.' \
    'One button fell off after a wash.' \
    'The case is flimsy, with a gap between the lid and the base.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# In device reviews, product words also name devices in general or a
# rival ("most digital cameras"), a pocket is the owner's, "long" and
# "short" are a battery's life, a call or a song, a device is navigated
# through its own menus (and its buttons "respond"), colours are a
# photo's, "contact lists" are a phone's and "sites" are where others
# review it; the web is browsed on a laptop, a camera's feature is
# "cool" (and so is a player or an app), files are transferred, a disc is
# ripped, a feature is "associated" with a brand, storage and images
# have a "size" and a memory card "fits". The default taxonomy keeps those out of product,
# its children and digital. Each pair is a device sentence and one where
# the words mean what the theme says. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Most digital cameras have this problem with indoor shots.' \
    'The camera has this problem with indoor shots.' \
    'Some models out there have an FM receiver.' \
    'This model has an FM receiver.' \
    'The phone fits easily in my pocket.' \
    'The dress has deep pockets for my phone.' \
    'The player falls short of the iPod, but only by a bit.' \
    'The dress is too short for me.' \
    'The phone has long battery life.' \
    'The skirt is long on me.' \
    'The phone lets us have long talks in bed.' \
    'If you hold the scroll wheel too long the player gets stuck.' \
    'The sleeves are far too long.' \
    'It is simple to navigate around in this device.' \
    'The controls make navigation quick and easy.' \
    'The website is easy to navigate.' \
    'Real colors and less haze than the G2.' \
    'Great colors, pictures and white balance.' \
    'The dress comes in lovely colors, just like the pictures.' \
    'The player got good reviews on a variety of different sites.' \
    'The site kept crashing at checkout.' \
    'I did some research on the web before buying the player.' \
    'The web page would not load.' \
    'The scroll button is not always responsive.' \
    'Their support team was not very responsive.' \
    'Press menu to get back to the main menu.' \
    'Nobody got back to me about my complaint.' \
    'It does not sync with contact lists.' \
    'I could not find any contact details.' \
    'I mostly use it to surf the web and check email.' \
    'The website is hard to browse.' \
    'The camera has a cool stitch pictures feature.' \
    'The linen shirt keeps me cool.' \
    'If you rename a CD title you have already transferred you get frustrated quickly.' \
    'I was transferred three times before anyone could help.' \
    'The player even plays an old VCD that I ripped years ago.' \
    'The jeans ripped after one wash.' \
    'I am not associated with the company.' \
    'The sales associate was lovely.' \
    'The player looks cool and pricey.' \
    'The fabric is cool and breathable.' \
    'The price, storage size and features make it the best.' \
    'The memory card fit nicely in the slot.' \
    'The dress is true to size and the fit is lovely.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

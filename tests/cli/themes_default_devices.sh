# Device reviews use service and clothing words in their own senses (a
# device's speed is no wait, nor is its charge a bill), and idioms use
# size words: the default taxonomy's excludes keep them out of those
# themes: charging a battery, a player's music, CDs transferred, a
# track's information and a player's menu among them (its settings
# exactly: by stem they are a restaurant's setting), a camera that is
# unresponsive, a selection made on a device and buttons pushed (not
# a garment's buttons, which "came loose" is no fit of), and a device's
# own interface, pictures downloaded and a phone that is user-friendly
# (no website or app; an app that is, no feature of a product), a big
# fan of a brand, a driver near software, a look that is expensive
# (praise), photos a camera takes and a device in an appealing package.
# Each pair is
# a device sentence (no such theme) and one where the word means what the
# theme says. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'I am a software engineer, so I read the specs.' \
    'The engineer who came to fix the line was great.' \
    'The player can rip a CD to mp3 in minutes.' \
    'The dress ripped at the seam after one wash.' \
    'The memory card is too small.' \
    'The jacket is too small.' \
    'A good range of manual settings and zoom.' \
    'A good range of sizes in store.' \
    'The camera is slow to focus in low light.' \
    'The staff were slow to answer the door.' \
    'It took an hour to download the songs.' \
    'It took an hour to get a table.' \
    'I figured the dress would be fine.' \
    'It flatters my figure.' \
    'This player was a huge disappointment.' \
    'The sleeves are too big.' \
    'The phone is great, I love the quality of the pictures.' \
    'The dress is great, it looks just like the pictures.' \
    'I will not go into the details here, the dress is fine.' \
    'The dress has lovely details.' \
    'It is probably operator error.' \
    'The operator was rude to me.' \
    'I uploaded the drivers and new software.' \
    'The drivers were friendly and careful.' \
    'The battery will not hold a charge.' \
    'They charged me twice for one order.' \
    'The 4k resolution is stunning.' \
    'The card holds a lot of pics at any resolution.' \
    'They found a resolution the same day.' \
    'The remote does not respond to the buttons.' \
    'They did not respond to my email.' \
    'The fan is noisy when it spins up.' \
    'The restaurant is noisy at night.' \
    'The menus are easy to navigate.' \
    'The website is easy to navigate.' \
    'The battery takes forever to charge.' \
    'The refund takes forever to arrive.' \
    'The buttons are too small for my fingers.' \
    'The shoes are too small for my feet.' \
    'The cell service is spotty where I live.' \
    'The service at the branch was great.' \
    'I have spent years with professional video gear.' \
    'The staff were very professional.' \
    'The salesperson was fine; it matches what I have experienced with other cameras.' \
    'The staff are experienced and patient.' \
    'I asked various sales personnel before buying.' \
    'The summer sales were great, 40% off.' \
    'A high quality camera in the medium price range.' \
    'The prices are high for what you get.' \
    'It does not get loud enough with larger headphones.' \
    'The jacket runs larger than expected.' \
    'A short range transmitter would be nicer.' \
    'The skirt is too short.' \
    'I charge mine every night and the battery lasts.' \
    'They charge a fee every month.' \
    'They charged us for an extra night.' \
    'They put the same charge on my card twice.' \
    'For me the sound of the music is what matters.' \
    'The music in the shop was far too loud.' \
    "I had my CD's transferred in an hour." \
    'I was transferred twice and my file was lost.' \
    'I was transferred three times and had to explain again.' \
    'You will be changing track information a lot.' \
    'The tracking information was never updated.' \
    'I try navigating using the player built in menu.' \
    'The menu has plenty of vegetarian dishes.' \
    'Great food, a good size menu and a relaxed setting.' \
    'The camera remains unresponsive after a few shots.' \
    'The agent remains unresponsive after a few emails.' \
    'It is hard to press the button to make a selection.' \
    'The language selection is hard to find.' \
    'The store has a great selection of sizes.' \
    'The player froze when I kept pushing buttons.' \
    'The buttons on this coat came loose.' \
    'I was impressed by the user interface for playing mp3 files.' \
    'The new interface of the app on my phone is confusing.' \
    'Downloading pictures is quick and easy.' \
    'Downloading my bank statement from the website is quick.' \
    'This phone is very user-friendly.' \
    'The app is very user-friendly.' \
    'I have been a big Nokia fan for years.' \
    'The dress is too big for me.' \
    'The software is poor and the driver has trouble with other products.' \
    'The driver left the parcel in the rain.' \
    'This coat looks classy and expensive.' \
    'It is very expensive for what it is.' \
    'It takes absolutely beautiful photos.' \
    'The dress looks nothing like the photos.' \
    'A perfect phone in such a small and appealing package.' \
    'The package arrived torn open.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

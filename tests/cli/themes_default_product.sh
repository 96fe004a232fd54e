# The product's excludes cancel only the word they overlap: "top notch",
# "on top" or "the phone" elsewhere in a sentence no longer take the
# product out of it. "Phone" and "book" are the product as nouns, not as
# verbs ("I phoned", "had to phone", "booked"). A button, a snap or
# sequins that fall off or break are quality on their own, and so are a
# handle that breaks off and a screen that cracks; a snap that fastens is
# not, nor a film that is not all it is cracked up to be. Other, several,
# previous or older players, phones or cameras are not the one reviewed
# ("unlike other players", "I tried several cameras", "lighter than my
# previous phone"); this one still is ("beats every other phone"), and
# so are the shop's products ("every product I ordered"). Nor is the computer that files go on and off ("on
# my computer", "the computer screen"); a computer bought is. A car that
# one sits in is not the product ("in the car"), nor is a car park; a
# car hired is. The features, new or missing ones, are the product's
# features on their own. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The quality is top notch.' \
    'Nobody answered the phone and the dress was torn.' \
    'Check in was quick and the food was delicious.' \
    'It runs small on top and the fabric is thin.' \
    'My phone stopped working after a week.' \
    'I phoned them twice.' \
    'I gave up and had to phone the shop.' \
    'The book arrived with a torn cover.' \
    'We booked a table for six.' \
    'A big plus in my book.' \
    'Two buttons popped off the first time I wore it.' \
    'The sequins are falling off everywhere.' \
    'The snap was broken when I received it.' \
    'A hidden snap keeps the neckline in place.' \
    'The handle broke off the first time I used it.' \
    'The screen cracked after a week.' \
    'The film is not all it is cracked up to be.' \
    'I read reviews on several digital cameras for months.' \
    'The camera takes sharp pictures.' \
    'Unlike other mp3 players, it shows the album art.' \
    'The player shows the album art.' \
    'Much lighter than my previous phone.' \
    'This phone beats every other phone I have owned.' \
    'Every product I have ordered from you has broken within a month.' \
    'The colour is darker than on my computer screen.' \
    'Copy the songs from your computer first.' \
    'The computer arrived with a cracked screen.' \
    'I listen to it in the car every day.' \
    'The car had a flat tyre when we picked it up.' \
    'The car park is a nightmare.' \
    'Love the new features in the latest update.' \
    'The features are confusing.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

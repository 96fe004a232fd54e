# Idioms in the default taxonomy that name no theme, and one that does.
# "short" shares its stem with shorts (a product): a short wait, queue
# or time, short notice, short-staffed and "shortly" are no product,
# while a short dress or sleeves still fit. Being tired of something is
# no tire, and tires are a product. A train or an appointment cancelled
# by the company is no churn (the train is a travel disruption); the
# customer cancelling a contract is. "Worth it" is good value on its
# own, but not said of an effort, a wait or a drive, nor is "2gb worth
# of" files.
# A dress that "broke my heart" is no broken dress; a zip that broke is.
# "Stinking" cute and a service that "stinks" are no dirt; a store or a
# bathroom that stinks is. An agent who put the phone down on a customer
# or talked down to one was rude, and the phone is no product there, nor
# where nobody picks it up; a phone that broke is. One line per record:
# its theme ids.
{ echo text; printf '"%s"\n' \
    'Only a short wait at the counter.' \
    'Sorted quickly and short queue.' \
    'They changed the date at short notice.' \
    'Short staffed again.' \
    'The parcel arrived shortly after.' \
    'The dress is short on me.' \
    'The sleeves are short.' \
    'Great shorts for the summer.' \
    'I am tired of asking for a reply.' \
    'The tires wore out in a month.' \
    'The train was cancelled twice this week.' \
    'My appointment was cancelled again.' \
    'I cancelled my contract after the train was cancelled.' \
    'Totally worth it.' \
    'Pricey but worth it.' \
    'Not worth it.' \
    'The effort is well worth it.' \
    'The drive was well worth it.' \
    'I copied 2gb worth of files in a minute.' \
    'It broke my heart to send this dress back.' \
    'The zip on this dress broke the first time I wore it.' \
    'These jeans are so stinking cute.' \
    'Their customer service stinks.' \
    'The whole store stinks.' \
    'The bathroom stinks of bleach.' \
    'The agent put the phone down on me.' \
    'I was talked down to by the manager.' \
    'Nobody picks up the phone.' \
    'My phone broke after a week.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

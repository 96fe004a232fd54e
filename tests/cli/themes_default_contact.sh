# Getting through to someone. A call or an email returned, or never
# returned, is follow-up, not a product sent back, while a dress
# returned is a return; an agent who listened is helpful and one nobody
# listened to is not; a menu that goes round in circles is hard work,
# and telling the same thing to one person after another, explaining it
# three times, or repeating one's details, is repeating oneself, while a
# repeat customer is no effort; no way to reach a human, or to get hold
# of anyone, is no reply. A line out the door is a queue, an A-line
# dress no fabric, while a lining is one; a lift out of order is a
# facility, a clinic behind schedule a slow wait; an instructor is
# staff; a subscription renewed without warning is an unexpected charge,
# no loyalty; nobody who could tell or explain is unclear communication,
# as is a letter full of jargon. Spammy notifications are marketing, and
# a desk left unmanned is too few staff. One line per record: its theme
# ids.
{ echo text; printf '"%s"\n' \
    'The estate agent never returned my calls.' \
    'She returned my email the same day.' \
    'I returned the dress and they emailed me a label.' \
    'The advisor actually listened to me.' \
    'Nobody listened to me.' \
    'The automated menu sent me round in circles.' \
    'I had to explain my issue to four different people.' \
    'I had to repeat my details every time I called.' \
    'I explained my problem three times before anyone listened.' \
    'I am a repeat customer.' \
    'The chatbot would not let me talk to a real person.' \
    'It was impossible to get hold of anyone.' \
    'There was a line out the door at the rental desk.' \
    'This a line dress is lovely.' \
    'The dress has a lining.' \
    'The lift was out of order again.' \
    'The clinic was running an hour behind schedule.' \
    'Our instructor was patient and clear.' \
    'My subscription renewed without any warning.' \
    'Nobody could tell me where my order was.' \
    'No one could explain the charge on my bill.' \
    'The letter was full of jargon.' \
    'The app is great but the notifications are spammy.' \
    'The front desk was unmanned when we arrived.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

# Shop-floor and service sentences that used to land under the wrong
# theme, or none: a return the warehouse never received is a return, not
# a lost parcel; a refund still not come through is no overcharge; two
# items short are missing items and opening times that are short no fit;
# self checkouts and card machines are store facilities, no product;
# nobody on the tills is too few staff; being treated like an idiot is
# rude, like royalty friendly; an advisor who listened is helpful, one
# who would not listen is not, hold music listened to is neither; taking
# ownership is resolution; feeling valued is no price. A short dress
# still fits, and a double charge with a refund still missing is still
# an overcharge; finding no one to help is too few staff. A crew that
# could not do enough is helpful staff, a pool closed is a facility, a
# phone nobody answers is no reply, and an order missing half is missing
# items. No one on the shop floor is too few staff; milk out of date is
# the food, not a substitution. Finding no member of staff is too few
# staff, a courier who could not find the address is not; prices going
# up are too dear, while a good rise in trousers is a cut, not a price
# going up. The self checkout's "unexpected item in the bagging area" is
# a facility, not a bag for sale. A checkout queued at, open or closed
# is the shop's till, not the website's; too few of them open, or a
# request for more, is too few staff, while tills opened is no shortage
# and the app crashing at checkout stays online. One line per record:
# its theme ids.
{ echo text; printf '"%s"\n' \
    'They say my return was never received at the warehouse.' \
    'My refund still has not come through.' \
    'They were short two items.' \
    'The opening times are short.' \
    'The self checkout machines never work.' \
    'The card machine was broken so it was cash only.' \
    'No one on the tills.' \
    'They treated me like I was stupid.' \
    'We were treated like royalty.' \
    'The advisor really listened to me.' \
    'The manager would not listen and walked off.' \
    'I listened to hold music for an hour.' \
    'Nobody seems to take ownership.' \
    'I feel valued as a customer.' \
    'The dress is short on me.' \
    'I was charged twice and my refund is still missing.' \
    'Could not find anyone to help me.' \
    'The crew could not do enough for us.' \
    'The pool was closed for maintenance all week.' \
    'Nobody answers the phone.' \
    'Half our order was missing.' \
    'No one on the shop floor to ask for help.' \
    'The milk was out of date.' \
    'Could not find a member of staff anywhere.' \
    'The courier could not find the address.' \
    'Prices keep going up and up.' \
    'These trousers are a great price with a good rise.' \
    'Unexpected item in the bagging area every single time.' \
    'Queued for ages at the checkout.' \
    'Only two checkouts open on a Saturday.' \
    'Why only one till open at lunchtime?' \
    'Please open more tills at weekends.' \
    'The queue moved quickly as they opened more tills.' \
    'The app crashed at checkout.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

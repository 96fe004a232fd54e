# Phrases customers use across industries that name their theme on their
# own: "quick and efficient service" (fast service, not the staff alone),
# moving to another provider, onboarding, a product that "does the job",
# a credit "for the trouble", empty shelves, "no explanation", a quote's
# price, wrong meter readings, being passed between departments, staff
# who "knew what they were doing", a call ahead, a change "with no
# warning", a product that "just works", an "eye watering" bill, a parcel
# "says delivered", mould in a home, food portions, value "for what you
# get", years as a customer, a change made "without telling me", a card
# rejected, an engineer who "cleaned up after himself", booking and its
# reminders, "existing customers", "would not use again", constant
# emails, an agent who "could not actually help", calls never returned,
# no one "to help", an answer chased, a speed short of "what I'm paying
# for", an app where nothing can be found, an engineer without the
# parts, an engineer who fixed the boiler, an earlier appointment found,
# an app that shows the wrong balance, a free dessert to make up for the
# wait, nowhere to sit, a fee to change the date, a wardrobe to put
# together; and what looks like them but is not: "fast food", a site
# "back up and running", a garment's "top portion", money moved between
# accounts, a look "put together". One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Quick and efficient service.' \
    'Service was fast and friendly.' \
    'Fast food service was slow.' \
    'Will be moving to another provider when my contract ends.' \
    'Onboarding call was useful, our team was up and running quickly.' \
    'The site is back up and running.' \
    'It does the job.' \
    'Very professional.' \
    'Got a £20 credit for the trouble.' \
    'Shelves were half empty.' \
    'Rides were closed with no explanation.' \
    'Quote was reasonable.' \
    'Smart meter has been sending wrong readings.' \
    'Tried to cancel and got passed between 4 departments.' \
    'Finally someone who knew what they were doing.' \
    'Driver rang ahead, really appreciated that.' \
    'Price went up again with no warning.' \
    'It just works.' \
    'The bill was eye watering.' \
    'Tracking says delivered but nothing came.' \
    'Black mould in the bathroom, reported three times.' \
    'Portions have shrunk.' \
    'The top portion fits snugly.' \
    'The app makes it easy to move money between accounts.' \
    'Pricing is fair for what you get.' \
    'Been a customer for 10 years.' \
    'Cancelled my order without telling me.' \
    'Checkout kept rejecting my card.' \
    'The engineer cleaned up after himself.' \
    'Easy to book and good reminders.' \
    'They do not care about existing customers.' \
    'Would not use again.' \
    'Emails are constant, please stop.' \
    'Chat agent was polite but could not actually help.' \
    'Owner always remembers my name.' \
    'Agent was reading from a script.' \
    'Been with them 12 years.' \
    'I want to cancel but they make it impossible.' \
    'The wide sleeves make it impossible to wear a coat.' \
    'They keep sending me emails I never signed up for.' \
    'The delivery guy was really polite.' \
    'After 3 complaints they offered me a 20 pound credit.' \
    'Claim was settled within a week.' \
    'Third engineer visit and still no fix.' \
    'They replaced my broken screen.' \
    'Flight delayed and not even a voucher.' \
    'More veggie options please.' \
    'Gym is always rammed after 5.' \
    'Rips a CD in 40 seconds with 1GB of RAM.' \
    'They text you the day before to confirm.' \
    'It was worth a shot, too bad it did not work out.' \
    'Returning it was not a big hassle.' \
    'I wish they will fix the problem.' \
    'It has a stock tracking app built in.' \
    'There is a short learning curve.' \
    'No one ever calls you back when they say they will.' \
    'It took 20 minutes to find someone to help me.' \
    'Had to chase them three times to get an answer.' \
    "Internet speed is nowhere near what I'm paying for." \
    'The new app makes it impossible to find my statements.' \
    'The engineer turned up without the right parts.' \
    'Engineer turned up on time, fixed the boiler in half an hour.' \
    'The receptionist found me an earlier appointment.' \
    'The app shows the wrong balance half the time.' \
    'Manager offered us a free dessert to make up for the wait.' \
    'Waiting room was freezing and there was nowhere to sit.' \
    'They charged a £25 admin fee just to change the date.' \
    'Took me 3 hours to put the wardrobe together.' \
    'This top always looks put together.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

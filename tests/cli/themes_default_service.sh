# How people write about service, in the default taxonomy: the person on
# the phone or the helpline, nobody helping, questions answered, a
# patient advisor, a great team, the lad on the tills, an absolute star,
# being told what was happening, a nice store; dirty toilets, rubbish on
# the floor, empty shelves; the wrong size sent, everything present and
# correct; contradicting messages, an explanation given clearly, the same
# problem explained again, a faff; a problem sorted, a call answered
# straight away, a parcel that turned up the following week; a zip that
# broke, a shop that charges so much. Guards: "loving people" and "the
# person I spoke to" are not praise of staff, loving shopping is no
# lovely shop, an exposed zipper is design, not quality, and an escalator
# is no escalation (one out of order is a facility). Reception that could not tell us anything is staff,
# and a blue one got when black was ordered is the wrong item. A train is
# no training of staff (a late one is a wait and a disruption), organic
# cotton no
# organised store, though the words share stems; paying a customer no
# attention is rude. Knowing
# the products inside out is knowledge; washing a garment inside out is
# not. A cashier on her phone, staff all on their phones and
# disinterested staff are attitude, while a maker's games on their phones
# are a product; service that is non-existent is staff not there; a
# portion's size is no fit. One line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'The lady on the phone was really rude.' \
    'The guy on the helpline sorted it.' \
    'Nobody was helpful in the end.' \
    'Priya answered all my questions.' \
    'Tom was so patient with me.' \
    'Great team, always smiling.' \
    'Lovely people at the branch.' \
    'The young lad on the tills was kind.' \
    'Ellie on the phone was an absolute star.' \
    'They told me exactly what was happening.' \
    'Nice store, easy to find everything.' \
    'I love shopping here.' \
    'Made for short torso loving people.' \
    'The person I spoke to had no idea.' \
    'The toilets were disgusting.' \
    'Rubbish all over the floor by the tills.' \
    'Empty shelves again.' \
    'Wrong size sent twice.' \
    'All items present and correct.' \
    'I got conflicting messages from two departments.' \
    'She explained the options really clearly.' \
    'I explained the same problem to four people.' \
    'What a faff.' \
    'They sorted the problem within a day.' \
    'My call was answered straight away.' \
    'It turned up the following week.' \
    'The zipper broke on the second wear.' \
    'Love the exposed zipper.' \
    'They charge so much for a basic tee.' \
    'The escalator was out of order.' \
    'Reception couldn'"'"'t tell us anything about taxis.' \
    'I got a blue one when I ordered black.' \
    'The staff told us our train was late.' \
    'This store sells organic cotton tees.' \
    'Staff paid no attention to us.' \
    'She knows the products inside out.' \
    'Wash it inside out and hang to dry.' \
    'The cashier was on her phone the whole time.' \
    'Good range of products but staff seem disinterested.' \
    'Customer service is non existent.' \
    'Staff were all on their phones.' \
    'Nokia has good games on their phones.' \
    'Very expensive for the size of the portions.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"

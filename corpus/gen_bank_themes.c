/*
 * gen_bank_themes.c - the clauses and fragments of each theme of verbatim-gen,
 * and the theme table that gives each theme its banks, its mention rate by
 * channel and industry, its complaint rate and its effect on the score. The
 * response model (gen_model.c) reads the numbers; the composer (gen_compose.c)
 * picks the phrases. A clause bank <THEME>_NEG or <THEME>_POS holds sentence
 * parts, a fragment bank <THEME>_FNEG or <THEME>_FPOS short noun phrases
 * ("rude staff"); gen_bank.h documents the "TAGS|" prefixes. Data only, CC0
 * (see corpus/README.md).
 */
#include "gen_bank.h"

/* --- themes: clause banks (sentence-level) and fragment banks (noun phrases) --- */

static const char *const STAFF_ATT_NEG[] = {
    "the staff were {int} rude",
    "{staff} was rude and dismissive",
    "{staff} couldn't have been less interested",
    "SY|the woman on the till didn't even look at me",
    "S|staff were too busy chatting to each other to serve anyone",
    "I was spoken to like an idiot",
    "R|the agent was condescending and kept talking over me",
    "S|{staff} literally said \"not my problem\" and walked off",
    "R|{staff} literally said \"that's not my department\" and put me back on hold",
    "the manager was arrogant and refused to listen",
    "S|nobody said hello or even acknowledged me",
    "the attitude of the staff was appalling",
    "P|the advisor hung up on me",
    "S|staff were rolling their eyes when I asked a question",
    "SY|the security guard followed me round the shop like I was a criminal",
    "H|the receptionist was unfriendly and made us feel like a nuisance",
    "{staff} was {int} unhelpful and quite rude",
    "P|the guy on the phone was sarcastic the whole time",
    "I was made to feel like I was wasting their time",
    "the staff seemed miserable and couldn't care less",
    "S|the staff member was on her phone the entire time",
    "not once did anyone apologise",
    "{staff} actually laughed when I explained what had happened",
    "C|the chat agent was really short with me and then just ended the chat",
    "OG|the driver was rude and swore at me",
    "I've never been treated so badly by a company",
    "H|the waiter was rude and ignored our table for ages",
    "SK|the cashier was abrupt and impatient with my mum",
};
static const char *const STAFF_ATT_POS[] = {
    "the staff were {int} friendly",
    "{name} was lovely and so patient with me",
    "{staff} was {int} polite and helpful",
    "S|everyone was welcoming and had a smile",
    "SG|the team in store were brilliant",
    "SK|the team in the branch were brilliant",
    "P|{name} on the phone was an absolute star",
    "N|the advisor was warm and genuinely cared",
    "SY|staff were friendly without being pushy",
    "{name} went above and beyond for me",
    "SY|the lady at the till was really cheerful",
    "H|the receptionist made us feel very welcome",
    "lovely staff, always happy to help",
    "OY|the driver was polite and even carried it upstairs",
    "{name} was courteous and professional",
    "great attitude from everyone I dealt with",
    "C|{name} on the chat was friendly and patient",
    "couldn't fault the staff",
    "{staff} was {int} kind when I got upset",
    "S|the staff are always cheerful, even when it's busy",
    "H|the restaurant staff couldn't do enough for us",
};
static const char *const STAFF_ATT_FNEG[] = {
    "rude staff", "unfriendly staff", "R|rude agent", "poor attitude", "arrogant manager",
    "miserable staff", "OG|rude driver", "no manners",
};
static const char *const STAFF_ATT_FPOS[] = {
    "friendly staff", "lovely staff", "helpful and polite staff", "great team",
    "friendly service", "R|polite advisor", "lovely people", "welcoming staff",
};

static const char *const STAFF_KNOW_NEG[] = {
    "the staff had no idea what they were talking about",
    "G|nobody could answer a simple question about the {item}",
    "{staff} gave me completely wrong information",
    "I was told three different things by three different people",
    "R|the advisor clearly hadn't been trained",
    "SG|staff didn't know their own products",
    "R|I had to explain my problem twice because the agent didn't understand it",
    "R|they just read from a script and couldn't help",
    "the person I spoke to didn't know how to process a refund",
    "{staff} kept saying they would have to ask someone else",
    "SG|no one in store could tell me anything about the {item}",
    "the advice I was given turned out to be wrong",
    "RT|the advisor couldn't explain the charges on my bill",
    "K|the advisor didn't understand the mortgage terms herself",
    "SY|I asked for help finding a size and was pointed vaguely at a rail",
    "nobody was helpful",
    "RX|I knew more about my account than the agent did",
    "H|reception couldn't tell us anything about taxis or places to eat",
};
static const char *const STAFF_KNOW_POS[] = {
    "{name} clearly knows the job inside out",
    "the advisor explained everything clearly",
    "SG|staff were knowledgeable and gave great advice",
    "{staff} took the time to find exactly what I needed",
    "R|{name} sorted my query in minutes and explained why it happened",
    "SG|really helpful advice on which {item} to buy",
    "R|the agent understood the problem straight away",
    "G|{name} knew the product inside out",
    "ST|they helped me set up my new phone in store",
    "X|the advisor walked me through the app step by step",
    "X|the staff gave honest advice, even when it meant the cheaper option",
    "very helpful when I wasn't sure what I needed",
    "{name} answered all my questions without making me feel stupid",
    "RT|the agent explained my bill line by line",
    "K|{name} explained the mortgage options really clearly",
    "H|the concierge gave us brilliant tips for restaurants",
};
static const char *const STAFF_KNOW_FNEG[] = {
    "unhelpful staff", "clueless staff", "G|no product knowledge", "wrong information",
    "poorly trained staff", "useless advice",
};
static const char *const STAFF_KNOW_FPOS[] = {
    "knowledgeable staff", "helpful advice", "very helpful", "expert advice",
    "clear explanations", "really helpful staff",
};

static const char *const WAIT_NEG[] = {
    "P|I was on hold for {mins} minutes",
    "P|waited {mins} minutes on the phone just to be cut off",
    "P|on hold for over an hour listening to the same awful music",
    "P|it took {mins} minutes to get through to a human",
    "P|I spent {mins} mins on hold, then got transferred and waited again",
    "P|the automated menu keeps you going round in circles before you reach anyone",
    "P|called {times} and waited at least half an hour each time",
    "P|the callback I was promised never came, so I was back on hold again",
    "P|the recorded message kept telling me my call was important, for {mins} minutes",
    "P|{mins} minutes on hold is not acceptable",
    "PK|it was quicker to drive to the branch than to get through on the phone",
    "SY|the queue was {int} long and only one till was open",
    "S|I waited {mins} minutes to be served",
    "SY|queued for ages at the checkout",
    "SY|the self checkouts kept breaking so the queue never moved",
    "SY|there was a huge queue at the collection point",
    "SY|only two tills open on a Saturday afternoon",
    "SK|only one cashier on and a queue out the door",
    "S|it took forever to get served",
    "H|we waited {mins} minutes for our food",
    "H|check-in took almost an hour",
    "C|I waited {mins} minutes in the chat queue before anyone replied",
    "C|the chat took ages, with long gaps between each reply",
    "C|I was number 43 in the chat queue",
    "the whole process was painfully slow",
    "O|it took {ndays} days to get a reply to my email",
};
static const char *const WAIT_POS[] = {
    "P|I got through in {sdur}",
    "S|no queue at all",
    "S|I was served {int} quickly",
    "P|my call was answered almost straight away",
    "S|no waiting around, in and out in five minutes",
    "C|the chat agent replied within seconds",
    "SY|the queue moved quickly as they opened more tills",
    "quick and efficient service",
    "I barely had to wait",
    "P|the callback came exactly when they said it would",
    "everything was done in minutes",
    "P|I was only on hold for {sdur}",
    "no waiting at all",
    "H|check-in took {sdur}",
    "O|they replied to my email the same day",
};
static const char *const WAIT_FNEG[] = {
    "S|long queues", "long wait", "P|long hold times", "slow service", "waiting forever",
    "P|ages on hold", "P|too long on hold", "slow", "C|slow replies",
};
static const char *const WAIT_FPOS[] = {
    "quick service", "no wait", "fast service", "S|short queue", "quick response",
    "S|no queues", "fast", "P|answered quickly",
};

static const char *const PRICE_NEG[] = {
    "Y|prices are {int} high compared to {rival}",
    "way overpriced for what you get",
    "far too expensive",
    "G|prices have gone up again and the quality hasn't",
    "G|I found the same {item} {price} cheaper elsewhere",
    "OY|the delivery charge is a joke",
    "not worth the money",
    "Y|the so-called \"sale\" prices were higher than last month",
    "SY|the price on the shelf was different from the one at the till",
    "T|my monthly bill keeps creeping up every year",
    "K|the fees on this account are ridiculous",
    "H|{sprice} for a coffee is daylight robbery",
    "H|the room was not worth {bprice} a night",
    "X|the promotions are only ever for new customers, loyal ones get nothing",
    "not what I'd call value for money",
    "Y|the {item} was {bprice} and feels like it cost a tenner to make",
    "X|another price rise, the third one this year",
    "T|the price went up in the middle of my contract",
    "K|{sprice} a month just to have a current account",
    "H|they charged {sprice} a day for parking",
};
static const char *const PRICE_POS[] = {
    "great value for money",
    "prices are very reasonable",
    "X|cheaper than {rival} for the same thing",
    "Y|good deals on at the moment",
    "you get a lot for the price",
    "Y|the loyalty discount made a real difference",
    "fair prices and no hidden costs",
    "Y|picked up a {item} in the sale for a bargain",
    "OY|P&P was reasonable",
    "Y|they price matched without any fuss",
    "T|the new tariff is much cheaper",
    "I can't complain about the price",
    "Y|the meal deal is unbeatable",
    "K|no fees on my account, which is rare these days",
    "H|the room rate was very reasonable for the location",
    "T|I got a great deal on my upgrade",
};
static const char *const PRICE_FNEG[] = {
    "overpriced", "too expensive", "poor value", "high prices", "OY|expensive delivery",
    "rip off prices", "X|price rises", "K|high fees",
};
static const char *const PRICE_FPOS[] = {
    "good value", "great prices", "Y|cheap", "Y|good deals", "value for money", "fair prices",
    "Y|bargain prices", "T|good tariff",
};

static const char *const BILLING_NEG[] = {
    "G|I was charged twice for the same order",
    "I was overcharged by {price} and I'm still waiting for it back",
    "my refund took {days} to come through",
    "still waiting for my refund after {days}",
    "they took a payment after I had cancelled",
    "T|the bill was wrong for the third month in a row",
    "G|I was charged for a {item} I never received",
    "T|hidden charges appeared on my bill with no explanation",
    "they promised a refund and it never arrived",
    "T|the direct debit came out on the wrong date and my bank charged me for it",
    "I was double charged and nobody could tell me why",
    "the discount I was promised was never applied",
    "T|I got an invoice for a service I don't even use",
    "T|roaming charges of {price} that I was told would be free",
    "K|my card was blocked without any warning",
    "H|the hotel charged the room to my card twice",
    "I had to chase the refund {times}",
    "I never received my refund",
    "I've been charged {sprice} for \"admin\"",
    "K|a payment went out twice and the bank took a week to reverse it",
    "K|I was charged an overdraft fee when I wasn't even overdrawn",
    "H|we were charged for minibar items we never touched",
};
static const char *const BILLING_POS[] = {
    "the refund was in my account within two days",
    "the refund was processed quickly",
    "they spotted the billing error themselves and corrected it",
    "T|billing is clear and easy to understand",
    "OY|they refunded the delivery charge without me even asking",
    "the overcharge was refunded the same day",
    "payment was simple and the receipt came straight away",
    "T|my bill has been accurate every month",
    "X|the credit was applied to my account straight away",
    "no hidden charges, what you see is what you pay",
    "K|the disputed payment was refunded within a day",
};
static const char *const BILLING_FNEG[] = {
    "double charged", "overcharged", "refund delays", "billing errors", "hidden fees",
    "T|wrong bill", "still no refund",
};
static const char *const BILLING_FPOS[] = {
    "quick refund", "T|clear billing", "easy payment", "no hidden charges", "fast refund",
};

static const char *const QUALITY_NEG[] = {
    "G|the {gadget} broke after {ndays} days",
    "Y|poor quality, it fell apart after one wash",
    "G|the {gadget} stopped working within a week",
    "Y|cheap materials, feels flimsy",
    "Y|the fruit was mouldy the day after I bought it",
    "H|the food was cold and tasteless",
    "the quality has gone downhill in the last year",
    "OY|the {item} looks nothing like the pictures",
    "Y|the stitching came loose the first time I wore it",
    "T|the signal is terrible, it drops out constantly",
    "T|my broadband keeps dropping out in the evenings",
    "Y|the milk was out of date",
    "H|the room was tired and the bed was uncomfortable",
    "G|the battery on the {gadget} lasts about two hours",
    "Y|it was clearly a used item sold as new",
    "G|not impressed with the quality at all",
    "G|my {gadget} has already gone back for repair twice",
    "T|the internet speed is nowhere near what I'm paying for",
    "H|breakfast was poor, cold eggs and stale bread",
    "K|my card keeps getting declined in shops for no reason",
};
static const char *const QUALITY_POS[] = {
    "G|the quality is excellent",
    "Y|really well made {item}",
    "G|the {item} is even better than I expected",
    "Y|great quality for the price",
    "Y|the fruit and veg are always fresh",
    "G|the {gadget} feels solid and well built",
    "H|the food was delicious",
    "T|broadband has been rock solid since I joined",
    "Y|lovely quality, fits perfectly",
    "G|my {gadget} is still going strong after two years",
    "G|nothing wrong with the quality",
    "H|the bed was really comfy and we slept so well",
    "G|the {gadget} works perfectly",
    "T|the signal is great even out in the countryside",
    "K|the new account has some really useful features",
    "H|breakfast was excellent",
};
static const char *const QUALITY_FNEG[] = {
    "G|poor quality", "Y|cheap and flimsy", "G|faulty product", "G|broke quickly",
    "OY|not as described", "G|faulty {gadget}", "T|poor signal", "T|slow broadband",
    "H|cold food", "H|tired rooms", "K|card problems",
};
static const char *const QUALITY_FPOS[] = {
    "G|great quality", "Y|good products", "G|excellent quality", "Y|well made",
    "Y|fresh food", "Y|lovely {item}", "T|great signal", "T|fast broadband", "H|great food",
    "H|comfy bed", "K|good account features",
};

static const char *const DELIVERY_LATE_NEG[] = {
    "G|my parcel arrived {ndays} days late",
    "G|the delivery was late again",
    "G|the order was supposed to come on {day} and turned up the following week",
    "G|next day delivery took over a week",
    "G|still waiting for my order after {days}",
    "G|the tracking said \"out for delivery\" for three days",
    "Y|the delivery slot was missed with no warning",
    "Y|I paid for express delivery and it came a week late",
    "G|the order never arrived",
    "G|my parcel has been stuck at the depot for {ndays} days",
    "G|the delivery date keeps being pushed back",
    "G|I stayed in all day and the parcel never came",
    "G|the courier marked it as delivered but nothing arrived",
    "G|it took {days} to arrive, by which time I'd bought one elsewhere",
    "Y|I needed it for a birthday and it arrived {ndays} days too late",
    "G|late delivery, again",
    "G|order {order} still hasn't turned up",
    "G|the {item} was meant to be delivered on {day} and I'm still waiting",
    "G|I never received my parcel",
    "G|delivery took {days} when it said 2-3 days",
    "K|my new card took {days} to arrive",
    "K|the replacement card never arrived",
    "K|the PIN arrived but the card didn't",
};
static const char *const DELIVERY_OTHER_NEG[] = {
    "G|the parcel arrived damaged",
    "G|the courier left it in the rain on the doorstep",
    "G|the box was crushed and the {gadget} was scratched",
    "G|the driver threw the parcel over the gate",
    "G|the driver didn't wait for me to get to the door",
    "G|it was left with a neighbour I've never met",
    "G|the courier left a card instead of knocking",
    "G|the {gadget} arrived broken",
    "G|the driver left the parcel in the bin",
    "K|my card was sent to my old address even though I'd updated it",
};
static const char *const DELIVERY_POS[] = {
    "G|delivery was {int} quick",
    "G|it arrived the next day",
    "G|my order came a day earlier than expected",
    "G|the courier was friendly and on time",
    "Y|it was delivered within the hour slot they gave me",
    "G|tracking was accurate and the parcel arrived when promised",
    "G|fast delivery and well packaged",
    "Y|the driver was careful and brought it inside",
    "G|the parcel arrived in perfect condition",
    "Y|free next day delivery is brilliant",
    "Y|click & collect was ready in an hour",
    "G|no issues with delivery",
    "G|the {item} arrived on {day} as promised",
    "K|my new card arrived the next day",
    "K|the replacement card came really quickly",
};
static const char *const DELIVERY_FNEG[] = {
    "G|late delivery", "G|parcel never arrived", "G|damaged parcel", "G|slow delivery",
    "G|useless courier", "G|missed delivery", "G|delivery delays", "G|late again",
    "K|card never arrived",
};
static const char *const DELIVERY_FPOS[] = {
    "G|fast delivery", "G|quick delivery", "G|on time delivery", "Y|next day delivery",
    "G|well packaged", "G|speedy delivery", "K|card arrived quickly",
};

static const char *const ACCURACY_NEG[] = {
    "G|I received the wrong item",
    "Y|they sent the wrong size",
    "Y|half my order was missing",
    "G|two items were missing from the parcel",
    "G|they sent me a completely different {item}",
    "G|the order was incomplete and nobody told me",
    "Y|the substitutions were ridiculous",
    "Y|I got a blue one when I ordered black",
    "H|my room service order was wrong",
    "G|the {item} in the box wasn't the one I ordered",
    "H|the booking was for a double room and we got twin beds",
    "Y|the wrong colour arrived for the second time",
    "Y|items were missing from my click & collect order",
    "G|I paid for 3 and only 2 turned up",
    "H|they had no record of our booking",
    "T|they put me on the wrong tariff",
};
static const char *const ACCURACY_POS[] = {
    "G|everything I ordered was there and correct",
    "G|the order was spot on",
    "G|no problems at all with the order",
    "G|everything arrived exactly as described",
    "G|all items present and correct",
    "Y|the order was accurate and neatly packed",
    "G|not a single thing missing",
    "H|the room was exactly what we booked",
    "T|everything was set up exactly as agreed",
};
static const char *const ACCURACY_FNEG[] = {
    "G|wrong item", "G|missing items", "Y|wrong size sent", "G|incomplete order",
    "G|wrong order", "H|wrong room", "T|wrong tariff",
};
static const char *const ACCURACY_FPOS[] = {
    "G|order correct", "G|accurate order", "G|everything as ordered", "G|nothing missing",
    "H|room as booked",
};

static const char *const AVAIL_NEG[] = {
    "SY|half the shelves were empty",
    "G|the {item} I wanted was out of stock again",
    "Y|the website said in stock but the shop didn't have it",
    "Y|they never have my size",
    "G|it was out of stock online and in store",
    "G|they cancelled my order for being out of stock after taking payment",
    "K|the next appointment at the branch was three weeks away",
    "G|the item has been on back order for weeks with no date",
    "SY|no bread at 10am on a Saturday",
    "SY|the offer was advertised but nothing was left by lunchtime",
    "T|the phone I wanted has been out of stock for a month",
    "H|the restaurant was fully booked even for hotel guests",
};
static const char *const AVAIL_POS[] = {
    "Y|everything was in stock",
    "Y|good range and plenty of stock",
    "G|they had exactly what I was looking for",
    "Y|they ordered in my size and called when it arrived",
    "Y|great selection to choose from",
    "SY|the shelves were fully stocked for once",
    "K|I got an appointment the same day",
    "T|the new phone was in stock straight away",
    "H|they found us a table even though we hadn't booked",
};
static const char *const AVAIL_FNEG[] = {
    "G|out of stock", "SY|empty shelves", "Y|poor availability", "Y|limited range",
    "Y|nothing in my size", "K|no appointments", "H|fully booked",
};
static const char *const AVAIL_FPOS[] = {
    "Y|good range", "Y|well stocked", "Y|great selection", "G|good choice",
    "K|easy to get an appointment", "H|got a table easily",
};

static const char *const CLEAN_NEG[] = {
    "SY|the store was filthy",
    "the toilets were disgusting",
    "SY|there was rubbish all over the floor",
    "SY|the changing rooms were dirty with clothes everywhere",
    "H|the room was dirty and smelled of smoke",
    "sticky tables and overflowing bins",
    "H|there was hair in the bathroom",
    "SY|the trolleys were filthy",
    "the place hasn't been cleaned in weeks by the look of it",
    "H|the sheets had stains on them",
};
static const char *const CLEAN_POS[] = {
    "SY|the store was spotless",
    "really clean and tidy",
    "H|the room was immaculate",
    "it's always clean and well kept",
    "the toilets were clean for once",
    "nice and clean",
    "H|the bathroom was sparkling",
};
static const char *const CLEAN_FNEG[] = {
    "SY|dirty store", "filthy toilets", "untidy", "SY|messy shop", "dirty", "H|dirty room",
};
static const char *const CLEAN_FPOS[] = {
    "SY|clean store", "clean and tidy", "spotless", "very clean", "H|clean room",
};

static const char *const DIGITAL_NEG[] = {
    "the app keeps crashing",
    "G|the app crashed {times} at checkout",
    "I couldn't log in to the app",
    "G|the website kept timing out at payment",
    "G|checkout just spins and never finishes",
    "I had to reset my password {times}",
    "the app logs me out every time I switch screens",
    "the website is slow and confusing",
    "Y|the promo code wouldn't work on the website",
    "G|the app won't load my orders",
    "K|the banking app is down every other day",
    "G|the app wouldn't accept my card",
    "G|I couldn't find the order tracking anywhere on the site",
    "B|the latest app update broke everything",
    "B|the app has been broken for weeks",
    "the website said error 500 every time I tried to pay",
    "the app froze halfway through the payment",
    "the app is a disaster",
    "I gave up on the app and had to phone instead",
    "K|I couldn't make a transfer in the app for three days",
    "H|the booking website kept crashing",
    "T|the app shows the wrong data allowance",
};
static const char *const DIGITAL_POS[] = {
    "the app is easy to use",
    "the website is clear and quick",
    "G|checkout was smooth",
    "G|ordering online was really simple",
    "G|the app makes it easy to track orders",
    "K|I love the banking app",
    "the website is easy to navigate",
    "H|booking online was really easy",
    "F|the new app is much better than the old one",
    "F|since the update the app has been great",
    "F|the app works properly now, finally",
    "FG|checkout is much quicker since the update",
    "F|the app doesn't crash anymore",
    "F|whoever fixed the app, thank you",
    "F|logging in is so much easier since the update",
};
static const char *const DIGITAL_FNEG[] = {
    "app crashes", "website issues", "login problems", "buggy app", "G|checkout errors",
    "slow website", "app keeps crashing", "B|broken app",
};
static const char *const DIGITAL_FPOS[] = {
    "easy app", "good website", "G|easy online ordering", "G|smooth checkout", "great app",
    "F|much better app", "F|app fixed",
};

static const char *const COMMS_NEG[] = {
    "nobody called me back like they promised",
    "G|I never received any updates on my order",
    "emails go unanswered",
    "G|no one bothered to let me know about the delay",
    "I had to chase them {times} for an update",
    "they said someone would be in touch within 48 hours and I'm still waiting",
    "the only updates were automated emails that said nothing",
    "G|I got a text saying it was delivered when it wasn't",
    "I got contradicting messages from different departments",
    "my complaint was never acknowledged",
    "they closed my ticket without replying",
    "no follow up whatsoever",
};
static const char *const COMMS_POS[] = {
    "they kept me updated the whole way",
    "{name} called me back exactly when promised",
    "communication was clear throughout",
    "G|I got a text as soon as the order was dispatched",
    "they followed up the next day to check everything was ok",
    "I was told exactly what was happening at every stage",
    "I got a quick reply to my email",
    "G|they let me know about the delay before I had to ask",
};
static const char *const COMMS_FNEG[] = {
    "no communication", "no follow up", "no updates", "poor communication",
    "never called back", "ignored emails",
};
static const char *const COMMS_FPOS[] = {
    "good communication", "kept informed", "great follow up", "regular updates",
};

static const char *const RESOLUTION_NEG[] = {
    "my problem is still not resolved",
    "nobody seems able to fix this",
    "I have been passed from department to department",
    "the issue is still ongoing after {days}",
    "this is the {nth} time I've had to complain about the same thing",
    "they offered a {sprice} voucher as if that fixes anything",
    "they keep saying it's been escalated but nothing happens",
    "T|the engineer didn't turn up and the fault is still there",
    "they refused to take responsibility",
    "no one could sort out the problem",
    "I was told it would be fixed in 24 hours, that was {days} ago",
    "my complaint was closed without any resolution",
    "I've explained the same problem to {times} different people",
};
static const char *const RESOLUTION_POS[] = {
    "they sorted the problem straight away",
    "P|{name} fixed it on the first call",
    "the issue was resolved quickly and with no fuss",
    "they put things right and added a goodwill gesture",
    "the problem was fixed the same day",
    "they handled my complaint brilliantly",
    "they owned the mistake and fixed it",
    "{name} resolved everything in one go",
    "T|the engineer came out the next day and fixed the fault",
    "H|they moved us to a better room straight away",
};
static const char *const RESOLUTION_FNEG[] = {
    "unresolved issue", "problem not fixed", "no resolution", "passed around",
    "still not sorted",
};
static const char *const RESOLUTION_FPOS[] = {
    "problem solved", "quick resolution", "issue fixed", "sorted quickly",
};

static const char *const EFFORT_NEG[] = {
    "way too much hassle for something so simple",
    "I had to fill in the same form {times}",
    "such a faff to get anything done",
    "the process is {int} complicated",
    "K|why do I have to go into a branch to change my address in this day and age",
    "I had to repeat my details to every person I spoke to",
    "X|I needed to phone, email and visit the store to get one thing done",
    "it shouldn't be this hard to give you my money",
    "I had to jump through hoops just to speak to someone",
    "I had to take a morning off work to sort it out",
    "K|opening an account took {days} and endless paperwork",
};
static const char *const EFFORT_POS[] = {
    "so easy from start to finish",
    "it was all really straightforward",
    "hassle free",
    "the whole process was simple",
    "it couldn't have been easier",
    "quick and painless",
    "no fuss at all",
    "easy to sort out online",
    "X|it took two minutes to set up",
    "K|opening the account took ten minutes on my phone",
};
static const char *const EFFORT_FNEG[] = {
    "too much hassle", "complicated process", "difficult process", "a real faff",
};
static const char *const EFFORT_FPOS[] = {
    "easy", "hassle free", "simple process", "straightforward", "convenient",
};

static const char *const ENVIRON_NEG[] = {
    "SY|the store layout is confusing and nothing is where it should be",
    "the music was far too loud",
    "SY|the shop was freezing",
    "SY|the aisles were blocked with cages and boxes",
    "the car park is a nightmare",
    "SY|the store felt run down",
    "SY|the lift was broken so I had to carry the pushchair up the stairs",
    "SY|they've moved everything around again",
    "H|the room was next to the lift and really noisy",
    "H|the air con didn't work and the room was roasting",
    "H|the pool was closed with no warning",
    "SK|the branch is tiny and there's nowhere to sit",
    "ST|the shop is tiny and always cramped",
};
static const char *const ENVIRON_POS[] = {
    "SY|nice store, easy to find things",
    "lovely atmosphere",
    "SY|the new layout is great",
    "SY|the store is bright and spacious",
    "plenty of parking",
    "SY|it's a pleasant place to shop",
    "SY|the café in store is a nice touch",
    "H|the room had a gorgeous view",
    "H|lovely quiet room",
    "SK|the refurbished branch is really nice",
};
static const char *const ENVIRON_FNEG[] = {
    "SY|cramped store", "SY|confusing layout", "poor parking", "too noisy", "H|noisy room",
};
static const char *const ENVIRON_FPOS[] = {
    "SY|nice store", "SY|good layout", "nice atmosphere", "easy parking", "H|great views",
};

static const char *const RETURNS_NEG[] = {
    "Y|returning anything is a nightmare",
    "SY|they refused to accept my return even though I had the receipt",
    "G|the returns label never arrived",
    "G|I had to pay to send back a faulty {gadget}",
    "G|they lost my return and now say they never received it",
    "G|the exchange was refused because I'd opened the box",
    "Y|they would only give store credit, no refund",
    "OY|the returns portal on the website doesn't work",
    "G|my return has been \"processing\" for {days}",
    "T|they charged me for not returning the old router, which I had sent back",
};
static const char *const RETURNS_POS[] = {
    "Y|returns were easy",
    "SY|they swapped the size in store, no questions asked",
    "G|the exchange was quick and simple",
    "Y|free returns and an easy process",
    "G|I dropped the return off at the post office and had the refund two days later",
    "SY|they accepted the return without a receipt",
};
static const char *const RETURNS_FNEG[] = {
    "G|difficult returns", "G|return refused", "G|lost return", "G|returns hassle",
};
static const char *const RETURNS_FPOS[] = {
    "G|easy returns", "Y|free returns", "G|easy exchange",
};

static const char *const CHURN_NEG[] = {
    "T|I will be cancelling my contract",
    "I'm switching to {rival}",
    "I'll be taking my business elsewhere",
    "Y|never shopping here again",
    "K|I'm closing my account",
    "I'm seriously considering leaving after {years} years",
    "T|I'll be moving to {rival} as soon as my contract ends",
    "you've lost a customer",
    "G|I won't be ordering from you again",
    "K|I'll be moving my mortgage elsewhere",
    "X|after {years} years as a customer I'm done",
    "I'm off to {rival}",
    "Y|I'll be cancelling my membership",
    "H|we won't be staying here again",
    "H|never again, we'll be booking elsewhere",
};
static const char *const CHURN_POS[] = {
    "X|I've been a customer for {years} years and wouldn't go anywhere else",
    "G|I'll definitely be ordering again",
    "this is why I keep coming back",
    "X|I switched from {rival} and I'm so glad I did",
    "customer for life",
    "X|I'll definitely be staying with you",
    "H|we'll definitely stay again",
};
static const char *const CHURN_FNEG[] = {
    "T|cancelling", "T|switching provider", "lost a customer", "never again",
};
static const char *const CHURN_FPOS[] = {
    "X|loyal customer", "will be back", "customer for life",
};

#define TH(n, w0, w1, w2, w3, w4, p, in, ip)                                       \
    { BANK(n##_NEG), BANK(n##_POS), BANK(n##_FNEG), BANK(n##_FPOS),                \
      { w0, w1, w2, w3, w4 }, p, in, ip }

const theme_t THEMES[N_THEMES] = {
    /*                 web app store phone chat  p_neg  neg   pos */
    TH(STAFF_ATT,       3,  2,  30,  25,  18,      260, -400, 130),
    TH(STAFF_KNOW,      3,  2,  18,  20,  18,      260, -270, 100),
    TH(WAIT,            4,  3,  18,  40,  14,      360, -270, 80),
    TH(PRICE,          14, 14,  14,   8,   6,      400, -220, 80),
    TH(BILLING,         8,  8,   4,  22,  18,      580, -380, 80),
    TH(QUALITY,        14, 14,  14,   5,   4,      260, -300, 100),
    { BANK(DELIVERY_LATE_NEG), BANK(DELIVERY_POS), BANK(DELIVERY_FNEG),
      BANK(DELIVERY_FPOS), { 30, 30, 3, 12, 16 }, 300, -340, 100 },
    TH(ACCURACY,       12, 12,   2,   5,   7,      620, -340, 60),
    TH(AVAIL,           8,  8,  14,   2,   2,      480, -200, 60),
    TH(CLEAN,           0,  0,  12,   0,   0,      260, -240, 60),
    TH(DIGITAL,        20, 30,   1,   3,   5,      580, -240, 80),
    TH(COMMS,           9,  9,   6,  14,  14,      440, -300, 80),
    TH(RESOLUTION,      5,  5,   8,  22,  24,      360, -400, 150),
    TH(EFFORT,         10, 10,   8,  12,  10,      320, -270, 100),
    TH(ENVIRON,         0,  0,  14,   0,   0,      280, -140, 60),
    TH(RETURNS,         9,  9,  10,   6,   7,      360, -300, 100),
    TH(CHURN,           0,  0,   0,   0,   0,      680, -200, 60),
};
const bank_t DELIVERY_OTHER = BANK(DELIVERY_OTHER_NEG);

/* Mention rate of each theme by industry, percent of the retail rate. */
const int INDUSTRY_MULT[N_INDUSTRIES][N_DRAWN_THEMES] = {
    /* att know wait price bill qual deliv acc avail clean digi comm reso effo env  ret */
    { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 },
    { 100, 120, 120, 120, 200, 100,  30,  20,  20,   0, 100, 120, 160, 100,  30,  20 },
    { 100, 120, 100,  80, 200,  30,  15,   0,  30,   0, 160, 120, 140, 140,  40,   0 },
    { 150,  60, 100, 120,  80, 120,   0,  40,  30, 250,  40,  60, 100,  60, 200,   0 },
};
const int INDUSTRY_WEIGHTS[N_INDUSTRIES] = { 78, 9, 7, 6 };

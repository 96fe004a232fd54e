/*
 * generate.c - verbatim-gen, a seeded generator of synthetic customer-experience
 * survey exports (NPS score + free-text comment) for demos, tests and benchmarks.
 *
 * Each row is drawn from a small causal model: a channel and region, a date, a
 * latent customer disposition, one to four mentioned themes (late delivery, rude
 * staff, billing errors, ...) each with a polarity, and a score that those themes
 * drive (plus noise). The comment is then written from a bank of phrases for each
 * theme and polarity, joined with openers, connectors and closers, and passed
 * through "real export" noise: lowercase typing, typos, shouting, emoji, smart
 * quotes, HTML entities, line breaks. A story is planted in the model (see
 * corpus/README.md) so that the analyses have something real to find.
 *
 * Portability: only libc, no malloc, no floating point. Everything is integer
 * arithmetic on a xoshiro256** stream seeded with splitmix64, so a seed gives the
 * same bytes on every platform and compiler. Output goes through one large static
 * buffer, so memory is constant whatever the size of the corpus.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------- */
/* Random numbers                                                            */
/* ------------------------------------------------------------------------- */

typedef struct {
    uint64_t s[4];
} rng_t;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static void rng_seed(rng_t *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng_t *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in [0, n), n < 2^32 (multiply-shift; the bias is far below noise). */
static uint32_t rng_below(rng_t *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per_mille / 1000. */
static int chance(rng_t *r, int per_mille)
{
    return (int)rng_below(r, 1000) < per_mille;
}

/* Approximately N(0, 1) scaled by 100 (Irwin-Hall of 4 uniforms). */
static int rng_normal100(rng_t *r)
{
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += (int)rng_below(r, 1000);
    return (sum - 2000) * 100 / 577;
}

/* ------------------------------------------------------------------------- */
/* Phrase bank                                                               */
/*                                                                           */
/* Clauses start in lower case (they may follow "but"); sentence starts are  */
/* capitalised when placed. {slot}s are filled at random (put_template).     */
/* An optional "TAGS|" prefix restricts an entry; every tag must hold:       */
/*   channel  S store, P phone, C chat, R phone or chat, O web or app,      */
/*            W web, A app, N not store                                      */
/*   industry Y retail, T telco, K bank, H hotel, G retail or telco (goods), */
/*            X not hotel                                                    */
/*   story    F the app has been fixed, B it has not                         */
/* Untagged entries suit every row.                                          */
/* ------------------------------------------------------------------------- */

typedef struct {
    const char *const *s;
    uint32_t n;
} bank_t;

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BANK(a) { a, (uint32_t)NELEM(a) }

/* --- slot fillers --- */
static const char *const INTENSIFIERS[] = {
    "very", "really", "so", "super", "extremely", "incredibly", "soooo", "sooo",
    "really really", "quite", "", "", "very very", "genuinely", "pretty", "so so",
};
/* Retail items; the first N_GADGETS are electrical (they break, have batteries). */
static const char *const ITEMS[] = {
    "laptop", "washing machine", "kettle", "TV", "pair of headphones", "coffee machine",
    "printer", "vacuum cleaner", "microwave", "tablet", "fridge freezer", "smartwatch",
    "toaster", "food processor", "monitor", "games console", "hairdryer",
    "sofa", "pair of trainers", "phone case", "dress", "jacket", "mattress", "hoodie",
    "pair of jeans", "desk chair", "lamp", "pushchair", "garden table", "set of pans",
    "rug", "winter coat", "school uniform", "birthday present", "bike", "wardrobe",
    "pair of boots", "duvet", "bookcase",
};
enum { N_GADGETS = 17 };
static const char *const TELCO_ITEMS[] = {
    "router", "new phone", "SIM card", "handset", "broadband hub", "TV box", "tablet",
    "replacement phone",
};
static const char *const NAMES[] = {
    "Sarah", "Tom", "Priya", "James", "Aisha", "Mark", "Chloe", "Daniel", "Fatima",
    "Kevin", "Olga", "Luis", "Mei", "Jo", "Ben", "Hannah", "Raj", "Emma", "Connor",
    "Grace", "Tariq", "Nicole", "Sam", "Lucy", "Marek", "Dave", "Zainab", "Ellie",
};
static const char *const STAFF_STORE_RETAIL[] = {
    "the lady at the till", "the manager", "the cashier", "the guy on the shop floor",
    "the young lad on the tills", "the woman at customer services", "the staff member",
    "the assistant", "the supervisor", "the man at the returns desk",
};
static const char *const STAFF_STORE_TELCO[] = {
    "the guy in the shop", "the sales assistant", "the store manager", "the lad who served me",
    "the lady in the shop",
};
static const char *const STAFF_STORE_BANK[] = {
    "the cashier", "the branch manager", "the lady at the counter", "the advisor in the branch",
    "the man at the desk",
};
static const char *const STAFF_STORE_HOTEL[] = {
    "the receptionist", "the night manager", "the waiter", "the duty manager",
    "the lady at reception", "the porter",
};
static const char *const STAFF_PHONE[] = {
    "the advisor", "the man on the phone", "the lady I spoke to", "the agent",
    "the person I spoke to", "the call centre agent", "the supervisor", "the advisor I got",
};
static const char *const STAFF_CHAT[] = {
    "the chat agent", "the advisor", "the person on the live chat", "the agent",
    "whoever was on the chat", "the second agent",
};
static const char *const STAFF_ONLINE_GOODS[] = {
    "the driver", "customer services", "the agent", "the advisor", "the courier",
    "the person on the helpline",
};
static const char *const STAFF_ONLINE_OTHER[] = {
    "customer services", "the agent", "the advisor", "the person on the helpline",
    "the team",
};
static const char *const RIVALS_RETAIL[] = {
    "Brightmart", "a competitor", "the shop down the road", "Hollis & Co",
    "the supermarket next door", "one of your competitors", "Amberline", "Brightmart",
};
static const char *const RIVALS_TELCO[] = {
    "Zentel", "Vireo Mobile", "another provider", "a competitor", "Zentel",
};
static const char *const RIVALS_BANK[] = {
    "Kestrel Bank", "Fairway Building Society", "another bank", "a competitor",
    "an online bank",
};
static const char *const RIVALS_HOTEL[] = {
    "the hotel across the road", "Harbour Inn", "a competitor", "an Airbnb",
};
static const char *const DURATIONS_SHORT[] = {
    "two minutes", "a couple of minutes", "five minutes", "under a minute",
    "about 3 minutes", "a few minutes", "a minute or so", "about a minute",
};
static const char *const DURATIONS_DAYS[] = {
    "two weeks", "10 days", "three weeks", "over a month", "six weeks", "a fortnight",
    "nearly a month", "5 weeks", "a week", "12 days", "over two weeks",
};
static const char *const TIMES[] = {
    "three times", "twice", "four times", "5 times", "several times", "multiple times",
    "about six times", "three separate times", "countless times",
};
static const char *const DAYS[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "the 12th",
    "the weekend", "the 3rd", "my day off",
};
static const char *const NTH[] = { "third", "fourth", "fifth", "third", "sixth" };

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

enum {
    T_STAFF_ATT, T_STAFF_KNOW, T_WAIT, T_PRICE, T_BILLING, T_QUALITY, T_DELIVERY,
    T_ACCURACY, T_AVAIL, T_CLEAN, T_DIGITAL, T_COMMS, T_RESOLUTION, T_EFFORT,
    T_ENVIRON, T_RETURNS, T_CHURN, N_THEMES
};
enum { CH_WEB, CH_APP, CH_STORE, CH_PHONE, CH_CHAT, N_CHANNELS };
enum { IN_RETAIL, IN_TELCO, IN_BANK, IN_HOTEL, N_INDUSTRIES };
enum { N_REGIONS = 5 };
#define N_DRAWN_THEMES T_CHURN /* churn is added from the score, not drawn */

typedef struct {
    bank_t neg, pos, fneg, fpos;       /* clauses and fragments by polarity */
    int weight[N_CHANNELS];            /* relative mention rate per channel */
    int p_neg;                         /* per mille, before disposition */
    int imp_neg, imp_pos;              /* effect on the score, 1/100 points */
} theme_t;

#define TH(n, w0, w1, w2, w3, w4, p, in, ip)                                       \
    { BANK(n##_NEG), BANK(n##_POS), BANK(n##_FNEG), BANK(n##_FPOS),                \
      { w0, w1, w2, w3, w4 }, p, in, ip }

static const theme_t THEMES[N_THEMES] = {
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
static const bank_t DELIVERY_OTHER = BANK(DELIVERY_OTHER_NEG);

/* Mention rate of each theme by industry, percent of the retail rate. */
static const int INDUSTRY_MULT[N_INDUSTRIES][N_DRAWN_THEMES] = {
    /* att know wait price bill qual deliv acc avail clean digi comm reso effo env  ret */
    { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 },
    { 100, 120, 120, 120, 200, 100,  30,  20,  20,   0, 100, 120, 160, 100,  30,  20 },
    { 100, 120, 100,  80, 200,  30,  15,   0,  30,   0, 160, 120, 140, 140,  40,   0 },
    { 150,  60, 100, 120,  80, 120,   0,  40,  30, 250,  40,  60, 100,  60, 200,   0 },
};
static const int INDUSTRY_WEIGHTS[N_INDUSTRIES] = { 78, 9, 7, 6 };

/* --- comments without a theme --- */
static const char *const GENERIC_PROMOTER[] = {
    "Great", "Excellent", "Great service", "Excellent service as always", "Very happy",
    "Love it", "Brilliant", "Perfect", "All good", "Great experience overall", "Amazing",
    "Keep up the good work", "No complaints", "Always a pleasure", "Happy with everything",
    "Couldn't fault it", "5 stars", "Top notch", "Superb", "Very satisfied", "Great job",
    "Fantastic", "10/10", "Really pleased", "Everything was fine, thank you", "thanks",
    "great", "Excellent!!", "Very good", "good service", ":)", "👍", "=)", "Spot on",
    "No problems at all", "Always good", "Lovely", "Can't fault anything", "very good",
    "Excellent service, thank you", "Best in the business",
};
static const char *const GENERIC_PASSIVE[] = {
    "ok", "Fine", "good", "Average", "Not bad", "It was ok", "Decent", "Nothing special",
    "Could be better", "Good but not great", "fine thanks", "Satisfied", "no real complaints",
    "Meh", "As expected", "All fine", "Not bad at all", "Reasonable", "OK", "okay",
    "Good enough", "Alright", "fine", "It did the job", "Pretty standard", "So so",
    "Usual", "Room for improvement", "average experience",
};
static const char *const GENERIC_DETRACTOR[] = {
    "Terrible", "Awful service", "Very poor", "Rubbish", "Disappointed", "Not happy",
    "Worst experience ever", "Poor", "Shocking", "Useless", "Appalling", "Not good enough",
    "Never again", "Avoid", "Very disappointed", "bad", "Poor service", "Awful",
    "terrible service", "Shambles", "Disgraceful", "Absolute joke", "Not impressed",
};
static const char *const GENERIC_NONE[] = {
    "n/a", "N/A", "none", "-", ".", "no comment", "Nothing to add", "nothing", "na",
    "No", "?", "see above", "x", "nil", "no comments", "None", "NA", "...", "Nothing",
};

/* --- openers, connectors, closers --- */
static const char *const PREFIX_ANY[] = {
    "Honestly, ", "To be honest ", "Tbh ", "Overall ", "Just to say ", "Honestly ",
    "I have to say ", "This time ", "Today ", "On this occasion ", "Well, ", "I must say ",
    "To be fair, ", "FYI ", "Tbh, ",
};
static const char *const PREFIX_NEG[] = {
    "Unfortunately ", "Yet again ", "Not for the first time, ", "Sadly ", "Once again ",
    "As usual ", "Annoyingly ",
};
static const char *const PREFIX_POS[] = {
    "Really pleased, ", "Happy to say ", "Pleasantly surprised, ", "As always, ",
    "For once ", "Great news, ",
};
static const char *const OPEN_NEG[] = {
    "Where do I start.", "Really disappointed.", "Not happy at all.", "What a joke.",
    "Awful experience from start to finish.",
    "I never normally leave feedback but I have to this time.",
    "This is the second time this month.", "Very frustrating experience.",
    "Not impressed.", "Long time customer here.", "Where to begin...",
    "N|I'm writing this because nobody answers the phone.", "Absolutely fuming.",
};
static const char *const OPEN_POS[] = {
    "Great experience!", "Very happy.", "Excellent as always.",
    "X|First time using you and very impressed.", "What a lovely experience.",
    "Just wanted to say thank you.", "Really good experience this time.",
    "Can't complain.", "H|First stay here and very impressed.",
};
static const char *const OPEN_MIXED[] = {
    "Mixed experience.", "Bit of a mixed bag.", "Good and bad.", "Mostly ok.",
    "Some good, some bad.", "Hmm.",
};
static const char *const OPEN_STORE[] = {
    "Popped in on my lunch break.", "Y|Went in to buy a {item}.",
    "Y|Visited the store on {day}.", "Y|Went in with my kids.", "K|Called into the branch.",
    "K|Went into the branch to open an account.", "H|Stayed two nights for a wedding.",
    "H|Checked in on {day}.", "H|Weekend break with my partner.",
    "T|Went into the shop to upgrade my phone.", "T|Went in to get a new SIM.",
};
static const char *const OPEN_PHONE[] = {
    "T|Called about my bill.", "Rang to change my address.", "G|Phoned about my order.",
    "Called about a refund.", "Rang customer services.", "K|Called to report a lost card.",
    "H|Rang to change our booking.", "T|Called about my broadband.",
    "Y|Phoned to check on a {item}.",
};
static const char *const OPEN_CHAT[] = {
    "G|Used the live chat about a missing parcel.", "Contacted you on chat.",
    "Used the chat for the first time.", "G|Messaged about my order.",
    "K|Used the chat to query a payment.", "T|Used the chat to ask about my contract.",
};
static const char *const OPEN_ONLINE[] = {
    "WG|Ordered a {item} online.", "AG|Ordered through the app.",
    "Y|Bought a {item} for my daughter.", "G|Ordered on {day}.", "WY|First online order.",
    "Y|Ordered a {item} as a gift.", "H|Booked online.", "AH|Booked through the app.",
    "K|Opened my account online.", "T|Upgraded online.", "AK|I use the app for all my banking.",
};
static const char *const CONTRAST[] = {
    " but ", ", but ", ". However, ", "; however, ", ". But ", ". That said, ",
    ". On the other hand, ", ". Still, ", ". Having said that, ", " but ", ", but ",
    " - but ", "... but ", ". But ",
};
static const char *const CONTRAST_TO_NEG[] = {
    ". Unfortunately ", ". Only downside: ", ". On the downside, ", ". Only complaint: ",
    ". Downside - ",
};
static const char *const CONTRAST_TO_POS[] = {
    ". On the plus side, ", ". To be fair, ", ". Credit where it's due, ", ". Luckily ",
    ". In fairness, ",
};
static const char *const ADDITIVE[] = {
    " and ", ", and ", ". Also ", ". ", ". ", ", plus ", ". And ", " and also ", ". Also, ",
    ", ", " - ", ". ", " and ",
};
static const char *const ADDITIVE_NEG[] = {
    ". On top of that, ", ". Not only that, ", ". To make it worse, ", ". And then ",
    ". And of course ",
};
static const char *const ADDITIVE_POS[] = {
    ". What's more, ", ". Plus ", ". And ", ". Also, ",
};
static const char *const DETAIL_NEG[] = {
    "Absolutely ridiculous.", "I couldn't believe it.", "Unacceptable.",
    "How is that acceptable?", "This happens every single time.", "I'm fuming.",
    "It's not the first time either.", "Nobody seems to care.", "Seriously?",
    "Why is this so difficult?", "I've had enough.", "What a waste of time.",
    "Total shambles.", "I'm so fed up.", "Beyond a joke.",
};
static const char *const DETAIL_POS[] = {
    "Really impressed.", "Made my day.", "Can't thank them enough.",
    "Such a nice change.", "Brilliant.", "Exactly what you want.", "Very pleased.",
};
static const char *const CLOSE_PROMOTER[] = {
    "Would definitely recommend.", "Will be back!", "Thanks!", "Thank you!", "Keep it up.",
    "Highly recommend.", "Thanks {name}!", "10/10 would recommend.", "Very happy customer.",
    "Great job everyone.", "Will recommend to friends and family.", "Thank you so much.",
    "Well done.", "Keep up the good work!",
};
static const char *const CLOSE_PASSIVE[] = {
    "Could be better.", "Room for improvement.", "Otherwise fine.", "Overall ok.",
    "Not bad overall.", "Would probably use again.", "Just about ok.", "Decent enough.",
    "Otherwise no complaints.", "Fine otherwise.",
};
static const char *const CLOSE_DETRACTOR[] = {
    "Not impressed.", "Very disappointed.", "Sort it out.", "Absolutely shocking.",
    "Do better.", "Appalling service.", "Would not recommend.", "Avoid.", "Ridiculous.",
    "Not good enough.", "Disgraceful.", "Fix it.", "Sort yourselves out.",
};
static const char *const EMOJI_POS[] = {
    "👍", "🙂", "😊", "⭐⭐⭐⭐⭐", "❤️", "😀", ":)", ":-)", ":D", "👌", "🙏", "⭐", "👍👍",
    "😁", "🙌",
};
static const char *const EMOJI_NEG[] = {
    "😡", "👎", "🙁", ":(", ":-(", "😠", "🤬", "😤", "😞", "🙄", "😡😡😡", ">:(", "👎👎",
    "😩",
};
static const char *const EMOJI_MID[] = { "🤷", ":/", "😐", "🙂", "👍", "🤷‍♀️" };

/* Whole comments in other languages, by score band (promoter, passive, detractor). */
static const char *const FOREIGN_PROMOTER[] = {
    "Muy buen servicio, el pedido llegó antes de lo previsto.",
    "La atención fue excelente, muy amables.",
    "Très bon accueil, personnel souriant et efficace.",
    "Livraison rapide, rien à redire.",
    "Sehr freundliches Personal, gerne wieder!",
    "Schnelle Lieferung, alles bestens.",
    "Ottimo servizio, personale gentilissimo.",
    "Atendimento excelente, muito obrigado!",
    "Snelle levering en goed verpakt.",
    "Bardzo miła obsługa, polecam!",
    "Çok hızlı teslimat, teşekkürler.",
    "服务很好，送货很快。",
    "店員さんがとても親切でした。",
};
static const char *const FOREIGN_PASSIVE[] = {
    "Bien, aunque la entrega tardó un poco.",
    "Correct, mais l'application plante souvent.",
    "Ganz okay, aber die Preise sind gestiegen.",
    "Tutto bene, ma la consegna è stata lenta.",
    "Razoável, o site é um pouco confuso.",
    "Prima, maar de wachttijd was lang.",
    "Nic specjalnego, ceny trochę wysokie.",
};
static const char *const FOREIGN_DETRACTOR[] = {
    "El pedido llegó tarde y nadie me avisó.",
    "Pésimo servicio, estuve esperando más de una hora al teléfono.",
    "Colis jamais reçu et aucune réponse du service client.",
    "Trop cher pour la qualité, je suis déçu.",
    "Die Lieferung kam eine Woche zu spät. Sehr ärgerlich.",
    "Unfreundliche Mitarbeiter und lange Wartezeit an der Kasse.",
    "Ho aspettato quaranta minuti in linea, vergognoso.",
    "Fui cobrado duas vezes e ainda não recebi o reembolso.",
    "Pakket beschadigd aangekomen, erg teleurgesteld.",
    "Zamówienie przyszło niekompletne, brak kontaktu ze sklepem.",
    "التوصيل كان متأخرا جدا ولم يرد أحد على اتصالي.",
};

/* Common misspellings, applied in the "typos" style. */
static const char *const MISSPELL[][2] = {
    { "received", "recieved" }, { "definitely", "definately" },
    { "disappointed", "dissapointed" }, { "until", "untill" }, { "their", "there" },
    { "because", "becuase" }, { "which", "wich" }, { "really", "realy" },
    { "experience", "experiance" }, { "absolutely", "absolutly" },
    { "delivery", "delivary" }, { "service", "servise" }, { "minutes", "mins" },
    { "though", "tho" }, { "customer", "custumer" }, { "address", "adress" },
    { "arrived", "arived" }, { "you", "u" }, { "your", "ur" }, { "please", "pls" },
    { "parcel", "parcell" }, { "cancelling", "canceling" }, { "waiting", "wating" },
    { "refund", "refound" }, { "before", "b4" }, { "great", "grate" },
    { "friendly", "freindly" }, { "helpful", "helpfull" }, { "thanks", "thx" },
    { "people", "ppl" }, { "terrible", "terrable" }, { "again", "agian" },
};

static const char *const CHANNEL_NAMES[N_CHANNELS] = { "web", "app", "store", "phone", "chat" };
static const int CHANNEL_WEIGHTS[N_CHANNELS] = { 30, 24, 22, 14, 10 };
static const char *const REGION_NAMES[N_REGIONS] = { "North", "South", "East", "West", "Central" };
static const int REGION_WEIGHTS[N_REGIONS] = { 22, 21, 19, 20, 18 };
enum { R_NORTH = 0 };
/* Responses by hour of day (local time), relative. */
static const int HOUR_WEIGHTS[24] = {
    2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 13, 13, 14, 13, 12, 12, 12, 13, 14, 15, 14, 11, 7, 4,
};

/* ------------------------------------------------------------------------- */
/* Text assembly                                                             */
/* ------------------------------------------------------------------------- */

#define TEXT_CAP 16384 /* far above the longest comment the bank can build */

typedef struct {
    char p[TEXT_CAP];
    size_t len;
} text_t;

static void tput(text_t *t, const char *s, size_t n)
{
    if (n > TEXT_CAP - t->len) /* unreachable with the bank above; never split */
        return;
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

static void tputs(text_t *t, const char *s)
{
    tput(t, s, strlen(s));
}

static void tputu(text_t *t, unsigned long long v)
{
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    char o[24];
    for (int i = 0; i < n; i++)
        o[i] = d[n - 1 - i];
    tput(t, o, (size_t)n);
}

/* Uppercases the first ASCII letter at or after `from`, unless a digit comes first. */
static void capitalise_from(text_t *t, size_t from)
{
    for (size_t i = from; i < t->len; i++) {
        const char c = t->p[i];
        if (c >= 'a' && c <= 'z') {
            t->p[i] = (char)(c - 'a' + 'A');
            return;
        }
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return;
    }
}

typedef struct {
    int channel, region, industry;
    int month;           /* 0-based month within the range */
    int late_north;      /* the planted delivery problem applies */
    int app_fixed;       /* the app has been fixed (month index >= 3) */
    const char *item;    /* one product per comment, so the story hangs together */
    const char *gadget;  /* an electrical product (the item itself if it is one) */
    const char *name;    /* one member of staff per comment */
    const char *rival;
} ctx_t;

static int tag_ok(char tag, const ctx_t *c)
{
    switch (tag) {
    case 'S': return c->channel == CH_STORE;
    case 'P': return c->channel == CH_PHONE;
    case 'C': return c->channel == CH_CHAT;
    case 'R': return c->channel == CH_PHONE || c->channel == CH_CHAT;
    case 'O': return c->channel == CH_WEB || c->channel == CH_APP;
    case 'W': return c->channel == CH_WEB;
    case 'A': return c->channel == CH_APP;
    case 'N': return c->channel != CH_STORE;
    case 'Y': return c->industry == IN_RETAIL;
    case 'T': return c->industry == IN_TELCO;
    case 'K': return c->industry == IN_BANK;
    case 'H': return c->industry == IN_HOTEL;
    case 'G': return c->industry == IN_RETAIL || c->industry == IN_TELCO;
    case 'X': return c->industry != IN_HOTEL;
    case 'F': return c->app_fixed;
    case 'B': return !c->app_fixed;
    default: return 1;
    }
}

/* Returns the text of entry `s` if it suits the context (its "TAGS|" prefix
 * stripped), else NULL. */
static const char *entry_ok(const char *s, const ctx_t *c)
{
    for (int k = 0; k < 4 && s[k] != '\0'; k++) {
        if (s[k] == '|') {
            for (int j = 0; j < k; j++)
                if (!tag_ok(s[j], c))
                    return NULL;
            return s + k + 1;
        }
    }
    return s;
}

/* Picks an entry of `b` that suits the context, with its tags stripped. */
static const char *pick(rng_t *r, const bank_t *b, const ctx_t *c)
{
    for (int tries = 0; tries < 8; tries++) {
        const char *s = entry_ok(b->s[rng_below(r, b->n)], c);
        if (s != NULL)
            return s;
    }
    /* Few entries fit: choose uniformly among those that do. */
    uint32_t n_ok = 0;
    for (uint32_t i = 0; i < b->n; i++)
        n_ok += entry_ok(b->s[i], c) != NULL;
    if (n_ok == 0)
        return NULL;
    uint32_t k = rng_below(r, n_ok);
    for (uint32_t i = 0; i < b->n; i++) {
        const char *s = entry_ok(b->s[i], c);
        if (s != NULL && k-- == 0)
            return s;
    }
    return NULL;
}

#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)NELEM(arr))])

/* A sum of money: `kind` 's' small (a coffee), 'b' big (a hotel night), else any. */
static void put_price(text_t *t, rng_t *r, char kind)
{
    static const char *const PENCE[] = { "", "", ".99", ".50", ".49", ".95", ".00" };
    static const char *const SMALL_PENCE[] = { ".50", ".95", ".99", ".20", ".75", "" };
    unsigned pounds;
    if (kind == 's') {
        pounds = 2 + rng_below(r, 8);
    } else if (kind == 'b') {
        pounds = 60 + rng_below(r, 340);
    } else {
        const uint32_t u = rng_below(r, 100);
        pounds = u < 50 ? 3 + rng_below(r, 40) : u < 85 ? 40 + rng_below(r, 160)
                                                        : 200 + rng_below(r, 600);
    }
    tputs(t, "£");
    tputu(t, pounds);
    tputs(t, kind == 's' ? PICK(r, SMALL_PENCE) : PICK(r, PENCE));
}

static void put_staff(text_t *t, rng_t *r, const ctx_t *c)
{
    switch (c->channel) {
    case CH_STORE:
        switch (c->industry) {
        case IN_TELCO: tputs(t, PICK(r, STAFF_STORE_TELCO)); break;
        case IN_BANK: tputs(t, PICK(r, STAFF_STORE_BANK)); break;
        case IN_HOTEL: tputs(t, PICK(r, STAFF_STORE_HOTEL)); break;
        default: tputs(t, PICK(r, STAFF_STORE_RETAIL)); break;
        }
        break;
    case CH_PHONE: tputs(t, PICK(r, STAFF_PHONE)); break;
    case CH_CHAT: tputs(t, PICK(r, STAFF_CHAT)); break;
    default:
        if (c->industry == IN_RETAIL || c->industry == IN_TELCO)
            tputs(t, PICK(r, STAFF_ONLINE_GOODS));
        else
            tputs(t, PICK(r, STAFF_ONLINE_OTHER));
        break;
    }
}

/* Chooses the things a comment talks about, once, so "Ordered a kettle" is
 * followed by "the kettle arrived broken", not by some other product. */
static void ctx_pick_subjects(ctx_t *c, rng_t *r)
{
    if (c->industry == IN_TELCO) {
        c->item = c->gadget = PICK(r, TELCO_ITEMS);
    } else {
        const uint32_t i = rng_below(r, (uint32_t)NELEM(ITEMS));
        c->item = ITEMS[i];
        c->gadget = i < N_GADGETS ? ITEMS[i] : ITEMS[rng_below(r, N_GADGETS)];
    }
    c->name = PICK(r, NAMES);
    switch (c->industry) {
    case IN_TELCO: c->rival = PICK(r, RIVALS_TELCO); break;
    case IN_BANK: c->rival = PICK(r, RIVALS_BANK); break;
    case IN_HOTEL: c->rival = PICK(r, RIVALS_HOTEL); break;
    default: c->rival = PICK(r, RIVALS_RETAIL); break;
    }
}

/* Appends `tmpl` with its {slot}s filled in. An empty filler also drops the
 * space after it, so "{int} rude" can become "rude". */
static void put_template(text_t *t, rng_t *r, const ctx_t *c, const char *tmpl)
{
    const char *s = tmpl;
    while (*s != '\0') {
        const char *brace = strchr(s, '{');
        if (brace == NULL) {
            tputs(t, s);
            return;
        }
        tput(t, s, (size_t)(brace - s));
        const char *end = strchr(brace, '}');
        const size_t n = (size_t)(end - brace - 1);
        const char *name = brace + 1;
        s = end + 1;
#define SLOT(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
        if (SLOT("int")) {
            const char *w = PICK(r, INTENSIFIERS);
            if (*w == '\0') {
                if (*s == ' ')
                    s++;
            } else {
                tputs(t, w);
            }
        } else if (SLOT("item")) {
            tputs(t, c->item);
        } else if (SLOT("gadget")) {
            tputs(t, c->gadget);
        } else if (SLOT("staff")) {
            put_staff(t, r, c);
        } else if (SLOT("name")) {
            tputs(t, c->name);
        } else if (SLOT("rival")) {
            tputs(t, c->rival);
        } else if (SLOT("price")) {
            put_price(t, r, 'a');
        } else if (SLOT("sprice")) {
            put_price(t, r, 's');
        } else if (SLOT("bprice")) {
            put_price(t, r, 'b');
        } else if (SLOT("mins")) {
            /* phone waits are long: the planted story */
            tputu(t, c->channel == CH_PHONE ? 35 + rng_below(r, 70) : 15 + rng_below(r, 40));
        } else if (SLOT("sdur")) {
            tputs(t, PICK(r, DURATIONS_SHORT));
        } else if (SLOT("ndays")) {
            tputu(t, 2 + rng_below(r, 20));
        } else if (SLOT("days")) {
            tputs(t, PICK(r, DURATIONS_DAYS));
        } else if (SLOT("times")) {
            tputs(t, PICK(r, TIMES));
        } else if (SLOT("day")) {
            tputs(t, PICK(r, DAYS));
        } else if (SLOT("years")) {
            tputu(t, 2 + rng_below(r, 24));
        } else if (SLOT("nth")) {
            tputs(t, PICK(r, NTH));
        } else if (SLOT("order")) {
            tputs(t, rng_below(r, 2) ? "#" : "");
            tputu(t, 1000000 + rng_below(r, 9000000));
        }
#undef SLOT
    }
}

/* ------------------------------------------------------------------------- */
/* The model of one response                                                 */
/* ------------------------------------------------------------------------- */

enum { BAND_DETRACTOR, BAND_PASSIVE, BAND_PROMOTER };

typedef struct {
    int theme;
    int neg;   /* 1 = complaint, 0 = praise */
} mention_t;

typedef struct {
    mention_t m[6];
    int n;
    int score;
    int n_neg, n_pos;
} response_t;

static int band_of(int score)
{
    return score >= 9 ? BAND_PROMOTER : score >= 7 ? BAND_PASSIVE : BAND_DETRACTOR;
}

static int weighted(rng_t *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = (int)rng_below(r, (uint32_t)total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* Mention rate (relative) and complaint probability (per mille) of a theme in a
 * context. This is where the planted story lives. */
static void theme_params(int th, const ctx_t *c, int *weight, int *p_neg, int *imp_neg)
{
    const theme_t *t = &THEMES[th];
    *weight = t->weight[c->channel] * INDUSTRY_MULT[c->industry][th] / 10;
    if (c->industry == IN_HOTEL && (th == T_CLEAN || th == T_ENVIRON))
        *weight = 250; /* guests talk about the room whatever channel they booked by */
    *p_neg = t->p_neg;
    *imp_neg = t->imp_neg;
    if (th == T_DELIVERY && c->late_north) {
        *weight *= 4;          /* late delivery in the North, last two months */
        *p_neg = 880;
        *imp_neg = -400;
    } else if (th == T_DIGITAL && c->app_fixed) {
        *weight = *weight * 55 / 100;  /* the app was fixed after month 3 */
        *p_neg = 220;
    } else if (th == T_WAIT && c->channel == CH_PHONE) {
        *p_neg = 800;          /* long holds on the phone line */
        *imp_neg = -320;
    }
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int noise100(rng_t *r)
{
    return (int)rng_below(r, 200) + (int)rng_below(r, 200) + (int)rng_below(r, 200) - 300;
}

/* Latent score (1/100 points) to 0..10. Above 8.8 the scale is compressed, as
 * happy customers split between 9 and 10 rather than all giving 10. */
static int score_of(int s100)
{
    if (s100 < 0)
        return 0;
    if (s100 > 880)
        s100 = 880 + (s100 - 880) * 45 / 100;
    return clampi((s100 + 50) / 100, 0, 10);
}

/* Draws the themes, their polarity and the score. Returns 0 for a comment that
 * mentions no theme (generic), 1 otherwise. */
static int draw_response(rng_t *r, const ctx_t *c, response_t *resp)
{
    const int d = rng_normal100(r); /* disposition, N(0,1) x 100 */
    resp->n = resp->n_neg = resp->n_pos = 0;
    if (chance(r, 110)) {
        resp->score = score_of(850 + d * 160 / 100 + noise100(r));
        return 0;
    }
    static const int N_WEIGHTS[4] = { 46, 34, 15, 5 };
    const int want = 1 + weighted(r, N_WEIGHTS, 4);
    int w[N_DRAWN_THEMES], pn[N_DRAWN_THEMES], imp[N_DRAWN_THEMES];
    for (int i = 0; i < N_DRAWN_THEMES; i++)
        theme_params(i, c, &w[i], &pn[i], &imp[i]);
    int s = 920 + d * 60 / 100 + noise100(r);
    for (int k = 0; k < want; k++) {
        int total = 0;
        for (int i = 0; i < N_DRAWN_THEMES; i++)
            total += w[i];
        if (total == 0)
            break;
        const int th = weighted(r, w, N_DRAWN_THEMES);
        w[th] = 0; /* without replacement */
        const int p = clampi(pn[th] - d * 250 / 100, 20, 980);
        const int neg = chance(r, p);
        resp->m[resp->n].theme = th;
        resp->m[resp->n].neg = neg;
        resp->n++;
        s += neg ? imp[th] : THEMES[th].imp_pos;
        if (neg)
            resp->n_neg++;
        else
            resp->n_pos++;
    }
    /* Threats to leave come with very low scores, loyalty with very high ones. */
    if ((s < 450 && chance(r, 300)) || (s >= 1000 && chance(r, 60))) {
        const int neg = s < 450;
        resp->m[resp->n].theme = T_CHURN;
        resp->m[resp->n].neg = neg;
        resp->n++;
        s += neg ? THEMES[T_CHURN].imp_neg : THEMES[T_CHURN].imp_pos;
        if (neg)
            resp->n_neg++;
        else
            resp->n_pos++;
    }
    resp->score = score_of(s);
    return 1;
}

/* Like pick(), for banks where some context might find nothing: falls back to
 * a generic remark of the right polarity. */
static const char *pick_or(rng_t *r, const bank_t *b, const ctx_t *c, int neg)
{
    const char *s = pick(r, b, c);
    if (s != NULL)
        return s;
#ifdef GEN_DEBUG
    fprintf(stderr, "no entry fits: bank %s channel %d industry %d\n", b->s[0],
            c->channel, c->industry);
#endif
    return neg ? "it wasn't good enough" : "it was all good";
}

static const char *clause_for(rng_t *r, const mention_t *m, const ctx_t *c)
{
    const theme_t *t = &THEMES[m->theme];
    if (!m->neg)
        return pick_or(r, &t->pos, c, 0);
    if (m->theme == T_DELIVERY && c->industry != IN_BANK) {
        const int p_late = c->late_north ? 880 : 550;
        return pick_or(r, chance(r, p_late) ? &t->neg : &DELIVERY_OTHER, c, 1);
    }
    return pick_or(r, &t->neg, c, 1);
}


static const char *fragment_for(rng_t *r, const mention_t *m, const ctx_t *c)
{
    const theme_t *t = &THEMES[m->theme];
    return pick_or(r, m->neg ? &t->fneg : &t->fpos, c, m->neg);
}

static const char *end_punct(rng_t *r, int band)
{
    static const char *const POS[] = { ".", ".", ".", "!", "!", "!!", "", "" };
    static const char *const MID[] = { ".", ".", ".", "", "", "...", "." };
    static const char *const NEG[] = { ".", ".", ".", "!", "!!", "!!!", "", "...", "?!" };
    return band == BAND_PROMOTER ? PICK(r, POS) : band == BAND_PASSIVE ? PICK(r, MID)
                                                                       : PICK(r, NEG);
}

static int ends_sentence(const text_t *t)
{
    if (t->len == 0)
        return 1;
    const char c = t->p[t->len - 1] == ' ' && t->len > 1 ? t->p[t->len - 2] : t->p[t->len - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

static void put_opener(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp, int band)
{
    const bank_t *b;
    static const bank_t neg = BANK(OPEN_NEG), pos = BANK(OPEN_POS), mix = BANK(OPEN_MIXED);
    static const bank_t st = BANK(OPEN_STORE), ph = BANK(OPEN_PHONE), ch = BANK(OPEN_CHAT),
                        on = BANK(OPEN_ONLINE);
    if (chance(r, 450)) {
        b = c->channel == CH_STORE ? &st : c->channel == CH_PHONE ? &ph
            : c->channel == CH_CHAT ? &ch : &on;
    } else if (resp->n_neg > 0 && resp->n_pos > 0) {
        b = &mix;
    } else {
        b = band == BAND_PROMOTER || resp->n_neg == 0 ? &pos : &neg;
    }
    put_template(t, r, c, pick_or(r, b, c, 0));
    tputs(t, " ");
}

/* Picks a connector from `arr` that starts a new sentence (". However, "), or
 * returns NULL if it finds none. */
static const char *sentence_connector(rng_t *r, const char *const *arr, uint32_t n)
{
    for (int tries = 0; tries < 8; tries++) {
        const char *s = arr[rng_below(r, n)];
        if (s[0] == '.' && s[1] == ' ')
            return s;
    }
    return NULL;
}

/* Chooses the connector between mention i-1 and mention i. `after_stop` says
 * the text already ends a sentence (a rant detail like "Unacceptable."), and
 * `*contrasts` counts the contrasts so far: a second one starts a new sentence
 * rather than saying "X but Y but Z". */
static const char *choose_connector(rng_t *r, const response_t *resp, int i, int after_stop,
                                    int *contrasts)
{
    const mention_t *m = &resp->m[i];
    const char *const *arr;
    uint32_t n;
    if (resp->m[i - 1].neg != m->neg) {
        if (rng_below(r, 100) < 75) {
            arr = CONTRAST, n = NELEM(CONTRAST);
        } else if (m->neg) {
            arr = CONTRAST_TO_NEG, n = NELEM(CONTRAST_TO_NEG);
        } else {
            arr = CONTRAST_TO_POS, n = NELEM(CONTRAST_TO_POS);
        }
        const int again = (*contrasts)++ > 0;
        if (after_stop || again) {
            const char *s = sentence_connector(r, arr, n);
            if (s == NULL)
                s = ". But ";
            return after_stop ? s + 1 : s; /* skip the '.' if the sentence ended */
        }
    } else if (m->neg && chance(r, 250)) {
        arr = ADDITIVE_NEG, n = NELEM(ADDITIVE_NEG);
    } else if (!m->neg && chance(r, 150)) {
        arr = ADDITIVE_POS, n = NELEM(ADDITIVE_POS);
    } else {
        arr = ADDITIVE, n = NELEM(ADDITIVE);
    }
    if (after_stop) {
        const char *s = sentence_connector(r, arr, n);
        return s != NULL ? s + 1 : " ";
    }
    return arr[rng_below(r, n)];
}

/* Writes a comment in sentences: [opener] clause (connector clause)* [closer],
 * with detail sentences between clauses when the customer is ranting. */
static void compose_sentences(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp)
{
    const int band = band_of(resp->score);
    const int rant = band == BAND_DETRACTOR && resp->n_neg >= 2 && chance(r, 400);
    const int newlines = chance(r, rant ? 250 : 40);
    const int closer = rant || chance(r, 160);
    int after_stop = 0; /* the text ends with a finished sentence */
    int contrasts = 0;
    const char *prev_conn = NULL;
    const int opener = rant || chance(r, 140);
    if (opener) {
        put_opener(t, r, c, resp, band);
        after_stop = 1;
    }
    for (int i = 0; i < resp->n; i++) {
        const mention_t *m = &resp->m[i];
        const size_t start = t->len;
        if (i == 0) {
            const uint32_t u = rng_below(r, 1000);
            if (resp->n >= 2 && resp->m[1].neg != m->neg && u < 90) {
                /* "Although X, Y" */
                tputs(t, chance(r, 700) ? "Although " : "Even though ");
                put_template(t, r, c, clause_for(r, m, c));
                tputs(t, ", ");
                capitalise_from(t, start);
                contrasts++;
                i++;
                m = &resp->m[i];
            } else if (opener) {
                /* no "Honestly," straight after "Popped in on my lunch break." */
            } else if (u < 200) {
                tputs(t, PICK(r, PREFIX_ANY));
            } else if (u < 260) {
                tputs(t, m->neg ? PICK(r, PREFIX_NEG) : PICK(r, PREFIX_POS));
            }
        } else {
            const char *conn = choose_connector(r, resp, i, after_stop, &contrasts);
            if (conn == prev_conn) {
                contrasts -= resp->m[i - 1].neg != m->neg;
                conn = choose_connector(r, resp, i, after_stop, &contrasts);
            }
            prev_conn = conn;
            if (newlines && conn[0] == '.' && conn[1] == ' ') {
                tputs(t, chance(r, 300) ? ".\n\n" : ".\n");
                tputs(t, conn + 2);
            } else if (newlines && after_stop && conn[0] == ' ') {
                tputs(t, "\n");
                tputs(t, conn + 1);
            } else {
                tputs(t, conn);
            }
        }
        const size_t clause_at = t->len;
        put_template(t, r, c, clause_for(r, m, c));
        if (i == 0 || after_stop)
            capitalise_from(t, start);
        if (clause_at >= 2) {
            /* a clause after a full stop starts a sentence */
            const char p = t->p[clause_at - 2], q = t->p[clause_at - 1];
            if (q == '\n' || (q == ' ' && (p == '.' || p == '!' || p == '?')))
                capitalise_from(t, clause_at);
        }
        after_stop = 0;
        if (rant && chance(r, 350)) {
            tputs(t, end_punct(r, BAND_DETRACTOR));
            if (!ends_sentence(t))
                tputs(t, ".");
            tputs(t, " ");
            tputs(t, m->neg ? PICK(r, DETAIL_NEG) : PICK(r, DETAIL_POS));
            after_stop = 1;
        }
    }
    if (!after_stop) {
        tputs(t, end_punct(r, band));
        if (closer && !ends_sentence(t))
            tputs(t, ".");
    }
    if (closer) {
        tputs(t, newlines ? "\n" : " ");
        if (rant || band == BAND_DETRACTOR)
            put_template(t, r, c, PICK(r, CLOSE_DETRACTOR));
        else if (band == BAND_PASSIVE)
            put_template(t, r, c, PICK(r, CLOSE_PASSIVE));
        else
            put_template(t, r, c, PICK(r, CLOSE_PROMOTER));
    }
}

/* Writes a comment as a list of short phrases: "Fast delivery, friendly staff." */
static void compose_fragments(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp)
{
    const int band = band_of(resp->score);
    const uint32_t u = rng_below(r, 1000);
    if (u < 80 && resp->n >= 2) {
        /* bullet list, as pasted from a notes app */
        for (int i = 0; i < resp->n; i++) {
            tputs(t, i == 0 ? "- " : "\n- ");
            put_template(t, r, c, fragment_for(r, &resp->m[i], c));
        }
        return;
    }
    if (u < 250 && resp->n_neg > 0 && resp->n_pos > 0) {
        static const char *const GOOD[] = { "Good: ", "Pros: ", "Positives: ", "+ " };
        static const char *const BAD[] = { " Bad: ", " Cons: ", " Negatives: ", " / - " };
        const int k = (int)rng_below(r, 4);
        for (int pass = 0; pass < 2; pass++) {
            tputs(t, pass == 0 ? GOOD[k] : BAD[k]);
            int first = 1;
            for (int i = 0; i < resp->n; i++) {
                if (resp->m[i].neg != pass)
                    continue;
                if (!first)
                    tputs(t, ", ");
                put_template(t, r, c, fragment_for(r, &resp->m[i], c));
                first = 0;
            }
            if (k != 3)
                tputs(t, ".");
        }
        return;
    }
    const size_t start = t->len;
    for (int i = 0; i < resp->n; i++) {
        if (i > 0) {
            if (resp->m[i - 1].neg != resp->m[i].neg) {
                static const char *const C[] = { " but ", ", but ", ". But ", " - ", ", " };
                tputs(t, PICK(r, C));
            } else {
                static const char *const A[] = { ", ", ", ", " and ", ", ", " & ", ". ", " + " };
                tputs(t, i == resp->n - 1 && chance(r, 300) ? " and " : PICK(r, A));
            }
        }
        const size_t at = t->len;
        put_template(t, r, c, fragment_for(r, &resp->m[i], c));
        if (at >= 2 && t->p[at - 2] == '.')
            capitalise_from(t, at);
    }
    if (chance(r, 700))
        capitalise_from(t, start);
    tputs(t, end_punct(r, band));
}

/* --- the noise of real exports --- */

static int is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* One typo in a word: a known misspelling, or a swapped, dropped or doubled letter. */
static void typo_word(text_t *o, rng_t *r, const char *w, size_t n)
{
    for (size_t k = 0; k < NELEM(MISSPELL); k++) {
        const char *from = MISSPELL[k][0];
        if (strlen(from) == n && memcmp(from, w, n) == 0) {
            tputs(o, MISSPELL[k][1]);
            return;
        }
    }
    if (n < 4) {
        tput(o, w, n);
        return;
    }
    const size_t at = 1 + rng_below(r, (uint32_t)(n - 2)); /* never the first letter */
    switch (rng_below(r, 3)) {
    case 0: /* swap at, at+1 */
        tput(o, w, at);
        tput(o, w + at + 1, 1);
        tput(o, w + at, 1);
        tput(o, w + at + 2, n - at - 2);
        break;
    case 1: /* drop */
        tput(o, w, at);
        tput(o, w + at + 1, n - at - 1);
        break;
    default: /* double */
        tput(o, w, at + 1);
        tput(o, w + at, n - at);
        break;
    }
}

enum {
    ST_LOWER = 1, ST_NOPUNCT = 2, ST_CAPS = 4, ST_TYPOS = 8, ST_HTML = 16, ST_SMARTQ = 32,
};

/* Copies `in` to `out`, applying the style flags: typos first (word by word),
 * then case and punctuation (in place), then entity or smart-quote encoding. */
static void restyle(text_t *out, text_t *in, rng_t *r, int flags)
{
    out->len = 0;
    int typos_left = 1 + (int)rng_below(r, 3);
    for (size_t i = 0; i < in->len;) {
        if ((flags & ST_TYPOS) && is_alpha(in->p[i]) && (i == 0 || !is_alpha(in->p[i - 1]))) {
            size_t j = i;
            while (j < in->len && is_alpha(in->p[j]))
                j++;
            if (typos_left > 0 && chance(r, 160)) {
                typo_word(out, r, in->p + i, j - i);
                typos_left--;
            } else {
                tput(out, in->p + i, j - i);
            }
            i = j;
            continue;
        }
        tput(out, in->p + i, 1);
        i++;
    }
    if (flags & (ST_LOWER | ST_CAPS)) {
        size_t w = 0;
        for (size_t i = 0; i < out->len; i++) {
            char ch = out->p[i];
            if (flags & ST_LOWER) {
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch - 'A' + 'a');
                if ((flags & ST_NOPUNCT) && (ch == '.' || ch == '!') &&
                    (i + 1 == out->len || out->p[i + 1] == ' ' || out->p[i + 1] == '\n'))
                    continue;
            } else if (ch >= 'a' && ch <= 'z') {
                ch = (char)(ch - 'a' + 'A');
            }
            out->p[w++] = ch;
        }
        out->len = w;
    }
    if (flags & (ST_HTML | ST_SMARTQ)) {
        in->len = 0;
        for (size_t i = 0; i < out->len; i++) {
            const char ch = out->p[i];
            if ((flags & ST_HTML) && ch == '&')
                tputs(in, "&amp;");
            else if ((flags & ST_HTML) && ch == '\'')
                tputs(in, "&#39;");
            else if ((flags & ST_HTML) && ch == '"')
                tputs(in, "&quot;");
            else if ((flags & ST_SMARTQ) && ch == '\'')
                tputs(in, "’");
            else
                tput(in, &ch, 1);
        }
        memcpy(out->p, in->p, in->len);
        out->len = in->len;
    }
}

/* Builds the comment of one response into `out` (using `tmp` as scratch). */
static void make_comment(text_t *out, text_t *tmp, rng_t *r, const ctx_t *c, response_t *resp,
                         int themed)
{
    out->len = 0;
    tmp->len = 0;
    const int band = band_of(resp->score);
    if (!themed) {
        /* no theme: empty, "n/a" or a one-liner */
        const uint32_t u = rng_below(r, 1000);
        if (u < 270)
            return; /* about 3 % of all rows */
        if (u < 470) {
            tputs(out, PICK(r, GENERIC_NONE));
            return;
        }
        tputs(tmp, band == BAND_PROMOTER ? PICK(r, GENERIC_PROMOTER)
                   : band == BAND_PASSIVE ? PICK(r, GENERIC_PASSIVE)
                                          : PICK(r, GENERIC_DETRACTOR));
    } else if (chance(r, 11)) {
        tputs(out, band == BAND_PROMOTER ? PICK(r, FOREIGN_PROMOTER)
                   : band == BAND_PASSIVE ? PICK(r, FOREIGN_PASSIVE)
                                          : PICK(r, FOREIGN_DETRACTOR));
        return;
    } else if (chance(r, 200)) {
        compose_fragments(tmp, r, c, resp);
    } else {
        compose_sentences(tmp, r, c, resp);
    }

    int flags = 0;
    const uint32_t u = rng_below(r, 1000);
    if (u < 90)
        flags |= ST_LOWER | (chance(r, 600) ? ST_NOPUNCT : 0);
    else if (band == BAND_DETRACTOR && u < 90 + 50)
        flags |= ST_CAPS;
    if (chance(r, 80))
        flags |= ST_TYPOS;
    if (chance(r, 12))
        flags |= ST_HTML;
    else if (chance(r, 50))
        flags |= ST_SMARTQ;
    restyle(out, tmp, r, flags);

    if (chance(r, 60)) {
        /* trailing emoji or emoticon, matching the mood */
        const char *e = band == BAND_PROMOTER ? PICK(r, EMOJI_POS)
                        : band == BAND_PASSIVE ? PICK(r, EMOJI_MID)
                                               : PICK(r, EMOJI_NEG);
        if (out->len > 0 && !chance(r, 100))
            tputs(out, " ");
        tputs(out, e);
    }
}

/* ------------------------------------------------------------------------- */
/* Dates                                                                     */
/* ------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* ------------------------------------------------------------------------- */
/* Output                                                                    */
/* ------------------------------------------------------------------------- */

#define OUT_CAP (1u << 20)
#define OUT_FLUSH_AT (OUT_CAP - 2 * TEXT_CAP * 6 - 1024) /* room for one worst-case row */

static char out_buf[OUT_CAP];
static size_t out_len;
static FILE *out_fp;          /* NULL: count only (used to size --bytes runs) */
static unsigned long long out_total;
static int out_failed;

static void out_flush(void)
{
    if (out_fp != NULL && out_len > 0 && !out_failed) {
        if (fwrite(out_buf, 1, out_len, out_fp) != out_len)
            out_failed = 1;
    }
    out_total += out_len;
    out_len = 0;
}

static void out_put(const char *s, size_t n)
{
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

static void out_puts(const char *s)
{
    out_put(s, strlen(s));
}

static void out_digits(unsigned long long v, int width)
{
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n < width)
        d[n++] = '0';
    while (n > 0)
        out_buf[out_len++] = d[--n];
}

static void out_csv_field(const char *s, size_t n)
{
    /* memchr is vectorised in every libc; a byte loop here was the hot spot */
    const int has_quote = memchr(s, '"', n) != NULL;
    if (!has_quote && memchr(s, ',', n) == NULL && memchr(s, '\n', n) == NULL &&
        memchr(s, '\r', n) == NULL) {
        out_put(s, n);
        return;
    }
    out_buf[out_len++] = '"';
    if (!has_quote) {
        out_put(s, n);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                out_buf[out_len++] = '"';
            out_buf[out_len++] = s[i];
        }
    }
    out_buf[out_len++] = '"';
}

static void out_json_string(const char *s, size_t n)
{
    static const char HEX[] = "0123456789abcdef";
    out_buf[out_len++] = '"';
    for (size_t i = 0; i < n; i++) {
        const unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': out_put("\\\"", 2); break;
        case '\\': out_put("\\\\", 2); break;
        case '\n': out_put("\\n", 2); break;
        case '\r': out_put("\\r", 2); break;
        case '\t': out_put("\\t", 2); break;
        default:
            if (ch < 0x20) {
                out_put("\\u00", 4);
                out_buf[out_len++] = HEX[ch >> 4];
                out_buf[out_len++] = HEX[ch & 15];
            } else {
                out_buf[out_len++] = (char)ch;
            }
        }
    }
    out_buf[out_len++] = '"';
}

/* ------------------------------------------------------------------------- */
/* Driver                                                                    */
/* ------------------------------------------------------------------------- */

typedef struct {
    unsigned long long rows;       /* 0: size by bytes */
    unsigned long long bytes;
    uint64_t seed;
    int jsonl;
    int crlf;
    long start_year;
    unsigned start_month;
    int months;
    const char *out_path;
} opts_t;

static text_t g_text, g_tmp;

/* Writes rows [0, rows) to the output stream. */
static void generate(const opts_t *o, unsigned long long rows)
{
    rng_t r;
    rng_seed(&r, o->seed);
    const long day0 = days_from_civil(o->start_year, o->start_month, 1);
    long y_end = o->start_year + (long)((o->start_month - 1 + (unsigned)o->months) / 12);
    unsigned m_end = (o->start_month - 1 + (unsigned)o->months) % 12 + 1;
    const long day_end = days_from_civil(y_end, m_end, 1);
    const uint64_t span = (uint64_t)(day_end - day0) * 86400u; /* seconds */
    int hour_cum[25] = { 0 };
    for (int h = 0; h < 24; h++)
        hour_cum[h + 1] = hour_cum[h] + HOUR_WEIGHTS[h];
    const char *eol = o->crlf ? "\r\n" : "\n";

    if (!o->jsonl) {
        out_puts("response_id,date,score,channel,region,comment");
        out_puts(eol);
    }
    for (unsigned long long i = 0; i < rows; i++) {
        /* Rows are in date order: row i falls in the i-th slice of the range, and
         * the time of day is warped monotonically so that responses come in the
         * daytime and evening. */
        const uint64_t t = (i * span + rng_below(&r, (uint32_t)span)) / rows;
        const long day = (long)(t / 86400);
        const uint64_t sod = t % 86400;
        const uint64_t pos = sod * (uint64_t)hour_cum[24];
        int h = 0;
        while (h < 23 && (uint64_t)hour_cum[h + 1] * 86400 <= pos)
            h++;
        const unsigned secs_in_hour =
            (unsigned)((pos - (uint64_t)hour_cum[h] * 86400) * 3600 /
                       ((uint64_t)HOUR_WEIGHTS[h] * 86400));
        long y;
        unsigned mo, dd;
        civil_from_days(day0 + day, &y, &mo, &dd);

        ctx_t c;
        c.channel = weighted(&r, CHANNEL_WEIGHTS, N_CHANNELS);
        c.region = weighted(&r, REGION_WEIGHTS, N_REGIONS);
        c.industry = weighted(&r, INDUSTRY_WEIGHTS, N_INDUSTRIES);
        c.month = (int)((y - o->start_year) * 12 + (long)mo - (long)o->start_month);
        c.late_north = c.region == R_NORTH && o->months >= 3 && c.month >= o->months - 2;
        c.app_fixed = o->months > 3 && c.month >= 3;
        ctx_pick_subjects(&c, &r);

        response_t resp;
        const int themed = draw_response(&r, &c, &resp);
        if (chance(&r, 7))
            resp.score = 10 - resp.score; /* someone read the scale backwards */
        make_comment(&g_text, &g_tmp, &r, &c, &resp, themed);

        char date[20];
        {
            unsigned v[6] = { (unsigned)y, mo, dd, (unsigned)h, secs_in_hour / 60,
                              secs_in_hour % 60 };
            date[0] = (char)('0' + v[0] / 1000 % 10);
            date[1] = (char)('0' + v[0] / 100 % 10);
            date[2] = (char)('0' + v[0] / 10 % 10);
            date[3] = (char)('0' + v[0] % 10);
            static const char SEP[] = "--  ::";
            for (int k = 1; k < 6; k++) {
                date[3 * k + 1] = SEP[k - 1] == ' ' ? ' ' : SEP[k - 1];
                date[3 * k + 2] = (char)('0' + v[k] / 10);
                date[3 * k + 3] = (char)('0' + v[k] % 10);
            }
            date[4] = '-';
            date[7] = '-';
            date[10] = ' ';
            date[13] = ':';
            date[16] = ':';
        }

        if (o->jsonl) {
            out_puts("{\"response_id\":\"R");
            out_digits(i + 1, 7);
            out_puts("\",\"date\":\"");
            out_put(date, 19);
            out_puts("\",\"score\":");
            out_digits((unsigned long long)resp.score, 1);
            out_puts(",\"channel\":\"");
            out_puts(CHANNEL_NAMES[c.channel]);
            out_puts("\",\"region\":\"");
            out_puts(REGION_NAMES[c.region]);
            out_puts("\",\"comment\":");
            out_json_string(g_text.p, g_text.len);
            out_puts("}\n");
        } else {
            out_buf[out_len++] = 'R';
            out_digits(i + 1, 7);
            out_buf[out_len++] = ',';
            out_put(date, 19);
            out_buf[out_len++] = ',';
            out_digits((unsigned long long)resp.score, 1);
            out_buf[out_len++] = ',';
            out_puts(CHANNEL_NAMES[c.channel]);
            out_buf[out_len++] = ',';
            out_puts(REGION_NAMES[c.region]);
            out_buf[out_len++] = ',';
            out_csv_field(g_text.p, g_text.len);
#ifdef GEN_DEBUG
            /* extra column with the model's truth, for checking the story */
            out_puts(",");
            for (int k = 0; k < resp.n; k++) {
                static const char *const TN[] = { "staff_att", "staff_know", "wait", "price",
                    "billing", "quality", "delivery", "accuracy", "avail", "clean", "digital",
                    "comms", "resolution", "effort", "environ", "returns", "churn" };
                out_puts(k ? ";" : "");
                out_puts(TN[resp.m[k].theme]);
                out_puts(resp.m[k].neg ? "-" : "+");
            }
            out_puts(c.industry == IN_TELCO ? ",telco" : c.industry == IN_BANK ? ",bank"
                     : c.industry == IN_HOTEL ? ",hotel" : ",retail");
#endif
            out_puts(eol);
        }
        if (out_len >= OUT_FLUSH_AT)
            out_flush();
    }
    out_flush();
}

static void usage(FILE *fp)
{
    fputs("usage: verbatim-gen [options]\n"
          "Writes a synthetic customer-experience survey export (NPS score + comment).\n"
          "\n"
          "  --rows N         number of rows (default 1000)\n"
          "  --bytes N        approximate output size instead; suffixes K, M, G, T\n"
          "                   (powers of 1024), e.g. --bytes 1G\n"
          "  --seed S         random seed, a non-negative integer (default 1)\n"
          "  --format F       csv (default) or jsonl\n"
          "  --start YYYY-MM  first month of the date range (default 2026-01)\n"
          "  --months M       number of months (default 6)\n"
          "  --crlf           end CSV records with CRLF (RFC 4180) instead of LF\n"
          "  -o FILE          write to FILE instead of standard output\n"
          "  --help           show this help\n"
          "\n"
          "Columns: response_id,date,score,channel,region,comment\n"
          "The same options and seed always give the same bytes.\n",
          fp);
}

static int parse_u64(const char *s, unsigned long long *v, int allow_suffix)
{
    if (s == NULL || *s < '0' || *s > '9')
        return 0;
    unsigned long long x = 0;
    while (*s >= '0' && *s <= '9') {
        const unsigned dgt = (unsigned)(*s - '0');
        if (x > (~0ull - dgt) / 10)
            return 0;
        x = x * 10 + dgt;
        s++;
    }
    if (allow_suffix && *s != '\0') {
        int shift = 0;
        switch (*s) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        case 't': case 'T': shift = 40; break;
        default: return 0;
        }
        s++;
        if (*s == 'i')
            s++;
        if (*s == 'B' || *s == 'b')
            s++;
        if (x > (~0ull >> shift))
            return 0;
        x <<= shift;
    }
    if (*s != '\0')
        return 0;
    *v = x;
    return 1;
}

static int die_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "verbatim-gen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fputs("Try 'verbatim-gen --help'.\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    opts_t o = { 1000, 0, 1, 0, 0, 2026, 1, 6, NULL };
    int have_rows = 0, have_bytes = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        const char *eq = strchr(a, '=');
        if (a[0] == '-' && a[1] == '-' && eq != NULL && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = '\0';
            val = eq + 1;
            a = name;
        }
#define NEED_VAL()                                                                      \
    do {                                                                                \
        if (val == NULL) {                                                              \
            if (i + 1 >= argc)                                                          \
                return die_usage("missing value for option", a);                        \
            val = argv[++i];                                                            \
        }                                                                               \
    } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--rows") == 0) {
            NEED_VAL();
            if (!parse_u64(val, &o.rows, 0) || o.rows == 0 || o.rows > 10000000000ull)
                return die_usage("--rows must be between 1 and 10^10", val);
            have_rows = 1;
        } else if (strcmp(a, "--bytes") == 0) {
            NEED_VAL();
            if (!parse_u64(val, &o.bytes, 1) || o.bytes == 0 || o.bytes > (1ull << 41))
                return die_usage("--bytes must be a size between 1 and 2T", val);
            have_bytes = 1;
        } else if (strcmp(a, "--seed") == 0) {
            NEED_VAL();
            unsigned long long s;
            if (!parse_u64(val, &s, 0))
                return die_usage("--seed must be a non-negative integer", val);
            o.seed = s;
        } else if (strcmp(a, "--format") == 0) {
            NEED_VAL();
            if (strcmp(val, "csv") == 0)
                o.jsonl = 0;
            else if (strcmp(val, "jsonl") == 0)
                o.jsonl = 1;
            else
                return die_usage("--format must be csv or jsonl", val);
        } else if (strcmp(a, "--start") == 0) {
            NEED_VAL();
            unsigned long long yy, mm;
            char ybuf[8];
            if (strlen(val) != 7 || val[4] != '-')
                return die_usage("--start must be YYYY-MM", val);
            memcpy(ybuf, val, 4);
            ybuf[4] = '\0';
            if (!parse_u64(ybuf, &yy, 0) || !parse_u64(val + 5, &mm, 0) || yy < 1000 ||
                mm < 1 || mm > 12)
                return die_usage("--start must be YYYY-MM", val);
            o.start_year = (long)yy;
            o.start_month = (unsigned)mm;
        } else if (strcmp(a, "--months") == 0) {
            NEED_VAL();
            unsigned long long mm;
            if (!parse_u64(val, &mm, 0) || mm < 1 || mm > 600)
                return die_usage("--months must be between 1 and 600", val);
            o.months = (int)mm;
        } else if (strcmp(a, "--crlf") == 0) {
            o.crlf = 1;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            NEED_VAL();
            o.out_path = val;
        } else {
            return die_usage("unknown option", argv[i]);
        }
#undef NEED_VAL
    }
    if (have_rows && have_bytes)
        return die_usage("use --rows or --bytes, not both", NULL);
    if (o.start_year + (o.months + 11) / 12 > 9999)
        return die_usage("the date range must end before the year 10000", NULL);

    unsigned long long rows = o.rows;
    if (have_bytes) {
        /* Size the run from a dry run of the same model (nothing written). */
        const unsigned long long probe = 20000;
        out_fp = NULL;
        out_total = 0;
        generate(&o, probe);
        rows = o.bytes * probe / out_total; /* bytes <= 2^41, so no overflow */
        if (rows == 0)
            rows = 1;
        if (rows > 10000000000ull)
            rows = 10000000000ull;
    }

    FILE *fp = stdout;
    if (o.out_path != NULL && strcmp(o.out_path, "-") != 0) {
        fp = fopen(o.out_path, "wb");
        if (fp == NULL) {
            fprintf(stderr, "verbatim-gen: cannot open %s for writing\n", o.out_path);
            return 1;
        }
    }
    out_fp = fp;
    out_total = 0;
    generate(&o, rows);
    const int write_err = out_failed || ferror(fp);
    const int close_err = fclose(fp) != 0;
    if (write_err || close_err) {
        fprintf(stderr, "verbatim-gen: write error on %s\n",
                o.out_path ? o.out_path : "standard output");
        return 1;
    }
    return 0;
}

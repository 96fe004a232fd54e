/*
 * gen_bank.c - the phrase bank of verbatim-gen, apart from the themes: slot
 * fillers (products, staff, rivals, durations), comments without a theme,
 * openers, rant details, closers, emoji, comments in other languages, and
 * the population weights of channels, regions and hours. Data only;
 * gen_compose.c decides what to pick from it (and keeps the connectors, " but ",
 * ". However, ", itself) and gen_bank.h documents the "TAGS|" prefixes.
 * Each list is a static array exported as a bank_t, so other files see its
 * length. The bank is CC0 (see corpus/README.md).
 */
#include "gen_bank.h"

/* --- slot fillers --- */
static const char *const intensifiers[] = {
    "very", "really", "so", "super", "extremely", "incredibly", "soooo", "sooo",
    "really really", "quite", "", "", "very very", "genuinely", "pretty", "so so",
};
const bank_t INTENSIFIERS = BANK(intensifiers);
/* The first N_GADGETS items are electrical (they break, have batteries). */
static const char *const items[] = {
    "laptop", "washing machine", "kettle", "TV", "pair of headphones", "coffee machine",
    "printer", "vacuum cleaner", "microwave", "tablet", "fridge freezer", "smartwatch",
    "toaster", "food processor", "monitor", "games console", "hairdryer",
    "sofa", "pair of trainers", "phone case", "dress", "jacket", "mattress", "hoodie",
    "pair of jeans", "desk chair", "lamp", "pushchair", "garden table", "set of pans",
    "rug", "winter coat", "school uniform", "birthday present", "bike", "wardrobe",
    "pair of boots", "duvet", "bookcase",
};
const bank_t ITEMS = BANK(items);
static const char *const telco_items[] = {
    "router", "new phone", "SIM card", "handset", "broadband hub", "TV box", "tablet",
    "replacement phone",
};
const bank_t TELCO_ITEMS = BANK(telco_items);
static const char *const names[] = {
    "Sarah", "Tom", "Priya", "James", "Aisha", "Mark", "Chloe", "Daniel", "Fatima",
    "Kevin", "Olga", "Luis", "Mei", "Jo", "Ben", "Hannah", "Raj", "Emma", "Connor",
    "Grace", "Tariq", "Nicole", "Sam", "Lucy", "Marek", "Dave", "Zainab", "Ellie",
};
const bank_t NAMES = BANK(names);
static const char *const staff_store_retail[] = {
    "the lady at the till", "the manager", "the cashier", "the guy on the shop floor",
    "the young lad on the tills", "the woman at customer services", "the staff member",
    "the assistant", "the supervisor", "the man at the returns desk",
};
const bank_t STAFF_STORE_RETAIL = BANK(staff_store_retail);
static const char *const staff_store_telco[] = {
    "the guy in the shop", "the sales assistant", "the store manager", "the lad who served me",
    "the lady in the shop",
};
const bank_t STAFF_STORE_TELCO = BANK(staff_store_telco);
static const char *const staff_store_bank[] = {
    "the cashier", "the branch manager", "the lady at the counter", "the advisor in the branch",
    "the man at the desk",
};
const bank_t STAFF_STORE_BANK = BANK(staff_store_bank);
static const char *const staff_store_hotel[] = {
    "the receptionist", "the night manager", "the waiter", "the duty manager",
    "the lady at reception", "the porter",
};
const bank_t STAFF_STORE_HOTEL = BANK(staff_store_hotel);
static const char *const staff_phone[] = {
    "the advisor", "the man on the phone", "the lady I spoke to", "the agent",
    "the person I spoke to", "the call centre agent", "the supervisor", "the advisor I got",
};
const bank_t STAFF_PHONE = BANK(staff_phone);
static const char *const staff_chat[] = {
    "the chat agent", "the advisor", "the person on the live chat", "the agent",
    "whoever was on the chat", "the second agent",
};
const bank_t STAFF_CHAT = BANK(staff_chat);
static const char *const staff_online_goods[] = {
    "the driver", "customer services", "the agent", "the advisor", "the courier",
    "the person on the helpline",
};
const bank_t STAFF_ONLINE_GOODS = BANK(staff_online_goods);
static const char *const staff_online_other[] = {
    "customer services", "the agent", "the advisor", "the person on the helpline",
    "the team",
};
const bank_t STAFF_ONLINE_OTHER = BANK(staff_online_other);
static const char *const rivals_retail[] = {
    "Brightmart", "a competitor", "the shop down the road", "Hollis & Co",
    "the supermarket next door", "one of your competitors", "Amberline", "Brightmart",
};
const bank_t RIVALS_RETAIL = BANK(rivals_retail);
static const char *const rivals_telco[] = {
    "Zentel", "Vireo Mobile", "another provider", "a competitor", "Zentel",
};
const bank_t RIVALS_TELCO = BANK(rivals_telco);
static const char *const rivals_bank[] = {
    "Kestrel Bank", "Fairway Building Society", "another bank", "a competitor",
    "an online bank",
};
const bank_t RIVALS_BANK = BANK(rivals_bank);
static const char *const rivals_hotel[] = {
    "the hotel across the road", "Harbour Inn", "a competitor", "an Airbnb",
};
const bank_t RIVALS_HOTEL = BANK(rivals_hotel);
static const char *const durations_short[] = {
    "two minutes", "a couple of minutes", "five minutes", "under a minute",
    "about 3 minutes", "a few minutes", "a minute or so", "about a minute",
};
const bank_t DURATIONS_SHORT = BANK(durations_short);
static const char *const durations_days[] = {
    "two weeks", "10 days", "three weeks", "over a month", "six weeks", "a fortnight",
    "nearly a month", "5 weeks", "a week", "12 days", "over two weeks",
};
const bank_t DURATIONS_DAYS = BANK(durations_days);
static const char *const times[] = {
    "three times", "twice", "four times", "5 times", "several times", "multiple times",
    "about six times", "three separate times", "countless times",
};
const bank_t TIMES = BANK(times);
static const char *const days[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "the 12th",
    "the weekend", "the 3rd", "my day off",
};
const bank_t DAYS = BANK(days);
static const char *const nth[] = { "third", "fourth", "fifth", "third", "sixth" };
const bank_t NTH = BANK(nth);
_Static_assert(N_GADGETS <= NELEM(items), "the gadgets are the first items");

/* --- comments without a theme --- */
static const char *const generic_promoter[] = {
    "Great", "Excellent", "Great service", "Excellent service as always", "Very happy",
    "Love it", "Brilliant", "Perfect", "All good", "Great experience overall", "Amazing",
    "Keep up the good work", "No complaints", "Always a pleasure", "Happy with everything",
    "Couldn't fault it", "5 stars", "Top notch", "Superb", "Very satisfied", "Great job",
    "Fantastic", "10/10", "Really pleased", "Everything was fine, thank you", "thanks",
    "great", "Excellent!!", "Very good", "good service", ":)", "👍", "=)", "Spot on",
    "No problems at all", "Always good", "Lovely", "Can't fault anything", "very good",
    "Excellent service, thank you", "Best in the business",
};
const bank_t GENERIC_PROMOTER = BANK(generic_promoter);
static const char *const generic_passive[] = {
    "ok", "Fine", "good", "Average", "Not bad", "It was ok", "Decent", "Nothing special",
    "Could be better", "Good but not great", "fine thanks", "Satisfied", "no real complaints",
    "Meh", "As expected", "All fine", "Not bad at all", "Reasonable", "OK", "okay",
    "Good enough", "Alright", "fine", "It did the job", "Pretty standard", "So so",
    "Usual", "Room for improvement", "average experience",
};
const bank_t GENERIC_PASSIVE = BANK(generic_passive);
static const char *const generic_detractor[] = {
    "Terrible", "Awful service", "Very poor", "Rubbish", "Disappointed", "Not happy",
    "Worst experience ever", "Poor", "Shocking", "Useless", "Appalling", "Not good enough",
    "Never again", "Avoid", "Very disappointed", "bad", "Poor service", "Awful",
    "terrible service", "Shambles", "Disgraceful", "Absolute joke", "Not impressed",
};
const bank_t GENERIC_DETRACTOR = BANK(generic_detractor);
static const char *const generic_none[] = {
    "n/a", "N/A", "none", "-", ".", "no comment", "Nothing to add", "nothing", "na",
    "No", "?", "see above", "x", "nil", "no comments", "None", "NA", "...", "Nothing",
};
const bank_t GENERIC_NONE = BANK(generic_none);

/* --- openers, connectors, closers --- */
static const char *const prefix_any[] = {
    "Honestly, ", "To be honest ", "Tbh ", "Overall ", "Just to say ", "Honestly ",
    "I have to say ", "This time ", "Today ", "On this occasion ", "Well, ", "I must say ",
    "To be fair, ", "FYI ", "Tbh, ",
};
const bank_t PREFIX_ANY = BANK(prefix_any);
static const char *const prefix_neg[] = {
    "Unfortunately ", "Yet again ", "Not for the first time, ", "Sadly ", "Once again ",
    "As usual ", "Annoyingly ",
};
const bank_t PREFIX_NEG = BANK(prefix_neg);
static const char *const prefix_pos[] = {
    "Really pleased, ", "Happy to say ", "Pleasantly surprised, ", "As always, ",
    "For once ", "Great news, ",
};
const bank_t PREFIX_POS = BANK(prefix_pos);
static const char *const open_neg[] = {
    "Where do I start.", "Really disappointed.", "Not happy at all.", "What a joke.",
    "Awful experience from start to finish.",
    "I never normally leave feedback but I have to this time.",
    "This is the second time this month.", "Very frustrating experience.",
    "Not impressed.", "Long time customer here.", "Where to begin...",
    "N|I'm writing this because nobody answers the phone.", "Absolutely fuming.",
};
const bank_t OPEN_NEG = BANK(open_neg);
static const char *const open_pos[] = {
    "Great experience!", "Very happy.", "Excellent as always.",
    "X|First time using you and very impressed.", "What a lovely experience.",
    "Just wanted to say thank you.", "Really good experience this time.",
    "Can't complain.", "H|First stay here and very impressed.",
};
const bank_t OPEN_POS = BANK(open_pos);
static const char *const open_mixed[] = {
    "Mixed experience.", "Bit of a mixed bag.", "Good and bad.", "Mostly ok.",
    "Some good, some bad.", "Hmm.",
};
const bank_t OPEN_MIXED = BANK(open_mixed);
static const char *const open_store[] = {
    "Popped in on my lunch break.", "Y|Went in to buy a {item}.",
    "Y|Visited the store on {day}.", "Y|Went in with my kids.", "K|Called into the branch.",
    "K|Went into the branch to open an account.", "H|Stayed two nights for a wedding.",
    "H|Checked in on {day}.", "H|Weekend break with my partner.",
    "T|Went into the shop to upgrade my phone.", "T|Went in to get a new SIM.",
};
const bank_t OPEN_STORE = BANK(open_store);
static const char *const open_phone[] = {
    "T|Called about my bill.", "Rang to change my address.", "G|Phoned about my order.",
    "Called about a refund.", "Rang customer services.", "K|Called to report a lost card.",
    "H|Rang to change our booking.", "T|Called about my broadband.",
    "Y|Phoned to check on a {item}.",
};
const bank_t OPEN_PHONE = BANK(open_phone);
static const char *const open_chat[] = {
    "G|Used the live chat about a missing parcel.", "Contacted you on chat.",
    "Used the chat for the first time.", "G|Messaged about my order.",
    "K|Used the chat to query a payment.", "T|Used the chat to ask about my contract.",
};
const bank_t OPEN_CHAT = BANK(open_chat);
static const char *const open_online[] = {
    "WG|Ordered a {item} online.", "AG|Ordered through the app.",
    "Y|Bought a {item} for my daughter.", "G|Ordered on {day}.", "WY|First online order.",
    "Y|Ordered a {item} as a gift.", "H|Booked online.", "AH|Booked through the app.",
    "K|Opened my account online.", "T|Upgraded online.", "AK|I use the app for all my banking.",
};
const bank_t OPEN_ONLINE = BANK(open_online);
static const char *const detail_neg[] = {
    "Absolutely ridiculous.", "I couldn't believe it.", "Unacceptable.",
    "How is that acceptable?", "This happens every single time.", "I'm fuming.",
    "It's not the first time either.", "Nobody seems to care.", "Seriously?",
    "Why is this so difficult?", "I've had enough.", "What a waste of time.",
    "Total shambles.", "I'm so fed up.", "Beyond a joke.",
};
const bank_t DETAIL_NEG = BANK(detail_neg);
static const char *const detail_pos[] = {
    "Really impressed.", "Made my day.", "Can't thank them enough.",
    "Such a nice change.", "Brilliant.", "Exactly what you want.", "Very pleased.",
};
const bank_t DETAIL_POS = BANK(detail_pos);
static const char *const close_promoter[] = {
    "Would definitely recommend.", "Will be back!", "Thanks!", "Thank you!", "Keep it up.",
    "Highly recommend.", "Thanks {name}!", "10/10 would recommend.", "Very happy customer.",
    "Great job everyone.", "Will recommend to friends and family.", "Thank you so much.",
    "Well done.", "Keep up the good work!",
};
const bank_t CLOSE_PROMOTER = BANK(close_promoter);
static const char *const close_passive[] = {
    "Could be better.", "Room for improvement.", "Otherwise fine.", "Overall ok.",
    "Not bad overall.", "Would probably use again.", "Just about ok.", "Decent enough.",
    "Otherwise no complaints.", "Fine otherwise.",
};
const bank_t CLOSE_PASSIVE = BANK(close_passive);
static const char *const close_detractor[] = {
    "Not impressed.", "Very disappointed.", "Sort it out.", "Absolutely shocking.",
    "Do better.", "Appalling service.", "Would not recommend.", "Avoid.", "Ridiculous.",
    "Not good enough.", "Disgraceful.", "Fix it.", "Sort yourselves out.",
};
const bank_t CLOSE_DETRACTOR = BANK(close_detractor);
static const char *const emoji_pos[] = {
    "👍", "🙂", "😊", "⭐⭐⭐⭐⭐", "❤️", "😀", ":)", ":-)", ":D", "👌", "🙏", "⭐", "👍👍",
    "😁", "🙌",
};
const bank_t EMOJI_POS = BANK(emoji_pos);
static const char *const emoji_neg[] = {
    "😡", "👎", "🙁", ":(", ":-(", "😠", "🤬", "😤", "😞", "🙄", "😡😡😡", ">:(", "👎👎",
    "😩",
};
const bank_t EMOJI_NEG = BANK(emoji_neg);
static const char *const emoji_mid[] = { "🤷", ":/", "😐", "🙂", "👍", "🤷‍♀️" };
const bank_t EMOJI_MID = BANK(emoji_mid);

/* Whole comments in other languages, by score band (promoter, passive, detractor). */
static const char *const foreign_promoter[] = {
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
const bank_t FOREIGN_PROMOTER = BANK(foreign_promoter);
static const char *const foreign_passive[] = {
    "Bien, aunque la entrega tardó un poco.",
    "Correct, mais l'application plante souvent.",
    "Ganz okay, aber die Preise sind gestiegen.",
    "Tutto bene, ma la consegna è stata lenta.",
    "Razoável, o site é um pouco confuso.",
    "Prima, maar de wachttijd was lang.",
    "Nic specjalnego, ceny trochę wysokie.",
};
const bank_t FOREIGN_PASSIVE = BANK(foreign_passive);
static const char *const foreign_detractor[] = {
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
const bank_t FOREIGN_DETRACTOR = BANK(foreign_detractor);

/* --- the population --- */
const char *const CHANNEL_NAMES[N_CHANNELS] = { "web", "app", "store", "phone", "chat" };
const int CHANNEL_WEIGHTS[N_CHANNELS] = { 30, 24, 22, 14, 10 };
const char *const REGION_NAMES[N_REGIONS] = { "North", "South", "East", "West", "Central" };
const int REGION_WEIGHTS[N_REGIONS] = { 22, 21, 19, 20, 18 };
/* Responses by hour of day (local time), relative. */
const int HOUR_WEIGHTS[24] = {
    2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 13, 13, 14, 13, 12, 12, 12, 13, 14, 15, 14, 11, 7, 4,
};

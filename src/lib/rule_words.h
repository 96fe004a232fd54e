/* rule_words.h: the words that the English rules of sentiment.c name
 * ("never", "could", "like", the verbs of knowing, the words of price...).
 *
 * The lexicon interns each one at load and stores its id in
 * vb_senti_entry.word, adding an entry marked VB_LEX_UNLISTED for a word
 * no file lists (a neutral one for an RWSET_SCORED word). The text stage caches entries per distinct word, so the
 * sentiment stage learns a token's id for free and a rule tests a word
 * with one integer compare (or one set bit) instead of a string compare
 * per use. Ids start at 1; 0 means no rule word.
 *
 * X(id, text, sets): `sets` are RWSET_* bits, the word lists a rule
 * searches. Adding a word here is all a new rule needs.
 */
#ifndef VB_RULE_WORDS_H
#define VB_RULE_WORDS_H

#include <stdint.h>

/* Word lists (bits of a rule word's sets). */
enum {
    RWSET_MENTAL = 1u << 0,    /* a verb of knowing or wanting: "don't know" is no failure */
    RWSET_SUBJECT = 1u << 1,   /* before "like", makes it the verb: "I like", "would like" */
    RWSET_PRICE = 1u << 2,     /* "cheap" praises in a clause about price */
    RWSET_SOUND = 1u << 3,     /* "loud" praises in a clause about sound */
    RWSET_AMOUNT = 1u << 4,    /* "huge" and its like praise in a clause about portions */
    RWSET_DEGREE = 1u << 5,    /* "a little more": skipped walking back to a modal */
    RWSET_WISH = 1u << 6,      /* "would have liked" */
    RWSET_MODAL_NEG = 1u << 7, /* "couldn't": with a comparative, nothing could be more so */
    RWSET_COPULA = 1u << 8,    /* "couldn't be happier", "can't imagine a better" */
    RWSET_MORE = 1u << 9,      /* "couldn't be any happier" */
    RWSET_SO = 1u << 10,       /* "never been so happy" intensifies */
    RWSET_MODAL = 1u << 11,    /* "could have been nice": a counterfactual */
    RWSET_MODAL_VE = 1u << 12, /* "could've been nice" */
    RWSET_TROUBLE = 1u << 13,  /* "fixed the problem": no complaint once remedied */
    RWSET_REMEDY = 1u << 14,   /* "fix", "fixed", "solve": denied, the trouble stands */
    RWSET_REMEDIED = 1u << 15, /* "fixed", "solves": a trouble remedied */
    RWSET_SOUGHT = 1u << 16,   /* "no refund": what a customer asks for, denied */
    RWSET_PENDING = 1u << 17,  /* "will be fixed", "can be solved": a remedy not done yet */
    RWSET_WAITED = 1u << 18,   /* "took 40 minutes", "waited 3 hours": a wait told in numbers */
    RWSET_WAIT_FILL = 1u << 19, /* "took them over 3 weeks": between the verb and the count */
    RWSET_WAIT_NOUN = 1u << 20, /* "a 40 minute wait" */
    /* The units of a wait, each long from its own count (sentiment.c). */
    RWSET_MINUTES = 1u << 21,
    RWSET_HOURS = 1u << 22,
    RWSET_DAYS = 1u << 23,
    RWSET_WEEKS = 1u << 24,
    RWSET_MONTHS = 1u << 25,
    /* A rule may give the word a valence of its own ("Try the sea bass.",
     * "took 3 weeks") or a role ("from" denies in "keeps it from looking
     * frumpy"), so it must be a candidate of the sentiment stage
     * even where no lexicon file lists it: the lexicon gives it a neutral
     * entry then (lexicon.c). */
    RWSET_SCORED = 1u << 26,
    RWSET_TRIED = 1u << 27,   /* "had to call them 4 times", "replaced twice": a verb of
                               * contacting, trying or repair */
    RWSET_TRIES = 1u << 28,   /* "took 3 attempts", "2 repairs": a noun of tries, counted */
    RWSET_PASSIVE = 1u << 29, /* "I've been asked several times": no try of the writer's */
    RWSET_PATRON = 1u << 30   /* "won't be ordering from you again": a verb of custom */
};

#define VB_RULE_WORDS(X)                                                                           \
    X(RW_NOT, "not", 0)                                                                            \
    X(RW_NEVER, "never", 0)                                                                        \
    X(RW_DIDNT, "didn't", 0)                                                                       \
    X(RW_DONT, "don't", 0)                                                                         \
    X(RW_DOESNT, "doesn't", 0)                                                                     \
    X(RW_DIDNT_BARE, "didnt", 0)                                                                   \
    X(RW_DONT_BARE, "dont", 0)                                                                     \
    X(RW_DOESNT_BARE, "doesnt", 0)                                                                 \
    X(RW_LEAST, "least", RWSET_WAIT_FILL)                                                          \
    X(RW_LIKE, "like", 0)                                                                          \
    X(RW_TRY, "try", RWSET_SCORED | RWSET_TRIED)                                                   \
    X(RW_SKIP, "skip", RWSET_SCORED)                                                               \
    X(RW_AGAIN, "again", RWSET_SCORED)                                                             \
    X(RW_ONLY, "only", 0)                                                                          \
    X(RW_ONCE, "once", 0)                                                                          \
    X(RW_SINGLE, "single", 0)                                                                      \
    X(RW_WITHOUT, "without", 0)                                                                    \
    X(RW_MAKING, "making", 0)                                                                      \
    X(RW_ENOUGH, "enough", 0)                                                                      \
    X(RW_CAN, "can", RWSET_PENDING)                                                                \
    X(RW_HAVE, "have", 0)                                                                          \
    X(RW_IMPROVED, "improved", 0)                                                                  \
    X(RW_BETTER, "better", 0)                                                                      \
    X(RW_WORSE, "worse", 0)                                                                        \
    X(RW_CHEAP, "cheap", 0)                                                                        \
    X(RW_CHEAPER, "cheaper", 0)                                                                    \
    X(RW_LOUD, "loud", 0)                                                                          \
    X(RW_LOUDER, "louder", 0)                                                                      \
    X(RW_HUGE, "huge", 0)                                                                          \
    X(RW_COULDVE, "could've", RWSET_MODAL_VE)                                                      \
    X(RW_WOULDVE, "would've", RWSET_MODAL_VE)                                                      \
    X(RW_SHOULDVE, "should've", RWSET_MODAL_VE)                                                    \
    X(RW_MIGHTVE, "might've", RWSET_MODAL_VE)                                                      \
    X(RW_KNOW, "know", RWSET_MENTAL)                                                               \
    X(RW_KNEW, "knew", RWSET_MENTAL)                                                               \
    X(RW_THINK, "think", RWSET_MENTAL)                                                             \
    X(RW_THOUGHT, "thought", RWSET_MENTAL)                                                         \
    X(RW_BELIEVE, "believe", RWSET_MENTAL)                                                         \
    X(RW_UNDERSTAND, "understand", RWSET_MENTAL)                                                   \
    X(RW_REMEMBER, "remember", RWSET_MENTAL)                                                       \
    X(RW_NEED, "need", RWSET_MENTAL | RWSET_SCORED)                                                \
    X(RW_MIND, "mind", RWSET_MENTAL)                                                               \
    X(RW_CARE, "care", RWSET_MENTAL)                                                               \
    X(RW_PLAN, "plan", RWSET_MENTAL)                                                               \
    X(RW_INTEND, "intend", RWSET_MENTAL)                                                           \
    X(RW_WANT, "want", RWSET_MENTAL)                                                               \
    X(RW_WANTED, "wanted", RWSET_MENTAL)                                                           \
    X(RW_WANTS, "wants", RWSET_MENTAL)                                                             \
    X(RW_SURE, "sure", RWSET_MENTAL)                                                               \
    X(RW_EXPECT, "expect", RWSET_MENTAL)                                                           \
    X(RW_EXPECTED, "expected", RWSET_MENTAL)                                                       \
    X(RW_EXPECTING, "expecting", RWSET_MENTAL)                                                     \
    X(RW_IMAGINE, "imagine", RWSET_MENTAL | RWSET_COPULA)                                          \
    X(RW_REALIZE, "realize", RWSET_MENTAL)                                                         \
    X(RW_REALISE, "realise", RWSET_MENTAL)                                                         \
    X(RW_FIGURE, "figure", RWSET_MENTAL)                                                           \
    X(RW_FIGURED, "figured", RWSET_MENTAL)                                                         \
    X(RW_WONDER, "wonder", RWSET_MENTAL)                                                           \
    X(RW_I, "i", RWSET_SUBJECT)                                                                    \
    X(RW_WE, "we", RWSET_SUBJECT)                                                                  \
    X(RW_MY, "my", 0)                                                                              \
    X(RW_OUR, "our", 0)                                                                            \
    X(RW_AFTER, "after", 0)                                                                        \
    X(RW_YOU, "you", RWSET_SUBJECT)                                                                \
    X(RW_THEY, "they", RWSET_SUBJECT)                                                              \
    X(RW_HE, "he", RWSET_SUBJECT)                                                                  \
    X(RW_SHE, "she", RWSET_SUBJECT)                                                                \
    X(RW_U, "u", RWSET_SUBJECT)                                                                    \
    X(RW_PEOPLE, "people", RWSET_SUBJECT)                                                          \
    X(RW_WHO, "who", RWSET_SUBJECT)                                                                \
    X(RW_THAT, "that", RWSET_SUBJECT)                                                              \
    X(RW_WHICH, "which", RWSET_SUBJECT)                                                            \
    X(RW_TO, "to", RWSET_SUBJECT)                                                                  \
    X(RW_WOULD, "would", RWSET_SUBJECT | RWSET_MODAL | RWSET_PENDING)                              \
    X(RW_APOS_D, "'d", RWSET_SUBJECT)                                                              \
    X(RW_D, "d", RWSET_SUBJECT)                                                                    \
    X(RW_DO, "do", RWSET_SUBJECT)                                                                  \
    X(RW_DOES, "does", RWSET_SUBJECT)                                                              \
    X(RW_DID, "did", RWSET_SUBJECT)                                                                \
    X(RW_REALLY, "really", RWSET_SUBJECT)                                                          \
    X(RW_ALSO, "also", RWSET_SUBJECT)                                                              \
    X(RW_STILL, "still", RWSET_SUBJECT)                                                            \
    X(RW_JUST, "just", RWSET_SUBJECT)                                                              \
    X(RW_DEFINITELY, "definitely", RWSET_SUBJECT)                                                  \
    X(RW_ACTUALLY, "actually", RWSET_SUBJECT)                                                      \
    X(RW_TRULY, "truly", RWSET_SUBJECT)                                                            \
    X(RW_ESPECIALLY, "especially", RWSET_SUBJECT)                                                  \
    X(RW_PERSONALLY, "personally", RWSET_SUBJECT)                                                  \
    X(RW_BOTH, "both", RWSET_SUBJECT)                                                              \
    X(RW_ALL, "all", RWSET_SUBJECT)                                                                \
    X(RW_WILL, "will", RWSET_SUBJECT | RWSET_PENDING)                                              \
    X(RW_MIGHT, "might", RWSET_SUBJECT | RWSET_MODAL | RWSET_PENDING)                              \
    X(RW_MAY, "may", RWSET_SUBJECT | RWSET_PENDING)                                                \
    X(RW_SHOULD, "should", RWSET_SUBJECT | RWSET_MODAL | RWSET_PENDING)                            \
    X(RW_COULD, "could", RWSET_SUBJECT | RWSET_MODAL | RWSET_PENDING)                              \
    X(RW_LL, "ll", RWSET_SUBJECT)                                                                  \
    X(RW_APOS_LL, "'ll", RWSET_SUBJECT)                                                            \
    X(RW_ALWAYS, "always", RWSET_SUBJECT)                                                          \
    X(RW_TOTALLY, "totally", RWSET_SUBJECT)                                                        \
    X(RW_PRICE, "price", RWSET_PRICE)                                                              \
    X(RW_PRICES, "prices", RWSET_PRICE)                                                            \
    X(RW_PRICED, "priced", RWSET_PRICE)                                                            \
    X(RW_PRICING, "pricing", RWSET_PRICE)                                                          \
    X(RW_COST, "cost", RWSET_PRICE)                                                                \
    X(RW_COSTS, "costs", RWSET_PRICE)                                                              \
    X(RW_BUCKS, "bucks", RWSET_PRICE)                                                              \
    X(RW_DOLLARS, "dollars", RWSET_PRICE)                                                          \
    X(RW_EATS, "eats", RWSET_PRICE)                                                                \
    X(RW_DEAL, "deal", RWSET_PRICE | RWSET_PATRON)                                                 \
    X(RW_SPEAKER, "speaker", RWSET_SOUND)                                                          \
    X(RW_SPEAKERS, "speakers", RWSET_SOUND)                                                        \
    X(RW_SPEAKERPHONE, "speakerphone", RWSET_SOUND)                                                \
    X(RW_SOUND, "sound", RWSET_SOUND)                                                              \
    X(RW_SOUNDS, "sounds", RWSET_SOUND)                                                            \
    X(RW_VOLUME, "volume", RWSET_SOUND)                                                            \
    X(RW_AUDIO, "audio", RWSET_SOUND)                                                              \
    X(RW_RINGER, "ringer", RWSET_SOUND)                                                            \
    X(RW_RING, "ring", RWSET_SOUND | RWSET_TRIED)                                                  \
    X(RW_RINGTONE, "ringtone", RWSET_SOUND)                                                        \
    X(RW_RINGTONES, "ringtones", RWSET_SOUND)                                                      \
    X(RW_PORTION, "portion", RWSET_AMOUNT)                                                         \
    X(RW_PORTIONS, "portions", RWSET_AMOUNT)                                                       \
    X(RW_SERVING, "serving", RWSET_AMOUNT)                                                         \
    X(RW_SERVINGS, "servings", RWSET_AMOUNT)                                                       \
    X(RW_SELECTION, "selection", RWSET_AMOUNT)                                                     \
    X(RW_MENU, "menu", RWSET_AMOUNT)                                                               \
    X(RW_VARIETY, "variety", RWSET_AMOUNT)                                                         \
    X(RW_CHOICE, "choice", RWSET_AMOUNT)                                                           \
    X(RW_CHOICES, "choices", RWSET_AMOUNT)                                                         \
    X(RW_SCREEN, "screen", RWSET_AMOUNT)                                                           \
    X(RW_STORAGE, "storage", RWSET_AMOUNT)                                                         \
    X(RW_A, "a", RWSET_DEGREE | RWSET_WAIT_FILL)                                                   \
    X(RW_LITTLE, "little", RWSET_DEGREE)                                                           \
    X(RW_BIT, "bit", RWSET_DEGREE)                                                                 \
    X(RW_LOT, "lot", RWSET_DEGREE)                                                                 \
    X(RW_MORE, "more", RWSET_DEGREE | RWSET_MORE | RWSET_WAIT_FILL)                                \
    X(RW_MUCH, "much", RWSET_DEGREE)                                                               \
    X(RW_WAY, "way", RWSET_DEGREE)                                                                 \
    X(RW_TAD, "tad", RWSET_DEGREE)                                                                 \
    X(RW_SLIGHTLY, "slightly", RWSET_DEGREE)                                                       \
    X(RW_FAR, "far", RWSET_DEGREE)                                                                 \
    X(RW_EVEN, "even", RWSET_DEGREE)                                                               \
    X(RW_LIKED, "liked", RWSET_WISH)                                                               \
    X(RW_LOVED, "loved", RWSET_WISH)                                                               \
    X(RW_PREFERRED, "preferred", RWSET_WISH)                                                       \
    X(RW_APPRECIATED, "appreciated", RWSET_WISH)                                                   \
    X(RW_COULDNT, "couldn't", RWSET_MODAL_NEG)                                                     \
    X(RW_COULDNT_BARE, "couldnt", RWSET_MODAL_NEG)                                                 \
    X(RW_CANT, "can't", RWSET_MODAL_NEG)                                                           \
    X(RW_CANT_BARE, "cant", RWSET_MODAL_NEG)                                                       \
    X(RW_CANNOT, "cannot", RWSET_MODAL_NEG)                                                        \
    X(RW_BE, "be", RWSET_COPULA | RWSET_PASSIVE)                                                   \
    X(RW_BEEN, "been", RWSET_COPULA | RWSET_PASSIVE)                                               \
    X(RW_GET, "get", RWSET_COPULA | RWSET_PASSIVE)                                                 \
    X(RW_ANY, "any", RWSET_MORE)                                                                   \
    X(RW_ANYTHING, "anything", 0)                                                                  \
    X(RW_SO, "so", RWSET_SO)                                                                       \
    X(RW_THIS, "this", RWSET_SO)                                                                   \
    X(RW_SUCH, "such", RWSET_SO)                                                                   \
    X(RW_FELT, "felt", 0)                                                                          \
    X(RW_SEEN, "seen", 0)                                                                          \
    X(RW_TASTED, "tasted", 0)                                                                      \
    X(RW_EATEN, "eaten", 0)                                                                        \
    X(RW_EXPERIENCED, "experienced", 0)                                                            \
    X(RW_MET, "met", 0)                                                                            \
    X(RW_RECEIVED, "received", 0)                                                                  \
    X(RW_PROBLEM, "problem", RWSET_TROUBLE)                                                        \
    X(RW_PROBLEMS, "problems", RWSET_TROUBLE)                                                      \
    X(RW_ISSUE, "issue", RWSET_TROUBLE)                                                            \
    X(RW_ISSUES, "issues", RWSET_TROUBLE)                                                          \
    X(RW_FAULT, "fault", RWSET_TROUBLE)                                                            \
    X(RW_FAULTS, "faults", RWSET_TROUBLE)                                                          \
    X(RW_ERROR, "error", RWSET_TROUBLE)                                                            \
    X(RW_ERRORS, "errors", RWSET_TROUBLE)                                                          \
    X(RW_COMPLAINT, "complaint", RWSET_TROUBLE)                                                    \
    X(RW_COMPLAINTS, "complaints", RWSET_TROUBLE)                                                  \
    X(RW_LEAK, "leak", RWSET_TROUBLE)                                                              \
    X(RW_LEAKS, "leaks", RWSET_TROUBLE)                                                            \
    X(RW_GLITCH, "glitch", RWSET_TROUBLE)                                                          \
    X(RW_GLITCHES, "glitches", RWSET_TROUBLE)                                                      \
    X(RW_BUG, "bug", RWSET_TROUBLE)                                                                \
    X(RW_BUGS, "bugs", RWSET_TROUBLE)                                                              \
    X(RW_BROKEN, "broken", RWSET_TROUBLE)                                                          \
    X(RW_FAULTY, "faulty", RWSET_TROUBLE)                                                          \
    X(RW_DAMAGED, "damaged", RWSET_TROUBLE)                                                        \
    X(RW_CRACKED, "cracked", RWSET_TROUBLE)                                                        \
    X(RW_DEFECTIVE, "defective", RWSET_TROUBLE)                                                    \
    X(RW_FIXED, "fixed", RWSET_REMEDY | RWSET_REMEDIED)                                            \
    X(RW_FIXES, "fixes", RWSET_REMEDY | RWSET_REMEDIED)                                            \
    X(RW_SOLVED, "solved", RWSET_REMEDY | RWSET_REMEDIED)                                          \
    X(RW_SOLVES, "solves", RWSET_REMEDY | RWSET_REMEDIED)                                          \
    X(RW_RESOLVED, "resolved", RWSET_REMEDY | RWSET_REMEDIED)                                      \
    X(RW_RESOLVES, "resolves", RWSET_REMEDY | RWSET_REMEDIED)                                      \
    X(RW_SORTED, "sorted", RWSET_REMEDY | RWSET_REMEDIED)                                          \
    X(RW_FIX, "fix", RWSET_REMEDY)                                                                 \
    X(RW_FIXING, "fixing", RWSET_REMEDY)                                                           \
    X(RW_SOLVE, "solve", RWSET_REMEDY)                                                             \
    X(RW_SOLVING, "solving", RWSET_REMEDY)                                                         \
    X(RW_RESOLVE, "resolve", RWSET_REMEDY)                                                         \
    X(RW_RESOLVING, "resolving", RWSET_REMEDY)                                                     \
    X(RW_SORT, "sort", RWSET_REMEDY)                                                               \
    X(RW_SORTING, "sorting", RWSET_REMEDY)                                                         \
    X(RW_RECTIFY, "rectify", RWSET_REMEDY)                                                         \
    X(RW_RECTIFIED, "rectified", RWSET_REMEDY | RWSET_REMEDIED)                                    \
    X(RW_ADDRESSED, "addressed", RWSET_REMEDY | RWSET_REMEDIED)                                    \
    X(RW_HANDLED, "handled", RWSET_REMEDY | RWSET_REMEDIED)                                        \
    X(RW_ADDRESS, "address", RWSET_REMEDY)                                                         \
    X(RW_ADDRESSING, "addressing", RWSET_REMEDY)                                                   \
    X(RW_HANDLE, "handle", RWSET_REMEDY)                                                           \
    X(RW_HANDLING, "handling", RWSET_REMEDY)                                                       \
    X(RW_UNTIL, "until", 0)                                                                        \
    X(RW_REFUND, "refund", RWSET_SOUGHT)                                                           \
    X(RW_REFUNDED, "refunded", RWSET_SOUGHT)                                                       \
    X(RW_REFUNDS, "refunds", RWSET_SOUGHT)                                                         \
    X(RW_TOOK, "took", RWSET_WAITED)                                                               \
    X(RW_TAKE, "take", RWSET_WAITED)                                                               \
    X(RW_TAKES, "takes", RWSET_WAITED)                                                             \
    X(RW_TAKING, "taking", RWSET_WAITED)                                                           \
    X(RW_WAITED, "waited", RWSET_WAITED)                                                           \
    X(RW_WAITS, "waits", RWSET_WAITED)                                                             \
    X(RW_WAITING, "waiting", RWSET_WAITED)                                                         \
    X(RW_QUEUED, "queued", RWSET_WAITED)                                                           \
    X(RW_QUEUING, "queuing", RWSET_WAITED)                                                         \
    X(RW_QUEUEING, "queueing", RWSET_WAITED)                                                       \
    X(RW_HELD, "held", RWSET_WAITED)                                                               \
    X(RW_WAIT, "wait", RWSET_WAITED | RWSET_WAIT_NOUN)                                             \
    X(RW_QUEUE, "queue", RWSET_WAITED | RWSET_WAIT_NOUN)                                           \
    X(RW_HOLD, "hold", RWSET_WAITED | RWSET_WAIT_NOUN)                                             \
    X(RW_DELAY, "delay", RWSET_WAIT_NOUN)                                                          \
    X(RW_OVER, "over", RWSET_WAIT_FILL)                                                            \
    X(RW_THAN, "than", RWSET_WAIT_FILL)                                                            \
    X(RW_NEARLY, "nearly", RWSET_WAIT_FILL)                                                        \
    X(RW_ALMOST, "almost", RWSET_WAIT_FILL)                                                        \
    X(RW_ABOUT, "about", RWSET_WAIT_FILL)                                                          \
    X(RW_AROUND, "around", RWSET_WAIT_FILL)                                                        \
    X(RW_ROUGHLY, "roughly", RWSET_WAIT_FILL)                                                      \
    X(RW_AT, "at", RWSET_WAIT_FILL)                                                                \
    X(RW_ANOTHER, "another", RWSET_WAIT_FILL)                                                      \
    X(RW_FURTHER, "further", RWSET_WAIT_FILL)                                                      \
    X(RW_EXTRA, "extra", RWSET_WAIT_FILL)                                                          \
    X(RW_FOR, "for", RWSET_WAIT_FILL)                                                              \
    X(RW_ME, "me", RWSET_WAIT_FILL)                                                                \
    X(RW_US, "us", RWSET_WAIT_FILL)                                                                \
    X(RW_THEM, "them", RWSET_WAIT_FILL)                                                            \
    X(RW_HIM, "him", RWSET_WAIT_FILL)                                                              \
    X(RW_HER, "her", RWSET_WAIT_FILL)                                                              \
    X(RW_AN, "an", 0)                                                                              \
    X(RW_ONE, "one", 0)                                                                            \
    X(RW_TWO, "two", 0)                                                                            \
    X(RW_THREE, "three", 0)                                                                        \
    X(RW_FOUR, "four", 0)                                                                          \
    X(RW_FIVE, "five", RWSET_SCORED)                                                               \
    X(RW_SIX, "six", 0)                                                                            \
    X(RW_SEVEN, "seven", 0)                                                                        \
    X(RW_EIGHT, "eight", 0)                                                                        \
    X(RW_NINE, "nine", 0)                                                                          \
    X(RW_TEN, "ten", RWSET_SCORED)                                                                 \
    X(RW_TWELVE, "twelve", 0)                                                                      \
    X(RW_FIFTEEN, "fifteen", 0)                                                                    \
    X(RW_TWENTY, "twenty", 0)                                                                      \
    X(RW_THIRTY, "thirty", 0)                                                                      \
    X(RW_FORTY, "forty", 0)                                                                        \
    X(RW_FIFTY, "fifty", 0)                                                                        \
    X(RW_SIXTY, "sixty", 0)                                                                        \
    X(RW_NINETY, "ninety", 0)                                                                      \
    X(RW_FEW, "few", 0)                                                                            \
    X(RW_SEVERAL, "several", 0)                                                                    \
    X(RW_MANY, "many", 0)                                                                          \
    X(RW_NUMEROUS, "numerous", 0)                                                                  \
    X(RW_MULTIPLE, "multiple", 0)                                                                  \
    X(RW_COUNTLESS, "countless", 0)                                                                \
    X(RW_MINUTE, "minute", RWSET_MINUTES | RWSET_SCORED)                                           \
    X(RW_MINUTES, "minutes", RWSET_MINUTES | RWSET_SCORED)                                         \
    X(RW_MIN, "min", RWSET_MINUTES | RWSET_SCORED)                                                 \
    X(RW_MINS, "mins", RWSET_MINUTES | RWSET_SCORED)                                               \
    X(RW_HOUR, "hour", RWSET_HOURS | RWSET_SCORED)                                                 \
    X(RW_HOURS, "hours", RWSET_HOURS | RWSET_SCORED)                                               \
    X(RW_HR, "hr", RWSET_HOURS | RWSET_SCORED)                                                     \
    X(RW_HRS, "hrs", RWSET_HOURS | RWSET_SCORED)                                                   \
    X(RW_DAY, "day", RWSET_DAYS | RWSET_SCORED)                                                    \
    X(RW_DAYS, "days", RWSET_DAYS | RWSET_SCORED)                                                  \
    X(RW_WEEK, "week", RWSET_WEEKS | RWSET_SCORED)                                                 \
    X(RW_WEEKS, "weeks", RWSET_WEEKS | RWSET_SCORED)                                               \
    X(RW_MONTH, "month", RWSET_MONTHS | RWSET_SCORED)                                              \
    X(RW_MONTHS, "months", RWSET_MONTHS | RWSET_SCORED)                                            \
    X(RW_TIMES, "times", RWSET_SCORED)                                                             \
    X(RW_OCCASIONS, "occasions", RWSET_SCORED)                                                     \
    X(RW_TWICE, "twice", RWSET_SCORED)                                                             \
    X(RW_KEEP, "keep", RWSET_SCORED)                                                               \
    X(RW_KEEPS, "keeps", RWSET_SCORED)                                                             \
    X(RW_KEPT, "kept", RWSET_SCORED)                                                               \
    X(RW_HAD, "had", 0)                                                                            \
    X(RW_HAS, "has", 0)                                                                            \
    X(RW_HAVING, "having", 0)                                                                      \
    X(RW_BACK, "back", 0)                                                                          \
    X(RW_HERE, "here", 0)                                                                          \
    X(RW_EVERYONE, "everyone", 0)                                                                  \
    X(RW_EVERYBODY, "everybody", 0)                                                                \
    X(RW_PER, "per", 0)                                                                            \
    X(RW_LESS, "less", 0)                                                                          \
    X(RW_SOME, "some", 0)                                                                          \
    X(RW_EVERY, "every", 0)                                                                        \
    X(RW_EACH, "each", 0)                                                                          \
    X(RW_SEPARATE, "separate", 0)                                                                  \
    X(RW_DIFFERENT, "different", 0)                                                                \
    X(RW_ATTEMPTS, "attempts", RWSET_TRIES | RWSET_SCORED)                                         \
    X(RW_TRIES, "tries", RWSET_TRIES | RWSET_SCORED)                                               \
    X(RW_CALLS, "calls", RWSET_TRIES | RWSET_SCORED)                                               \
    X(RW_EMAILS, "emails", RWSET_TRIES | RWSET_SCORED)                                             \
    X(RW_REPAIRS, "repairs", RWSET_TRIES | RWSET_SCORED)                                           \
    X(RW_REPLACEMENTS, "replacements", RWSET_TRIES | RWSET_SCORED)                                 \
    X(RW_CALL, "call", RWSET_TRIED)                                                                \
    X(RW_CALLED, "called", RWSET_TRIED)                                                            \
    X(RW_CALLING, "calling", RWSET_TRIED)                                                          \
    X(RW_RANG, "rang", RWSET_TRIED)                                                                \
    X(RW_RUNG, "rung", RWSET_TRIED)                                                                \
    X(RW_PHONED, "phoned", RWSET_TRIED)                                                            \
    X(RW_EMAIL, "email", RWSET_TRIED)                                                              \
    X(RW_EMAILED, "emailed", RWSET_TRIED)                                                          \
    X(RW_CONTACT, "contact", RWSET_TRIED)                                                          \
    X(RW_CONTACTED, "contacted", RWSET_TRIED)                                                      \
    X(RW_CHASE, "chase", RWSET_TRIED)                                                              \
    X(RW_CHASED, "chased", RWSET_TRIED)                                                            \
    X(RW_CHASING, "chasing", RWSET_TRIED)                                                          \
    X(RW_ASK, "ask", RWSET_TRIED)                                                                  \
    X(RW_ASKED, "asked", RWSET_TRIED)                                                              \
    X(RW_ASKING, "asking", RWSET_TRIED)                                                            \
    X(RW_TRIED, "tried", RWSET_TRIED)                                                              \
    X(RW_TRYING, "trying", RWSET_TRIED)                                                            \
    X(RW_COMPLAINED, "complained", RWSET_TRIED)                                                    \
    X(RW_REQUESTED, "requested", RWSET_TRIED)                                                      \
    X(RW_REPORTED, "reported", RWSET_TRIED)                                                        \
    X(RW_EXPLAINED, "explained", RWSET_TRIED)                                                      \
    X(RW_TOLD, "told", RWSET_TRIED)                                                                \
    X(RW_MESSAGED, "messaged", RWSET_TRIED)                                                        \
    X(RW_TEXTED, "texted", RWSET_TRIED)                                                            \
    X(RW_WROTE, "wrote", RWSET_TRIED)                                                              \
    X(RW_SENT, "sent", RWSET_TRIED)                                                                \
    X(RW_REPEATED, "repeated", RWSET_TRIED)                                                        \
    X(RW_RESET, "reset", RWSET_TRIED)                                                              \
    X(RW_RESTARTED, "restarted", RWSET_TRIED)                                                      \
    X(RW_REBOOTED, "rebooted", RWSET_TRIED)                                                        \
    X(RW_REPAIR, "repair", RWSET_TRIED)                                                            \
    X(RW_REPAIRED, "repaired", RWSET_TRIED | RWSET_REMEDY | RWSET_REMEDIED)                        \
    X(RW_REPLACED, "replaced", RWSET_TRIED | RWSET_REMEDY | RWSET_REMEDIED)                        \
    X(RW_IS, "is", RWSET_PASSIVE)                                                                  \
    X(RW_ARE, "are", RWSET_PASSIVE)                                                                \
    X(RW_WAS, "was", RWSET_PASSIVE)                                                                \
    X(RW_WERE, "were", RWSET_PASSIVE)                                                              \
    X(RW_BEING, "being", RWSET_PASSIVE)                                                            \
    X(RW_GOT, "got", RWSET_PASSIVE)                                                                \
    X(RW_GETS, "gets", RWSET_PASSIVE)                                                              \
    X(RW_GETTING, "getting", RWSET_PASSIVE)                                                        \
    X(RW_ORDER, "order", RWSET_PATRON)                                                             \
    X(RW_ORDERING, "ordering", RWSET_PATRON)                                                       \
    X(RW_ORDERED, "ordered", RWSET_PATRON)                                                         \
    X(RW_SHOP, "shop", RWSET_PATRON)                                                               \
    X(RW_SHOPPING, "shopping", RWSET_PATRON)                                                       \
    X(RW_SHOPPED, "shopped", RWSET_PATRON)                                                         \
    X(RW_BUY, "buy", RWSET_PATRON)                                                                 \
    X(RW_BUYING, "buying", RWSET_PATRON)                                                           \
    X(RW_BOUGHT, "bought", RWSET_PATRON)                                                           \
    X(RW_PURCHASE, "purchase", RWSET_PATRON)                                                       \
    X(RW_PURCHASING, "purchasing", RWSET_PATRON)                                                   \
    X(RW_PURCHASED, "purchased", RWSET_PATRON)                                                     \
    X(RW_USE, "use", RWSET_PATRON | RWSET_SCORED)                                                  \
    X(RW_USING, "using", RWSET_PATRON)                                                             \
    X(RW_USED, "used", RWSET_PATRON)                                                               \
    X(RW_COME, "come", RWSET_PATRON)                                                               \
    X(RW_COMING, "coming", RWSET_PATRON)                                                           \
    X(RW_CAME, "came", RWSET_PATRON)                                                               \
    X(RW_GO, "go", RWSET_PATRON)                                                                   \
    X(RW_GOING, "going", RWSET_PATRON)                                                             \
    X(RW_WENT, "went", RWSET_PATRON)                                                               \
    X(RW_VISIT, "visit", RWSET_PATRON)                                                             \
    X(RW_VISITING, "visiting", RWSET_PATRON)                                                       \
    X(RW_VISITED, "visited", RWSET_PATRON)                                                         \
    X(RW_RETURN, "return", RWSET_PATRON)                                                           \
    X(RW_RETURNING, "returning", RWSET_PATRON)                                                     \
    X(RW_RETURNED, "returned", RWSET_PATRON)                                                       \
    X(RW_STAY, "stay", RWSET_PATRON)                                                               \
    X(RW_STAYING, "staying", RWSET_PATRON)                                                         \
    X(RW_STAYED, "stayed", RWSET_PATRON)                                                           \
    X(RW_BOOK, "book", RWSET_PATRON)                                                               \
    X(RW_BOOKING, "booking", RWSET_PATRON)                                                         \
    X(RW_BOOKED, "booked", RWSET_PATRON)                                                           \
    X(RW_EAT, "eat", RWSET_PATRON)                                                                 \
    X(RW_EATING, "eating", RWSET_PATRON)                                                           \
    X(RW_ATE, "ate", RWSET_PATRON)                                                                 \
    X(RW_FLY, "fly", RWSET_PATRON)                                                                 \
    X(RW_FLYING, "flying", RWSET_PATRON)                                                           \
    X(RW_FLEW, "flew", RWSET_PATRON)                                                               \
    X(RW_DEALING, "dealing", RWSET_PATRON)                                                         \
    X(RW_DEALT, "dealt", RWSET_PATRON)                                                             \
    X(RW_EVER, "ever", 0)                                                                          \
    X(RW_CERTAINLY, "certainly", 0)                                                                \
    X(RW_HAPPILY, "happily", 0)                                                                    \
    X(RW_GLADLY, "gladly", 0)                                                                      \
    X(RW_PROBABLY, "probably", 0)                                                                  \
    X(RW_I_LL, "i'll", 0)                                                                          \
    X(RW_WE_LL, "we'll", 0)                                                                        \
    X(RW_I_D, "i'd", 0)                                                                            \
    X(RW_WE_D, "we'd", 0)                                                                          \
    X(RW_ON, "on", 0)                                                                              \
    X(RW_AM, "am", 0)                                                                              \
    X(RW_I_M, "i'm", 0)                                                                            \
    X(RW_IM, "im", 0)                                                                              \
    X(RW_WE_RE, "we're", 0)                                                                        \
    X(RW_YOU_RE, "you're", 0)                                                                      \
    X(RW_THEY_RE, "they're", 0)                                                                    \
    X(RW_LOVE, "love", 0)                                                                          \
    X(RW_ENJOY, "enjoy", 0)                                                                        \
    X(RW_ADORE, "adore", 0)                                                                        \
    X(RW_HOPE, "hope", 0)                                                                          \
    X(RW_HOPES, "hopes", 0)                                                                        \
    X(RW_HOPED, "hoped", 0)                                                                        \
    X(RW_HOPING, "hoping", 0)                                                                      \
    X(RW_HOPEFULLY, "hopefully", 0)                                                                \
    X(RW_WISH, "wish", 0)                                                                          \
    X(RW_WISHED, "wished", 0)                                                                      \
    X(RW_WISHING, "wishing", 0)                                                                    \
    X(RW_AND, "and", 0)                                                                            \
    X(RW_IF, "if", 0)                                                                              \
    X(RW_AS, "as", 0)                                                                              \
    X(RW_THOUGH, "though", 0)                                                                      \
    X(RW_IT, "it", 0)                                                                              \
    X(RW_IT_D, "it'd", 0)                                                                          \
    X(RW_SEE, "see", 0)                                                                            \
    X(RW_YOUR, "your", 0)                                                                          \
    X(RW_IMPROVE, "improve", 0)                                                                    \
    X(RW_MUST, "must", 0)                                                                          \
    X(RW_NEEDS, "needs", RWSET_SCORED)                                                             \
    X(RW_PLEASE, "please", 0)                                                                      \
    X(RW_NEEDED, "needed", RWSET_SCORED)                                                           \
    X(RW_CARED, "cared", 0)                                                                        \
    X(RW_OF, "of", 0)                                                                              \
    X(RW_MAYBE, "maybe", 0)                                                                        \
    X(RW_EASILY, "easily", 0)                                                                      \
    X(RW_NOTHING, "nothing", 0)                                                                    \
    X(RW_BUT, "but", 0)                                                                            \
    X(RW_SMALL, "small", 0)                                                                        \
    X(RW_SMALLER, "smaller", 0)                                                                    \
    X(RW_TINY, "tiny", 0)                                                                          \
    X(RW_LARGE, "large", 0)                                                                        \
    X(RW_LARGER, "larger", 0)                                                                      \
    X(RW_BIG, "big", 0)                                                                            \
    X(RW_BIGGER, "bigger", 0)                                                                      \
    X(RW_SHORT, "short", 0)                                                                        \
    X(RW_SHORTER, "shorter", 0)                                                                    \
    X(RW_LONG, "long", 0)                                                                          \
    X(RW_LONGER, "longer", 0)                                                                      \
    X(RW_TALL, "tall", 0)                                                                          \
    X(RW_HIGH, "high", 0)                                                                          \
    X(RW_LOW, "low", 0)                                                                            \
    X(RW_TIGHT, "tight", 0)                                                                        \
    X(RW_TIGHTER, "tighter", 0)                                                                    \
    X(RW_LOOSE, "loose", 0)                                                                        \
    X(RW_LOOSER, "looser", 0)                                                                      \
    X(RW_WIDE, "wide", 0)                                                                          \
    X(RW_NARROW, "narrow", 0)                                                                      \
    X(RW_THICK, "thick", 0)                                                                        \
    X(RW_SKINNY, "skinny", 0)                                                                      \
    X(RW_FITTED, "fitted", 0)                                                                      \
    X(RW_CROPPED, "cropped", 0)                                                                    \
    X(RW_HEAVY, "heavy", 0)                                                                        \
    X(RW_STIFF, "stiff", 0)                                                                        \
    X(RW_STANDARD, "standard", 0)                                                                  \
    X(RW_BASIC, "basic", 0)                                                                        \
    X(RW_STRAIGHT, "straight", 0)                                                                  \
    X(RW_CLOSE, "close", 0)                                                                        \
    X(RW_WARM, "warm", 0)                                                                          \
    X(RW_BRIGHT, "bright", 0)                                                                      \
    X(RW_DELICATE, "delicate", 0)                                                                  \
    X(RW_SWEET, "sweet", 0)                                                                        \
    X(RW_RICH, "rich", 0)                                                                          \
    X(RW_STRONG, "strong", 0)                                                                      \
    X(RW_CASUAL, "casual", 0)                                                                      \
    X(RW_BOLD, "bold", 0)                                                                          \
    X(RW_VIBRANT, "vibrant", 0)                                                                    \
    X(RW_RUNS, "runs", 0)                                                                          \
    X(RW_RAN, "ran", 0)                                                                            \
    X(RW_RUN, "run", 0)                                                                            \
    X(RW_SEEMS, "seems", 0)                                                                        \
    X(RW_SEEMED, "seemed", 0)                                                                      \
    X(RW_LOOKS, "looks", 0)                                                                        \
    X(RW_LOOKED, "looked", 0)                                                                      \
    X(RW_FEELS, "feels", 0)                                                                        \
    X(RW_FEEL, "feel", 0)                                                                          \
    X(RW_LOOK, "look", 0)                                                                          \
    X(RW_SEEM, "seem", 0)                                                                          \
    X(RW_IT_S, "it's", 0)                                                                          \
    X(RW_ITS, "its", 0)                                                                            \
    X(RW_THAT_S, "that's", 0)                                                                      \
    X(RW_FROM, "from", RWSET_SCORED)                                                               \
    X(RW_AWAY, "away", 0)                                                                          \
    X(RW_KEEPING, "keeping", 0)                                                                    \
    X(RW_STOP, "stop", 0)                                                                          \
    X(RW_STOPS, "stops", 0)                                                                        \
    X(RW_STOPPED, "stopped", 0)                                                                    \
    X(RW_STOPPING, "stopping", 0)                                                                  \
    X(RW_PREVENT, "prevent", 0)                                                                    \
    X(RW_PREVENTS, "prevents", 0)                                                                  \
    X(RW_PREVENTED, "prevented", 0)                                                                \
    X(RW_PREVENTING, "preventing", 0)                                                              \
    X(RW_GIVE, "give", 0)                                                                          \
    X(RW_GIVES, "gives", 0)                                                                        \
    X(RW_GAVE, "gave", 0)                                                                          \
    X(RW_GIVEN, "given", 0)                                                                        \
    X(RW_GIVING, "giving", 0)                                                                      \
    X(RW_CAUSE, "cause", 0)                                                                        \
    X(RW_CAUSES, "causes", 0)                                                                      \
    X(RW_CAUSED, "caused", 0)                                                                      \
    X(RW_CAUSING, "causing", 0)                                                                    \
    X(RW_JUSTICE, "justice", 0)                                                                    \
    X(RW_MASSIVE, "massive", 0)                                                                    \
    X(RW_GIGANTIC, "gigantic", 0)                                                                  \
    X(RW_GIANT, "giant", 0)                                                                        \
    X(RW_OUT, "out", 0)                                                                            \
    X(RW_BY, "by", 0)                                                                              \
    X(RW_SINCE, "since", 0)                                                                        \
    X(RW_5, "5", RWSET_SCORED)                                                                     \
    X(RW_10, "10", RWSET_SCORED)                                                                   \
    X(RW_100, "100", RWSET_SCORED)                                                                 \
    X(RW_STARS, "stars", 0)                                                                        \
    X(RW_THANKS, "thanks", 0)                                                                      \
    X(RW_WORKED, "worked", 0)                                                                      \
    X(RW_LASTED, "lasted", 0)                                                                      \
    X(RW_THE, "the", 0)                                                                            \
    X(RW_FIRST, "first", 0)                                                                        \
    X(RW_THEN, "then", 0)                                                                          \
    X(RW_BEFORE, "before", 0)                                                                      \
    X(RW_TILL, "till", 0)                                                                          \
    X(RW_WHEN, "when", 0)                                                                          \
    X(RW_OR, "or", 0)                                                                              \
    X(RW_I_VE, "i've", 0)                                                                          \
    X(RW_WE_VE, "we've", 0)                                                                        \
    X(RW_THEY_VE, "they've", 0)                                                                    \
    X(RW_WORKS, "works", 0)                                                                        \
    X(RW_THANK, "thank", 0)                                                                        \
    X(RW_CHEERS, "cheers", 0)                                                                      \
    X(RW_CONGRATULATIONS, "congratulations", 0)                                                    \
    X(RW_CONGRATS, "congrats", 0)                                                                  \
    X(RW_JOB, "job", 0)                                                                            \
    X(RW_WORK, "work", 0)                                                                          \
    X(RW_DONE, "done", 0)                                                                          \
    X(RW_RUIN, "ruin", 0)                                                                          \
    X(RW_RUINS, "ruins", 0)                                                                        \
    X(RW_RUINED, "ruined", 0)                                                                      \
    X(RW_RUINING, "ruining", 0)                                                                    \
    X(RW_SPOIL, "spoil", 0)                                                                        \
    X(RW_SPOILS, "spoils", 0)                                                                      \
    X(RW_SPOILED, "spoiled", 0)                                                                    \
    X(RW_SPOILT, "spoilt", 0)                                                                      \
    X(RW_SPOILING, "spoiling", 0)                                                                  \
    X(RW_WRECKED, "wrecked", 0)                                                                    \
    X(RW_WRECKING, "wrecking", 0)                                                                  \
    X(RW_DESTROYED, "destroyed", 0)                                                                \
    X(RW_DESTROYING, "destroying", 0)                                                              \
    X(RW_HIS, "his", 0)                                                                            \
    X(RW_THEIR, "their", 0)                                                                        \
    X(RW_GONE, "gone", 0)

#define VB_RULE_WORD_ID(id, text, sets) id,
enum { RW_NONE, VB_RULE_WORDS(VB_RULE_WORD_ID) RW_COUNT };
#undef VB_RULE_WORD_ID

/* The RWSET_* bits of the rule word `id` (RW_NONE: 0). */
static inline uint32_t vb_rule_word_sets(uint32_t id)
{
#define VB_RULE_WORD_SETS(id, text, sets) sets,
    static const uint32_t sets[RW_COUNT] = {0, VB_RULE_WORDS(VB_RULE_WORD_SETS)};
#undef VB_RULE_WORD_SETS
    return sets[id];
}

#endif

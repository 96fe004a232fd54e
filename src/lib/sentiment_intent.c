/* sentiment_intent.c: the sentiment rule on a customer's word about
 * coming again. "I won't be ordering from you again" and "never shopping
 * here again" are as hard a verdict as a customer writes, "will
 * definitely use again" a warm one; a lexicon sees neither, since the
 * verb is plain, and a negator before a plain verb is only a failure
 * ("won't play", -0.8). The words are RWSET_PATRON, "again" (RWSET_SCORED,
 * so the lexicon makes it a candidate) and the modals and fill words
 * below, all in rule_words.h. English-specific. */
#include "sentiment_int.h"

#define NEVER_AGAIN (-2.5)  /* as "never again" in cx.tsv */
#define AGAIN (1.5)         /* as "will be back" in cx.tsv */
#define OBJECT_MAX 4        /* words between the verb and "again": "from this company" */
#define FILL_MAX 3          /* words between the negator or modal and the verb: "be", "ever",
                             * "going to" */
#define DOUBT_REACH 3       /* words before the modal where a negator doubts it: "not sure I'd" */

/* A word that may stand between "won't" or "will" and the verb of custom:
 * "won't be ordering", "will never ever use", "would happily shop", "not
 * going to use". */
static bool fills(const unit *u)
{
    switch (u->word) {
    case RW_BE: case RW_TO: case RW_GOING: case RW_EVER: case RW_EVEN: case RW_STILL:
    case RW_DEFINITELY: case RW_CERTAINLY: case RW_HAPPILY: case RW_GLADLY: case RW_PROBABLY:
        return true;
    default:
        return false;
    }
}

/* A modal that makes the verb of custom a promise: "will", "would",
 * "I'll", "we'd". */
static bool promises(const unit *u)
{
    switch (u->word) {
    case RW_WILL: case RW_WOULD: case RW_I_LL: case RW_WE_LL: case RW_I_D: case RW_WE_D:
        return true;
    default:
        return false;
    }
}

/* True when a negator stands at most DOUBT_REACH words before the modal
 * at `m` in its clause: "not sure I'd use them again", "don't think I'll
 * order again" promise nothing. */
static bool doubted(const unit *u, size_t m)
{
    for (size_t j = m, n = 0; j > 0 && n < DOUBT_REACH; n++) {
        j--;
        if (u[j].clause != u[m].clause)
            return false;
        if (u[j].negator)
            return true;
    }
    return false;
}

/* The valence of "again" at unit `i` as the end of a word about coming
 * again, or 0. Walking back in its clause: at most OBJECT_MAX words to a
 * verb of custom ("ordering from you again"), then at most FILL_MAX fill
 * words to a negator (NEVER_AGAIN; its index goes to *negator, since its
 * work is done: it negates nothing else) or to a modal not itself doubted
 * (AGAIN). Anything else before the verb leaves it a plain report: "had
 * to order again", "won't hesitate to order again", "ordered again last
 * week", "would I use them again?". */
double vb_senti_intent(const unit *u, size_t i, size_t *negator)
{
    *negator = SIZE_MAX;
    if (!key_is(&u[i], RW_AGAIN))
        return 0.0;
    size_t verb = SIZE_MAX;
    for (size_t j = i, n = 0; j > 0 && n <= OBJECT_MAX; n++) {
        j--;
        if (u[j].clause != u[i].clause || u[j].punct || u[j].negator || promises(&u[j]))
            return 0.0;
        if (key_in(&u[j], RWSET_PATRON)) {
            verb = j;
            break;
        }
    }
    if (verb == SIZE_MAX)
        return 0.0;
    for (size_t j = verb, n = 0; j > 0 && n <= FILL_MAX; n++) {
        j--;
        if (u[j].clause != u[i].clause || u[j].punct)
            return 0.0;
        if (u[j].negator) {
            *negator = j;
            return NEVER_AGAIN;
        }
        if (promises(&u[j]))
            return doubted(u, j) ? 0.0 : AGAIN;
        if (!fills(&u[j]))
            return 0.0;
    }
    return 0.0;
}

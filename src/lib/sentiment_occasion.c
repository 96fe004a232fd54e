/* sentiment_occasion.c: the sentiment rule on the occasion of praise.
 * "Staff were very helpful when I had a problem", "brilliant when my
 * flight was cancelled", "so understanding after I lost my card": the
 * trouble after "when" or "after" and the writer's "I", "my", "we" or
 * "our", or named as an event ("very understanding after the accident"),
 * says when the praise was earned, not what went wrong with the service.
 * English-specific; the words are in rule_words.h. */
#include "sentiment_int.h"

#define OCCASION_REACH 5 /* words from "when" to the trouble: "when I got on the wrong train" */

/* "I", "my", "we", "our": the writer, whose trouble the clause tells. */
static bool writer(const unit *x)
{
    switch (x->word) {
    case RW_I: case RW_MY: case RW_WE: case RW_OUR:
        return true;
    default:
        return false;
    }
}

/* "the", "a", "an". */
static bool article(const unit *x)
{
    return key_is(x, RW_THE) || key_is(x, RW_A) || key_is(x, RW_AN);
}

/* A word that ends the occasion's clause before the trouble: "and",
 * "but" and the other contrast words ("helpful when I called, but the
 * fault is still there" is two verdicts), "only" ("excited when I read
 * it, only to be disappointed" turns). */
static bool ends_occasion(const unit *x)
{
    return key_is(x, RW_AND) || key_is(x, RW_ONLY) ||
           (x->e != NULL && (x->e->flags & VB_LEX_CONTRAST));
}

bool vb_senti_occasion(const unit *u, size_t i)
{
    const uint32_t clause = u[i].clause;
    size_t j = i;
    for (size_t words = 0;;) {
        if (j == 0)
            return false;
        j--;
        if (u[j].clause != clause || ends_occasion(&u[j]))
            return false;
        if (!u[j].punct && ++words > OCCASION_REACH)
            return false;
        /* the writer's trouble, or the trouble named as an event, its
         * article right before it: "after the accident"; not a clause
         * that tells what went wrong ("looked great after the first wash
         * it shrank"). (next_word() is bounded at i + 1 units: only
         * whether the next word is `i` is asked.) */
        if ((key_is(&u[j], RW_WHEN) || key_is(&u[j], RW_AFTER)) && j + 1 < i &&
            (writer(&u[j + 1]) || (article(&u[j + 1]) && next_word(u, i + 1, j + 1) == i)))
            break;
    }
    /* Praise before "when" in the clause, with no negator before it:
     * "weren't helpful when I had a problem" is no praise. */
    bool praise = false;
    while (j > 0 && u[j - 1].clause == clause) {
        j--;
        if (negates(&u[j]) || ends_occasion(&u[j]))
            return false;
        praise = praise || (judges(&u[j]) && !u[j].muted && u[j].valence > 0.0);
    }
    return praise;
}

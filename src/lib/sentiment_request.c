/* sentiment_request.c: the sentiment rule on asking for more. "The store
 * needs more cashiers", "they need more staff on weekends", "could use
 * more seating", "the menu could use some vegetarian options": a customer
 * who says a place or a thing needs more of something says there is not
 * enough of it, a complaint without a word of sentiment in it. Only a
 * thing's or the company's need counts: "I need more room", "we need more
 * washes in this exact fit" and "those of you who need more length" are
 * the writer's or the reader's own, and asking the maker for more is as
 * often praise in product reviews ("please make more in this style!",
 * "there should be more restaurants like it"), so "please" and "should"
 * are no heads here. English-specific; the words are in rule_words.h. */
#include "sentiment_int.h"

#define REQUEST (-1.0) /* as "needs improvement" in cx.tsv */
#define AMOUNT_MAX 3   /* words of the amount: "a little more", "a few more" */
#define ADVERB_MAX 2   /* between the subject and the need: "really still need" */

/* The writer, the reader or people: "I", "we", "you", "who". */
static bool personal(const unit *x)
{
    switch (x->word) {
    case RW_I: case RW_WE: case RW_YOU: case RW_U: case RW_I_D: case RW_WE_D: case RW_I_LL:
    case RW_WE_LL: case RW_WHO: case RW_PEOPLE:
        return true;
    default:
        return false;
    }
}

/* A booster, also one the roles pass has not reached yet (its `booster`
 * is set there). */
static bool boosts(const unit *x)
{
    return x->booster || (x->e != NULL && (x->e->flags & VB_LEX_BOOSTER));
}

/* A word that may stand between a need and its subject: "really",
 * "still", "definitely", "do", any word in -ly ("desperately"). */
static bool adverb(const unit *x)
{
    switch (x->word) {
    case RW_REALLY: case RW_STILL: case RW_JUST: case RW_ALSO: case RW_DEFINITELY:
    case RW_ACTUALLY: case RW_TRULY: case RW_ALWAYS: case RW_DO: case RW_DOES: case RW_DID:
        return true;
    default:
        return boosts(x) || (x->n == 1 && ly_word(x));
    }
}

/* The first unit of the need at `i`: the need itself ("needs", "need",
 * "needed"), or "could" of "could use" (an adverb may stand between:
 * "could really use"); SIZE_MAX when `i` is no need. */
static size_t need_start(const unit *u, size_t i)
{
    switch (u[i].word) {
    case RW_NEED: case RW_NEEDS: case RW_NEEDED:
        return i;
    case RW_USE:
        for (size_t j = i, n = 0; j > 0 && n < 2; n++) {
            j--;
            if (u[j].clause != u[i].clause)
                break;
            if (key_is(&u[j], RW_COULD))
                return j;
            if (!adverb(&u[j]))
                break;
        }
        return SIZE_MAX;
    default:
        return SIZE_MAX;
    }
}

/* True when the need starting at `h` is no complaint: its clause has "if"
 * or a negator before it ("if you need more space", "it doesn't need
 * more"), or its subject, past at most ADVERB_MAX adverbs, is personal()
 * or "that" after one ("those of you that need more length"). */
static bool owned(const unit *u, size_t h)
{
    size_t subject = SIZE_MAX;
    for (size_t j = h, n = 0; j > 0; n++) {
        j--;
        if (u[j].clause != u[h].clause)
            break;
        if (key_is(&u[j], RW_IF) || negates(&u[j]))
            return true;
        if (subject == SIZE_MAX && (n >= ADVERB_MAX || !adverb(&u[j])))
            subject = j;
    }
    if (subject == SIZE_MAX)
        return false;
    if (key_is(&u[subject], RW_THAT) && subject > 0 && u[subject - 1].clause == u[h].clause)
        subject--;
    return personal(&u[subject]);
}

/* The unit after the amount asked for right after the need at `i`, or
 * SIZE_MAX: the amount is words of degree that end in "more" or "some"
 * ("needs more", "needs a little more", "could use some"), or "a" after
 * "could use" ("could use a refresh"); a need may take "to" and a verb
 * first ("they need to hire more staff"). */
static size_t after_amount(const unit *u, size_t n_units, size_t i)
{
    const uint32_t clause = u[i].clause;
    size_t k = i + 1;
    if (k + 1 < n_units && key_is(&u[k], RW_TO) && !key_is(&u[i], RW_USE) &&
        u[k + 1].clause == clause && !u[k + 1].punct && u[k + 1].e == NULL)
        k += 2;
    const size_t first = k;
    while (k < n_units && k - first < AMOUNT_MAX && u[k].clause == clause && !u[k].punct &&
           (key_in(&u[k], RWSET_DEGREE) || boosts(&u[k]) || key_is(&u[k], RW_SOME) ||
            key_is(&u[k], RW_FEW)))
        k++;
    if (k == first)
        return SIZE_MAX;
    const unit *last = &u[k - 1];
    if (!key_is(last, RW_MORE) && !key_is(last, RW_SOME) &&
        !(k - first == 1 && key_is(last, RW_A) && key_is(&u[i], RW_USE)))
        return SIZE_MAX;
    return k;
}

/* True when unit `k` names what is asked for: a word of the clause that
 * is not "than", "of" or "and" ("needs more than a wash", "more of these",
 * "more and more") and judges nothing itself ("needs more comfortable
 * seats" is the other rules' to weigh). */
static bool names_thing(const unit *u, size_t n_units, size_t k, uint32_t clause)
{
    if (k >= n_units || u[k].clause != clause || u[k].punct)
        return false;
    if (key_is(&u[k], RW_THAN) || key_is(&u[k], RW_OF) || key_is(&u[k], RW_AND))
        return false;
    return !judges(&u[k]);
}

double vb_senti_request(const unit *u, size_t n_units, size_t i, size_t *cue_tokens)
{
    const size_t h = need_start(u, i);
    if (h == SIZE_MAX || owned(u, h))
        return 0.0;
    const size_t k = after_amount(u, n_units, i);
    if (k == SIZE_MAX || !names_thing(u, n_units, k, u[i].clause))
        return 0.0;
    *cue_tokens = u[k - 1].first + u[k - 1].n - u[i].first;
    return REQUEST;
}

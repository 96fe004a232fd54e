/* sentiment_contrast.c: the sentiment rule on contrast (rule 5 of
 * sentiment.c). A contrast word weighs the text around it by its
 * contrast.tsv weights: "but" makes what follows weigh more and what
 * comes before less, "although" at a sentence's start weighs its own
 * clause less and the main clause more, and an "if"-clause weighs 0. A
 * negative weight before "until" that opens an event turns the praise it
 * closes ("loved it until I washed it"). "as if", "as though" and an
 * "until" after a wait are no contrast. Runs once per record after every
 * other rule has scored the units. English-specific where it names words. */
#include "sentiment_int.h"

#include <math.h>

/* A unit with a contrast word's entry. */
static bool is_contrast(const unit *x)
{
    return x->e != NULL && (x->e->flags & VB_LEX_CONTRAST);
}

static void weigh(unit *u, size_t from, size_t to, double w, uint32_t rule, const char *by)
{
    for (size_t k = from; k < to; k++) {
        if (u[k].e == NULL)
            continue; /* no score, and its weight is never read */
        u[k].weight *= w;
        if (u[k].score != 0.0) {
            u[k].rules |= rule;
            if (u[k].by == NULL)
                u[k].by = by;
        }
    }
}

/* Whether the clause that contrast word `i` opens tells an event, as its
 * subject comes first ("until I washed it", "until it broke"), not a
 * time ("until October", "until bedtime", "until now"). */
static bool opens_event(const unit *u, size_t n_units, size_t i)
{
    const size_t j = next_word(u, n_units, i);
    if (j == SIZE_MAX)
        return false;
    switch (u[j].word) {
    case RW_I: case RW_WE: case RW_YOU: case RW_THEY: case RW_HE: case RW_SHE: case RW_IT:
    case RW_THIS:
        return true;
    default:
        return false;
    }
}

/* Weighs the text [from, to) before contrast word `i` by its BEFORE
 * weight. A negative one ("until"), where the word opens an event, turns
 * the praise in the clause that the word closes, a state that ended
 * ("loved it until I washed it", "worked great until it broke"); the
 * rest is weighed by its size, as blame that lasted is still blame ("I
 * was stuck until the update came out"). */
static void weigh_before(unit *u, size_t n_units, size_t from, size_t to, size_t i,
                         const vb_senti_entry *e)
{
    const double w = e->before;
    if (w >= 0 || !opens_event(u, n_units, i)) {
        weigh(u, from, to, fabs(w), VB_RULE_BEFORE_CONTRAST, e->term);
        return;
    }
    for (size_t k = from; k < to; k++) {
        const bool turned = u[k].score > 0 && u[k].clause == u[to - 1].clause;
        weigh(u, k, k + 1, turned ? w : -w, VB_RULE_BEFORE_CONTRAST, e->term);
    }
}

/* The first unit of the sentence of unit `i` (a sentence's units are
 * contiguous); sets *seen_word when a non-punctuation unit precedes `i`
 * in it. */
static size_t sentence_start(const unit *u, size_t i, bool *seen_word)
{
    size_t k = i;
    *seen_word = false;
    while (k > 0 && u[k - 1].sentence == u[i].sentence) {
        k--;
        *seen_word = *seen_word || !u[k].punct;
    }
    return k;
}

/* Whether the contrast word at `i` is "if" or "though" after "as": "it
 * looks as if it was worn", "I feel as though I wasted my money" tell
 * what a thing is like, neither a condition nor a concession. Denied
 * ("it's not as if they had any bragging points") it asserts nothing,
 * as a condition does. */
static bool likeness(const unit *u, size_t i)
{
    return (key_is(&u[i], RW_IF) || key_is(&u[i], RW_THOUGH)) && i > 0 &&
           key_is(&u[i - 1], RW_AS) && u[i - 1].sentence == u[i].sentence &&
           !negator_within(u, i - 1, 1);
}

/* Whether the contrast word at `i` is an "until" that marks no turn: after
 * a wait ("can't wait until it's cooler", "I waited until it went on
 * sale") it says how long, and opening its sentence ("Until I tried it
 * on, I was unsure") its own clause is what ended. */
static bool until_without_turn(const token_key *keys, const unit *u, size_t i)
{
    if (!key_is(&u[i], RW_UNTIL))
        return false;
    bool seen_word;
    sentence_start(u, i, &seen_word);
    if (!seen_word)
        return true;
    switch (last_word(keys, &u[i - 1])) {
    case RW_WAIT: case RW_WAITS: case RW_WAITED: case RW_WAITING: return true;
    default: return false;
    }
}

/* Weighs the units around every contrast word (contrast.tsv).
 * Only contrast words do anything, so the walk goes from one to the next
 * through the units with an entry (`cand`, ascending), looking back only
 * for where their sentence starts. */
void vb_senti_apply_contrast(const token_key *keys, unit *u, size_t n_units, const size_t *cand,
                             size_t n_cand)
{
    size_t sent_start = 0;    /* first unit of the current sentence */
    size_t region_start = 0;  /* after the last contrast word of this sentence */
    bool seen_word = false;   /* a non-punctuation unit precedes in this sentence */
    bool any = false;         /* a contrast word came before (sent_start is known) */
    for (size_t c = 0; c < n_cand; c++) {
        const size_t i = cand[c];
        const vb_senti_entry *e = u[i].e;
        if (!(e->flags & VB_LEX_CONTRAST) || likeness(u, i) || until_without_turn(keys, u, i))
            continue;
        /* Sentence indices never decrease along the text. */
        if (!any || u[i].sentence != u[sent_start].sentence) {
            sent_start = region_start = sentence_start(u, i, &seen_word);
            any = true;
        } else {
            seen_word = true; /* the earlier contrast word, at least */
        }
        /* The contrasted text runs to the next contrast word or the end of
         * the sentence; a concessive word's own clause ends at a comma. */
        size_t end = i + 1;
        while (end < n_units && u[end].sentence == u[i].sentence &&
               !is_contrast(&u[end]) &&
               !(e->main > 0 && u[end].stop))
            end++;
        bool has_words = false;
        for (size_t k = i + 1; k < end; k++)
            has_words = has_words || !u[k].punct;
        if (!has_words) { /* "not yet.", "fine though" */
            seen_word = true;
            continue;
        }
        if (e->main > 0 && !seen_word) {
            /* "Although X, Y": X weighs less, the main clause Y more. */
            weigh(u, i + 1, end, e->after, VB_RULE_BEFORE_CONTRAST, e->term);
            size_t rest = end;
            while (rest < n_units && u[rest].sentence == u[i].sentence &&
                   !is_contrast(&u[rest]))
                rest++;
            weigh(u, end, rest, e->main, VB_RULE_AFTER_CONTRAST, e->term);
        } else {
            /* Without a word before it, the word weighs the previous sentence. */
            bool unused;
            size_t from = seen_word        ? region_start
                          : sent_start > 0 ? sentence_start(u, sent_start - 1, &unused)
                                           : 0;
            size_t to = seen_word ? i : sent_start;
            if (e->before != 1.0f)
                weigh_before(u, n_units, from, to, i, e);
            weigh(u, i + 1, end, e->after,
                  e->after >= 1.0f ? VB_RULE_AFTER_CONTRAST : VB_RULE_BEFORE_CONTRAST, e->term);
        }
        region_start = i + 1;
        seen_word = true;
    }
}

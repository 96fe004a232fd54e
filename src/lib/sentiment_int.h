/* sentiment_int.h: the units of a record and its sums, shared by
 * sentiment.c (the rules and scores), sentiment_contrast.c (the weight of
 * contrast words), sentiment_counts.c (the rules on counts),
 * sentiment_intent.c (coming again), sentiment_request.c (asking for
 * more), sentiment_occasion.c (the occasion of praise),
 * sentiment_unreal.c (praise of what is not) and
 * sentiment_units.c (which finds each token's entry, matches phrases and
 * builds the units). Nothing outside those files includes it. */
#ifndef VB_SENTIMENT_INT_H
#define VB_SENTIMENT_INT_H

#include "sentiment.h"

#include "rule_words.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct unit {
    size_t first, n;           /* tokens [first, first + n) */
    const vb_senti_entry *e;   /* lexicon entry of the unit's text, or NULL */
    const char *key;           /* lookup form (first token only for phrases) */
    size_t key_len;
    uint32_t word;             /* RW_* id of `key` (rule_words.h); 0 for phrases */
    uint32_t sentence, clause;
    bool punct;                /* a punctuation token */
    bool stop;                 /* punctuation that ends a modifier's reach: , ; : ( ) */
    bool negator, booster;
    /* The fields above are set on every unit: rules read them on the
     * neighbours of a unit with an entry. The ones below are set only for
     * a unit with an entry (e != NULL): no rule reads them on any other
     * unit, and most units have none. */
    bool caps;                 /* written in capitals */
    double score;              /* after every rule except contrast */
    double weight;             /* contrast weight, 1 by default */
    bool modifier;             /* modifies a later word here; own valence unused */
    bool excess_active;
    bool unmet;                /* a negator before a neutral word: "won't play" */
    bool muted;                /* its valence does not apply here (preposition "like",
                                  a problem fixed) */
    bool prevented;            /* what an excess stops: "too cold to enjoy" */
    double boost;              /* booster weight used here */
    double valence;            /* base valence, 0 when none */
    uint32_t rules;            /* VB_RULE_* */
    const char *by;            /* modifier term, for explanations */
    size_t cue_tokens;         /* tokens the cue spans ("too small" = 2) */
    size_t cue_back;           /* tokens the cue starts before `first` (the points of
                                  a rating: "10/10" = 2) */
} unit;

/* A token's entry and lookup key, before phrases are matched. */
typedef struct token_key {
    const vb_senti_entry *e;
    const char *key;
    size_t key_len;
    uint32_t word; /* RW_* id of `key` */
    bool nt;       /* a word whose key ends in "n't" (vb_senti_entry.ends_nt) */
} token_key;

/* True when the unit is the single word `word` (an RW_* id). */
static inline bool key_is(const unit *u, uint32_t word)
{
    return u->word == word;
}

/* True when the unit is a single word in the list `set` (RWSET_*). */
static inline bool key_in(const unit *u, uint32_t set)
{
    return (vb_rule_word_sets(u->word) & set) != 0;
}

/* The rule word id of the last word of unit `x`: a phrase ("i wish",
 * "can't wait") has none of its own, but its tokens were keyed to match
 * it. */
static inline uint32_t last_word(const token_key *keys, const unit *x)
{
    return x->n == 1 ? x->word : keys[x->first + x->n - 1].word;
}

/* The rule word id of the first word of unit `x`, which a phrase ("like
 * a") keeps in its tokens' keys. */
static inline uint32_t first_word(const token_key *keys, const unit *x)
{
    return x->n == 1 ? x->word : keys[x->first].word;
}

/* "pretty small", "super long", "pretty sure": the rule word `word` is a
 * word of size or degree, which a booster that praises on its own
 * ("pretty", "super") measures rather than praises, and before which "to"
 * is "too" misspelt ("way to small"). English-specific. */
static inline bool vb_senti_measure_word(uint32_t word)
{
    switch (word) {
    case RW_SMALL: case RW_SMALLER: case RW_TINY: case RW_LARGE: case RW_LARGER: case RW_BIG:
    case RW_BIGGER: case RW_SHORT: case RW_SHORTER: case RW_LONG: case RW_LONGER: case RW_TALL:
    case RW_HIGH: case RW_LOW: case RW_TIGHT: case RW_TIGHTER: case RW_LOOSE: case RW_LOOSER:
    case RW_WIDE: case RW_NARROW: case RW_THICK: case RW_SKINNY: case RW_FITTED: case RW_CROPPED:
    case RW_HEAVY: case RW_STIFF: case RW_STANDARD: case RW_BASIC: case RW_STRAIGHT: case RW_CLOSE:
    case RW_SURE:
        return true;
    default:
        return false;
    }
}

/* "am", "I'm", "we're", "you're", "they're": "be" after a subject, in a
 * contraction or not, which "is", "are" and "was" are not. English-specific. */
static inline bool vb_senti_subject_be(uint32_t word)
{
    switch (word) {
    case RW_AM: case RW_I_M: case RW_IM: case RW_WE_RE: case RW_YOU_RE: case RW_THEY_RE:
        return true;
    default:
        return false;
    }
}

/* True when the unit is "have", "has", "had" or "having": "I have to
 * keep adjusting it", "never had a single problem". */
static inline bool key_have(const unit *u)
{
    switch (u->word) {
    case RW_HAVE: case RW_HAS: case RW_HAD: case RW_HAVING: return true;
    default: return false;
    }
}

/* True when the unit denies: a word ending in "n't" or a negator of the
 * lexicon ("not", "never"). Safe before assign_roles() has set `negator`
 * from the lexicon for the unit. */
static inline bool negates(const unit *u)
{
    return u->negator || (u->e != NULL && (u->e->flags & VB_LEX_NEGATOR));
}

/* True when a negator stands at most `n` units before unit `j`, in its
 * clause and with no punctuation between: "wasn't expecting", "not as".
 * Safe before assign_roles(), as negates() is. */
static inline bool negator_within(const unit *u, size_t j, size_t n)
{
    for (size_t k = j; k > 0 && j - k < n;) {
        k--;
        if (u[k].clause != u[j].clause || u[k].punct)
            return false;
        if (negates(&u[k]))
            return true;
    }
    return false;
}

/* True when a unit that `is` stands at most `n` units before unit `j`
 * in its clause: "only" before "had to call", "thanks" before "for". */
static inline bool vb_senti_before(const unit *u, size_t j, size_t n, bool (*is)(const unit *))
{
    for (size_t k = j; k > 0 && j - k < n;) {
        k--;
        if (u[k].clause != u[j].clause)
            return false;
        if (is(&u[k]))
            return true;
    }
    return false;
}

/* Index of the next non-punctuation unit after `i` in the same clause
 * (stopping at commas), or SIZE_MAX. */
static inline size_t next_word(const unit *u, size_t n_units, size_t i)
{
    for (size_t j = i + 1; j < n_units && u[j].clause == u[i].clause; j++) {
        if (u[j].stop)
            return SIZE_MAX;
        if (!u[j].punct)
            return j;
    }
    return SIZE_MAX;
}

typedef struct acc {
    double sum, pos, neg;
    size_t neu, n_words;
    size_t n_excl, n_quest;
} acc;

/* Sums per record, sentence and clause. */
typedef struct sums {
    acc all;
    acc *sent; /* doc->n_sentences */
    acc *cl;   /* doc->n_clauses */
} sums;

/* The units of a record, with what the later passes need to know. */
typedef struct unit_list {
    unit *u;
    size_t n;
    size_t *cand;  /* indices of the units with an entry, ascending: only
                      these can modify or carry sentiment */
    size_t n_cand;
    bool contrast; /* some unit is a contrast word */
    bool cap_diff; /* capitals are emphasis: some words are in capitals, others not */
} unit_list;

/* The rules on counts (sentiment_counts.c). Each gives unit `i` of `u`
 * (of `n_units`) a valence of its own, or returns 0 when it does not
 * apply there: a wait told in numbers and long for its unit ("took 3
 * weeks"; VB_RULE_LONG_WAIT), tries, contacts or repairs told in numbers
 * ("had to call 4 times", "replaced twice"; VB_RULE_REPEATED). */
double vb_senti_long_wait(const unit *u, size_t n_units, size_t i, const vb_doc *doc);
double vb_senti_repeated(const unit *u, size_t n_units, size_t i, const vb_doc *doc);
/* Praise bounded by a span of time, a complaint ("worked great for about
 * a month"), also in sentiment_counts.c; vb_senti_unreal() asks it. */
bool vb_senti_praise_bounded(const unit *u, size_t n_units, size_t i, const vb_doc *doc);
/* A fault that keeps happening ("it kept giving me an error";
 * VB_RULE_REPEATED), also in sentiment_counts.c. */
double vb_senti_recurring(const unit *u, size_t n_units, size_t i);

/* A rating written in a comment ("10/10", "4 out of 5 stars"), its scale
 * at `i` (sentiment_counts.c): the valence of the share of the scale it
 * gives (VB_RULE_RATING), with *back the tokens from its points to the
 * scale, or 0 when `i` is no rating's scale. */
double vb_senti_rating(const token_key *keys, const unit *u, size_t n_units, size_t i,
                       const vb_doc *doc, size_t *back);

/* The scale of a rating that the rule word `word` ends ("10/10", "ten
 * out of ten"): 5, 10 or 100, else 0. */
static inline unsigned vb_senti_scale_word(uint32_t word)
{
    switch (word) {
    case RW_5: case RW_FIVE: return 5;
    case RW_10: case RW_TEN: return 10;
    case RW_100: return 100;
    default: return 0;
    }
}

/* Whether unit `x` may be a rating's scale: a scale word, or a two-word
 * phrase that starts with one character ("5 stars"). A test made inline
 * on every candidate, so that the rule's call is paid only where one
 * may be. */
static inline bool vb_senti_may_rate(const unit *x)
{
    return vb_senti_scale_word(x->word) != 0 || (x->word == RW_NONE && x->n == 2 && x->key_len == 1);
}

/* Whether the unit's lexicon entry gives it a valence; read also on
 * units the roles pass has not reached (has_valence() in sentiment.c
 * minds a valence muted there as well). */
static inline bool judges(const unit *u)
{
    return u->e != NULL && vb_senti_entry_judges(u->e);
}

/* Whether the unit's key ends in "ly" after at least one letter: an
 * adverb ("really", "desperately"). */
static inline bool ly_word(const unit *u)
{
    return u->key_len > 2 && memcmp(u->key + u->key_len - 2, "ly", 2) == 0;
}

/* Whether the unit is one word of five or more letters ending in "ing":
 * a verb's -ing form ("keeps crashing", "if shooting sports"). */
static inline bool ing_form(const unit *u)
{
    return u->n == 1 && u->key != NULL && u->key_len >= 5 &&
           memcmp(u->key + u->key_len - 3, "ing", 3) == 0;
}

/* Whether the unit is one word of five or more letters ending in "ed" or
 * "en": a past participle ("damaged", "broken"). */
static inline bool participle(const unit *u)
{
    return u->n == 1 && u->key != NULL && u->key_len >= 5 &&
           (memcmp(u->key + u->key_len - 2, "ed", 2) == 0 ||
            memcmp(u->key + u->key_len - 2, "en", 2) == 0);
}

/* Whether the unit is a comparative: "better", "worse", a word of five
 * or more letters ending in "er" ("friendlier", "cheaper"). */
static inline bool comparative(const unit *c)
{
    if (c->n != 1 || c->key == NULL)
        return false;
    if (key_is(c, RW_BETTER) || key_is(c, RW_WORSE))
        return true;
    return c->key_len >= 5 && memcmp(c->key + c->key_len - 2, "er", 2) == 0;
}

/* "fixing", "sorting": a remedy in its -ing form, what a thanks is for
 * ("thanks for fixing it") or what it mocks when denied ("thanks for not
 * fixing it"). */
static inline bool remedy_ing(const unit *x)
{
    return key_in(x, RWSET_REMEDY) && ing_form(x);
}

/* Words a thanks may have before its "for": "thank you so very much for"
 * (a thanked remedy in sentiment.c, a mocking thanks in
 * sentiment_unreal.c). */
#define VB_SENTI_THANKS_GAP 4

/* Whether the unit thanks: "thanks", "thank", "cheers", "congratulations". */
static inline bool vb_senti_thanking(const unit *x)
{
    switch (x->word) {
    case RW_THANKS: case RW_THANK: case RW_CHEERS: case RW_CONGRATULATIONS: case RW_CONGRATS:
        return true;
    default:
        return false;
    }
}

/* The rules on praise of what is not (sentiment_unreal.c): the word that
 * makes the positive cue at `i` of `u` (of `n_units`) a complaint, for
 * its `by` ("could", "should", "would", "hoped", "wished", "be", "used
 * to", "for", ...), or NULL when it is praise. `keys` are the tokens'
 * keys, as vb_senti_build_units() left them: a phrase's last word is read
 * there; `doc` gives the numbers of a span ("for 3 weeks"). */
const char *vb_senti_unreal(const token_key *keys, const unit *u, size_t n_units, size_t i,
                            const vb_doc *doc);

/* The rule on coming again (sentiment_intent.c): "won't be ordering from
 * you again" (the negator's index in *negator), "will definitely use
 * again"; VB_RULE_INTENT. */
double vb_senti_intent(const unit *u, size_t i, size_t *negator);

/* The rule on contrast (sentiment_contrast.c): weighs the units around
 * every contrast word among the units with an entry (`cand`, ascending),
 * once the other rules have scored them. */
void vb_senti_apply_contrast(const token_key *keys, unit *u, size_t n_units, const size_t *cand,
                             size_t n_cand);

/* The rule on asking for more (sentiment_request.c): "the store needs
 * more cashiers", "could use more seating"; the need at `i` gets the
 * returned valence (VB_RULE_REQUEST) and *cue_tokens the tokens from it
 * to the amount, or 0 is returned. */
double vb_senti_request(const unit *u, size_t n_units, size_t i, size_t *cue_tokens);

/* The rule on the occasion of praise (sentiment_occasion.c): true when
 * the negative unit at `i` stands in a "when I ..." or "after my ..."
 * clause after praise, or right after "after the" or "when a" ("helpful
 * when I had a problem", "understanding after the accident"): the
 * trouble says when the praise was earned. */
bool vb_senti_occasion(const unit *u, size_t i);

/* Finds each token's entry and key (in `keys`, room for doc->n_tokens)
 * and builds the units of `doc` in `l` (room for n_tokens units and
 * candidates), adding the units without an entry to `s` (zeroed) as it
 * goes. Returns VB_OK, or VB_ENOMEM when `arena` is out of memory. */
vb_status vb_senti_build_units(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                               token_key *keys, unit_list *l, sums *s);

#endif

/* sentiment_units.c: the first step of the sentiment stage (rule 1 in
 * sentiment.c). Finds each token's lexicon entry and lookup key, groups
 * tokens into lexicon phrases (longest match first, else one token per
 * unit) and builds the units the rules then work on. A unit without an
 * entry never gets a score, so it is tallied straight into the sums here
 * and the later passes visit only the units with one (the candidates).
 */
#include "sentiment_int.h"

#include "alloc.h"

#include <string.h>

#define MAX_PHRASE_BYTES 512

static bool ends_with_nt(const char *s, size_t len)
{
    return len >= 3 && memcmp(s + len - 3, "n't", 3) == 0;
}

/* ---- 1. lookup and units ---------------------------------------------- */

static bool looked_up(vb_token_kind k)
{
    return k == VB_TOKEN_WORD || k == VB_TOKEN_NUMBER || k == VB_TOKEN_EMOJI ||
           k == VB_TOKEN_EMOTICON;
}

/* An entry that exists only for its rule word id counts as no entry. */
static const vb_senti_entry *listed(const vb_senti_entry *e)
{
    return e != NULL && !(e->flags & VB_LEX_UNLISTED) ? e : NULL;
}

/* Finds the entry of one token: its lookup form; for an elongated word the
 * form with doubled letters collapsed ("soo" -> "so", "goood" -> "god" is
 * not tried because "good" is found first); for an emoji its first code
 * point, with and without VS16. Sets the key and its rule word id in `k`. */
static const vb_senti_entry *find_token(const vb_senti_lex *lex, vb_arena *arena,
                                        const vb_doc *doc, size_t ti, token_key *k, bool *oom)
{
    const vb_token *t = &doc->tokens[ti];
    k->key = t->lookup;
    k->key_len = t->lookup_len;
    /* The text stage looked each distinct word up once already. */
    const vb_senti_entry *e = t->kind == VB_TOKEN_WORD && doc->entries != NULL
                                  ? doc->entries[ti]
                                  : vb_senti_lex_get(lex, t->lookup, t->lookup_len);
    k->word = e != NULL ? e->word : RW_NONE;
    e = listed(e);
    if (e != NULL)
        return e;
    if ((t->flags & VB_TOKEN_ELONGATED) && t->kind == VB_TOKEN_WORD) {
        char *d = vb_arena_strndup(arena, t->lookup, t->lookup_len);
        if (d == NULL) {
            *oom = true;
            return NULL;
        }
        size_t n = 0;
        for (size_t i = 0; i < t->lookup_len; i++)
            if (n == 0 || d[n - 1] != t->lookup[i] || (unsigned char)t->lookup[i] >= 0x80)
                d[n++] = t->lookup[i];
        d[n] = '\0';
        e = listed(vb_senti_lex_get(lex, d, n));
        if (e != NULL) {
            k->key = d;
            k->key_len = n;
            k->word = e->word;
        }
        return e;
    }
    if (t->kind == VB_TOKEN_EMOJI && t->lookup_len > 0) {
        unsigned char c = (unsigned char)t->lookup[0];
        size_t cp = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (cp < t->lookup_len) {
            e = listed(vb_senti_lex_get(lex, t->lookup, cp));
            if (e == NULL) {
                char buf[8];
                memcpy(buf, t->lookup, cp);
                memcpy(buf + cp, "\xEF\xB8\x8F", 3); /* VS16 */
                e = listed(vb_senti_lex_get(lex, buf, cp + 3));
            }
        }
    }
    return e;
}

/* False when no phrase of `first` (the entry of token `i`) has a second
 * word that starts with the first byte of token i + 1's key: one bit test
 * that turns most candidates away. Not for an emoji, whose entry may be
 * that of its first code point rather than of its key. */
static bool may_follow(const vb_doc *doc, const token_key *keys, size_t i,
                       const vb_senti_entry *first)
{
    if (i + 1 >= doc->n_tokens)
        return false;
    const token_key *b = &keys[i + 1];
    if (b->key == NULL)
        return false; /* match_phrase() could not join it */
    return b->key_len == 0 || doc->tokens[i].kind == VB_TOKEN_EMOJI ||
           (first->next_bytes >> ((unsigned char)b->key[0] & 63) & 1);
}

/* False when no phrase can start with the words of tokens `i` and i + 1
 * (whose entry is `first`): the lexicon's filter of first word pairs,
 * asked before any bytes are copied, as most such pairs start nothing. */
static bool may_start_phrase(const vb_senti_lex *lex, const vb_doc *doc, const token_key *keys,
                             size_t i, const vb_senti_entry *first)
{
    const token_key *a = &keys[i], *b = &keys[i + 1];
    if (a->key == NULL || b->key == NULL || a->key_len + b->key_len + 1 > MAX_PHRASE_BYTES)
        return false; /* match_phrase() could not join them either */
    /* The entry is that of the key itself, except an emoji's, which may
     * be that of its first code point. */
    uint64_t h = doc->tokens[i].kind != VB_TOKEN_EMOJI ? first->hash
                                                       : vb_senti_hash(a->key, a->key_len);
    h = vb_senti_hash_more(h, " ", 1);
    h = vb_senti_hash_more(h, b->key, b->key_len);
    return vb_senti_lex_may_start_phrase(lex, h);
}

/* Tries the longest lexicon phrase starting at token `i` (whose entry is
 * `first`) inside its sentence; returns its entry and token count. The
 * words are joined and hashed once; each phrase length that `first`
 * starts is then one probe with the prefix of that many words. */
static const vb_senti_entry *match_phrase(const vb_senti_lex *lex, const vb_doc *doc,
                                          const token_key *keys, size_t i,
                                          const vb_senti_entry *first, size_t *n_out)
{
    if (!may_follow(doc, keys, i, first))
        return NULL;
    const vb_span *s = &doc->sentences[doc->tokens[i].sentence];
    size_t end = s->first_token + s->n_tokens;
    size_t max = first->max_words;
    if (max > end - i)
        max = end - i;
    if (max < 2 || !may_start_phrase(lex, doc, keys, i, first))
        return NULL;
    char buf[MAX_PHRASE_BYTES];
    size_t len = 0, n_ok = 0;
    size_t lens[VB_SENTI_MAX_PHRASE_WORDS + 1];
    uint64_t hashes[VB_SENTI_MAX_PHRASE_WORDS + 1];
    uint64_t h = VB_SENTI_HASH_INIT;
    for (size_t k = i; k < i + max; k++) {
        const token_key *u = &keys[k];
        if (u->key == NULL || len + u->key_len + 1 > sizeof buf)
            break;
        if (k > i) {
            buf[len++] = ' ';
            h = vb_senti_hash_more(h, " ", 1);
        }
        memcpy(buf + len, u->key, u->key_len);
        h = vb_senti_hash_more(h, u->key, u->key_len);
        len += u->key_len;
        n_ok++;
        lens[n_ok] = len;
        hashes[n_ok] = h;
    }
    for (size_t n = n_ok; n >= 2; n--) {
        if (!(first->phrase_words & (1u << n)))
            continue;
        const vb_senti_entry *e = vb_senti_lex_find(lex, hashes[n], buf, lens[n]);
        if (e != NULL && (e->flags & ~(uint32_t)VB_LEX_PHRASE) != 0) {
            *n_out = n;
            return e;
        }
    }
    return NULL;
}

static bool is_stop_punct(const vb_doc *doc, const vb_token *t)
{
    for (size_t b = t->start; b < t->end; b++) {
        char c = doc->text[b];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '-')
            return true;
    }
    return false;
}


/* "can 't", "don 't": the tokeniser splits a contraction written with a
 * space before the apostrophe into "can", "'" and "t"; that "t" is "n't".
 * True for the "t" unit at `i` when an apostrophe is glued to it and
 * follows a word. */
static bool split_nt(const vb_doc *doc, const unit *u, size_t i)
{
    if (!key_is(&u[i], RW_T) || i < 2 || !u[i - 1].punct || u[i - 2].punct)
        return false;
    const vb_token *a = &doc->tokens[u[i - 1].first];
    const vb_token *t = &doc->tokens[u[i].first];
    if (a->end != t->start)
        return false;
    const size_t len = a->end - a->start;
    const char *p = doc->text + a->start;
    return (len == 1 && *p == '\'') || (len == 3 && memcmp(p, "\xE2\x80\x99", 3) == 0);
}

/* Units without an entry (no score: each word only counts as neutral),
 * tallied while their sentence and clause stay the same and then added to
 * the sums at once. */
typedef struct run {
    uint32_t sentence, clause;
    size_t n_words;         /* neutral words */
    size_t n_excl, n_quest; /* '!' and '?' in punctuation */
} run;

static void add_run(acc *a, const run *r)
{
    a->n_words += r->n_words;
    a->neu += r->n_words;
    a->n_excl += r->n_excl;
    a->n_quest += r->n_quest;
}

/* Adds the run to the sums and starts the next at `next` (a unit). */
static void flush_run(sums *s, const vb_doc *doc, run *r, const unit *next)
{
    add_run(&s->all, r);
    if (r->sentence < doc->n_sentences)
        add_run(&s->sent[r->sentence], r);
    if (r->clause < doc->n_clauses)
        add_run(&s->cl[r->clause], r);
    *r = (run){next->sentence, next->clause, 0, 0, 0};
}

/* Finds each token's entry and key (phrase matching looks ahead at them)
 * and, on the way, whether capitals can be emphasis: only when other
 * words are not in capitals. */
static bool key_tokens(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                       token_key *keys, bool *oom)
{
    bool any_caps = false, any_lower = false;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const vb_token *t = &doc->tokens[i];
        token_key *k = &keys[i];
        if (looked_up(t->kind) && t->lookup != NULL)
            k->e = find_token(lex, arena, doc, i, k, oom);
        else
            *k = (token_key){NULL, NULL, 0, RW_NONE};
        if (t->kind != VB_TOKEN_WORD)
            continue;
        if (t->flags & VB_TOKEN_ALLCAPS)
            any_caps = true;
        else if (!any_lower) /* one lower-case letter anywhere settles it */
            for (size_t b = t->start; b < t->end && !any_lower; b++)
                any_lower = doc->text[b] >= 'a' && doc->text[b] <= 'z';
    }
    return any_caps && any_lower;
}

/* Builds the units of `doc` in `l` (room for n_tokens units and
 * candidates). The units are made left to right, a phrase taking the
 * place of its tokens; a word ending in "n't" is a negator from the start
 * (rule 3), whatever its entry says. A unit without an entry never gets a
 * score, so it goes into the sums `s` right away and later passes skip it. */
static void build_units(const vb_senti_lex *lex, const vb_doc *doc, const token_key *keys,
                        unit_list *l, sums *s)
{
    /* Locals rather than fields: the stores into units could alias those. */
    const vb_token *const tokens = doc->tokens;
    const size_t n_tokens = doc->n_tokens;
    unit *const units = l->u;
    size_t *const cand = l->cand;
    size_t n_units = 0, n_cand = 0;
    bool contrast = false;
    run r = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < n_tokens;) {
        const vb_token *t = &tokens[i];
        const token_key *k = &keys[i];
        const vb_senti_entry *e = k->e;
        size_t n = 1;
        bool caps = (t->flags & VB_TOKEN_ALLCAPS) != 0;
        if (e != NULL && e->max_words >= 2) {
            size_t n_words; /* not `n`, whose address would then escape */
            const vb_senti_entry *pe = match_phrase(lex, doc, keys, i, e, &n_words);
            if (pe != NULL) {
                e = pe;
                n = n_words;
                for (size_t j = i + 1; j < i + n; j++)
                    caps = caps && (tokens[j].flags & VB_TOKEN_ALLCAPS);
            }
        }
        /* An entry that only marks the start of phrases has no role. */
        if (e != NULL && (e->flags & ~(uint32_t)VB_LEX_PHRASE) == 0)
            e = NULL;
        const bool punct = t->kind == VB_TOKEN_PUNCT;
        /* Field by field: cheaper than zeroing the whole struct first. */
        unit *u = &units[n_units];
        u->first = i;
        u->n = n;
        u->e = e;
        u->key = k->key;
        u->key_len = k->key_len;
        u->word = n == 1 ? k->word : RW_NONE;
        u->sentence = t->sentence;
        u->clause = t->clause;
        const bool negator = n == 1 && t->kind == VB_TOKEN_WORD && k->key != NULL &&
                             (ends_with_nt(k->key, k->key_len) ||
                              (k->word == RW_T && split_nt(doc, units, n_units)));
        /* In field order, so the compiler can merge the stores. */
        u->punct = punct;
        u->stop = punct && is_stop_punct(doc, t);
        u->caps = caps;
        u->negator = negator;
        u->booster = false;
        u->score = 0.0;
        u->weight = 1.0;
        if (e != NULL) {
            u->modifier = u->excess_active = u->unmet = u->muted = false;
            u->boost = u->valence = 0.0;
            u->rules = 0;
            u->by = NULL;
            u->cue_tokens = 0;
            cand[n_cand++] = n_units;
            contrast = contrast || (e->flags & VB_LEX_CONTRAST);
        } else {
            if (u->sentence != r.sentence || u->clause != r.clause)
                flush_run(s, doc, &r, u);
            if (punct)
                count_marks(doc, t, &r.n_excl, &r.n_quest);
            else
                r.n_words += counts_as_word(t->kind);
        }
        n_units++;
        i += n;
    }
    if (n_units > 0)
        flush_run(s, doc, &r, &units[n_units - 1]);
    l->n = n_units;
    l->n_cand = n_cand;
    l->contrast = contrast;
}

vb_status vb_senti_build_units(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                               token_key *keys, unit_list *l, sums *s)
{
    bool oom = false;
    l->cap_diff = key_tokens(lex, doc, arena, keys, &oom);
    if (oom)
        return VB_ENOMEM;
    build_units(lex, doc, keys, l, s);
    return VB_OK;
}

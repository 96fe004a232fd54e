/* sentiment_units.c: the first step of the sentiment stage (rule 1 in
 * sentiment.c). Finds each token's lexicon entry and lookup key, groups
 * tokens into lexicon phrases (longest match first, else one token per
 * unit) and builds the units the rules then work on. A unit without an
 * entry never gets a score, so it is tallied straight into the sums here
 * and the later passes visit only the units with one (the candidates).
 */
#include "sentiment_int.h"

#include "alloc.h"
#include "norm.h"

#include <math.h>
#include <string.h>

#define MAX_PHRASE_BYTES 512

/* ---- 1. lookup and units ---------------------------------------------- */

/* Symbols are looked up for the phrases they end: "A+" is "a" and "+". */
static bool looked_up(vb_token_kind k)
{
    return k == VB_TOKEN_WORD || k == VB_TOKEN_NUMBER || k == VB_TOKEN_EMOJI ||
           k == VB_TOKEN_EMOTICON || k == VB_TOKEN_SYMBOL;
}

/* An entry that exists only for its rule word id counts as no entry. */
static const vb_senti_entry *listed(const vb_senti_entry *e)
{
    return e != NULL && !(e->flags & VB_LEX_UNLISTED) ? e : NULL;
}

/* Finds the entry of one token: its lookup form; for an elongated word
 * then its runs cut to one letter ("soooo" -> "so"; "goood" -> "god" is
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
        const char *d;
        size_t n;
        if (vb_norm_unelongated(arena, t->norm, t->norm_len, &d, &n) != VB_OK) {
            *oom = true;
            return NULL;
        }
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

/* True when the entry of token `t` is the one the text stage found for
 * it (`entries`, or NULL) and its key its lookup form: a word that is not
 * elongated. Most tokens are such words. (vb_text_analyze() gives every
 * token a lookup form, so a word's is never NULL.) */
static inline bool entry_cached(const vb_token *t, const void *const *entries)
{
    return t->kind == VB_TOKEN_WORD && entries != NULL && !(t->flags & VB_TOKEN_ELONGATED);
}

/* may_follow() for a token i + 1 whose entry is not cached (or whose
 * lookup form is empty), or after an emoji: the test is on the first byte
 * of its key, which is its lookup form or, for an elongated word, that
 * form collapsed, which keeps its first byte; a token that is not looked
 * up has no key. An emoji's entry may be that of its first code point
 * rather than of its key, so it is not tested. */
static bool may_follow_uncached(const vb_doc *doc, size_t i, const vb_senti_entry *first)
{
    const vb_token *b = &doc->tokens[i + 1];
    if (!looked_up(b->kind) || b->lookup == NULL)
        return false; /* no key: match_phrase() could not join it */
    return b->lookup_len == 0 || doc->tokens[i].kind == VB_TOKEN_EMOJI ||
           (first->next_bytes >> ((unsigned char)b->lookup[0] & 63) & 1);
}

/* False when no phrase of `first` (the entry of token `i`) can go on with
 * token i + 1: one bit test that turns most candidates away. Asked of the
 * token, before its key is found. Its cached entry says (the common case,
 * inlined): every second word of a phrase has an entry, and the bit of its
 * hash is in first->next_words. */
static inline bool may_follow(const vb_doc *doc, size_t i, const vb_senti_entry *first)
{
    if (i + 1 >= doc->n_tokens)
        return false;
    const vb_token *b = &doc->tokens[i + 1];
    if (!entry_cached(b, doc->entries) || b->lookup_len == 0 ||
        doc->tokens[i].kind == VB_TOKEN_EMOJI)
        return may_follow_uncached(doc, i, first);
    const vb_senti_entry *e = doc->entries[i + 1];
    return e != NULL && (first->next_words >> (e->hash & 63) & 1);
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
 * `first`) inside its sentence, once may_follow() allows one; returns its
 * entry and token count. `keys` holds the keys of tokens i to i +
 * first->max_words (or to the last token). The
 * words are joined and hashed once; each phrase length that `first`
 * starts is then one probe with the prefix of that many words. */
static const vb_senti_entry *match_phrase(const vb_senti_lex *lex, const vb_doc *doc,
                                          const token_key *keys, size_t i,
                                          const vb_senti_entry *first, size_t *n_out)
{
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
        if (e != NULL && vb_senti_entry_has_role(e)) {
            *n_out = n;
            return e;
        }
    }
    return NULL;
}

static inline bool is_stop_punct(const vb_doc *doc, const vb_token *t)
{
    for (size_t b = t->start; b < t->end; b++) {
        char c = doc->text[b];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '-')
            return true;
    }
    return false;
}

static bool counts_as_word(vb_token_kind k)
{
    const unsigned not_words = 1u << VB_TOKEN_URL | 1u << VB_TOKEN_EMAIL | 1u << VB_TOKEN_SYMBOL;
    return !((1u << k) & not_words);
}

static void count_marks(const vb_doc *doc, const vb_token *t, size_t *excl, size_t *quest)
{
    for (size_t b = t->start; b < t->end; b++) {
        *excl += doc->text[b] == '!';
        *quest += doc->text[b] == '?';
    }
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

/* Adds unit `u` (token `t`, no entry) to the run, flushing the run first
 * when `u` starts another clause (and so maybe another sentence: a clause
 * lies inside one sentence). */
static inline void tally_plain(sums *s, const vb_doc *doc, run *r, const unit *u,
                               const vb_token *t, bool punct)
{
    if (u->clause != r->clause)
        flush_run(s, doc, r, u);
    if (punct)
        count_marks(doc, t, &r->n_excl, &r->n_quest);
    else
        r->n_words += counts_as_word(t->kind);
}

/* Whether capitals can be emphasis: only when some words are in
 * capitals and others are not. */
typedef struct caps_tally {
    bool any_caps, any_lower;
} caps_tally;

static bool has_lower(const vb_doc *doc, const vb_token *t)
{
    for (size_t b = t->start; b < t->end; b++)
        if (doc->text[b] >= 'a' && doc->text[b] <= 'z')
            return true;
    return false;
}

static inline void tally_caps(const vb_doc *doc, const vb_token *t, caps_tally *c)
{
    if (t->kind != VB_TOKEN_WORD)
        return;
    if (t->flags & VB_TOKEN_ALLCAPS)
        c->any_caps = true;
    else if (!c->any_lower) /* one lower-case letter anywhere settles it */
        c->any_lower = has_lower(doc, t);
}

/* The key of a token whose entry `e` is cached (entry_cached()). The
 * entry also says whether the word ends in "n't"
 * (vb_senti_lex_is_contrast()). */
static inline token_key cached_key(const vb_token *t, const vb_senti_entry *e)
{
    return (token_key){listed(e), t->lookup, t->lookup_len, e != NULL ? e->word : RW_NONE,
                       e != NULL && e->ends_nt};
}

/* The entry and key of token `i` (all empty for a token that is not
 * looked up). Called once per token. */
static token_key key_token(const vb_senti_lex *lex, vb_arena *arena, const vb_doc *doc, size_t i,
                           bool *oom)
{
    const vb_token *t = &doc->tokens[i];
    if (entry_cached(t, doc->entries))
        return cached_key(t, doc->entries[i]);
    if (!looked_up(t->kind) || t->lookup == NULL)
        return (token_key){NULL, NULL, 0, RW_NONE, false};
    token_key k;
    k.e = find_token(lex, arena, doc, i, &k, oom);
    k.nt = t->kind == VB_TOKEN_WORD && vb_senti_ends_nt(k.key, k.key_len);
    return k;
}

/* Keys the tokens from *n_keyed up to `to` (at most n_tokens) into `keys`,
 * for match_phrase() to look ahead at; the main loop then takes them from
 * there rather than finding them again. */
static void key_ahead(const vb_senti_lex *lex, vb_arena *arena, const vb_doc *doc,
                      token_key *keys, size_t *n_keyed, size_t to, bool *oom)
{
    if (to > doc->n_tokens)
        to = doc->n_tokens;
    for (size_t j = *n_keyed; j < to; j++)
        keys[j] = key_token(lex, arena, doc, j, oom);
    if (to > *n_keyed)
        *n_keyed = to;
}

/* Whether phrase `pe` of `n` words at token `i` gives way to a stronger
 * cue that starts on its second word and ends after it: "really wanted"
 * in "really wanted to love" to "wanted to love", "looks like" in "looks
 * like a tent" to "like a tent", "like a" in "a mark like a hole" to "a
 * hole"; the first word then stands alone, with its own entry and rules
 * ("really" boosts, "like" before "a" is a preposition). Only a phrase
 * with a valence and no other role gives way. */
static bool yields_to_overlap(const vb_senti_lex *lex, vb_arena *arena, const vb_doc *doc,
                              token_key *keys, size_t *n_keyed, size_t i,
                              const vb_senti_entry *pe, size_t n, bool *oom)
{
    const uint32_t roles = VB_LEX_BOOSTER | VB_LEX_NEGATOR | VB_LEX_CONTRAST | VB_LEX_EXCESS;
    if (pe->flags & roles)
        return false;
    const vb_senti_entry *second = keys[i + 1].e;
    if (second == NULL || second->max_words < n || !may_follow(doc, i + 1, second))
        return false;
    key_ahead(lex, arena, doc, keys, n_keyed, i + 1 + second->max_words, oom);
    size_t n_next;
    const vb_senti_entry *next = match_phrase(lex, doc, keys, i + 1, second, &n_next);
    const float own = (pe->flags & VB_LEX_VALENCE) ? fabsf(pe->valence) : 0.0f;
    return next != NULL && n_next >= n && vb_senti_entry_judges(next) &&
           fabsf(next->valence) > own;
}

/* Sets the fields of a unit with an entry that only such units have
 * (sentiment_int.h), and the ones every candidate starts with. */
static void start_candidate(unit *u, bool caps)
{
    u->caps = caps;
    u->score = 0.0;
    u->weight = 1.0;
    u->modifier = u->excess_active = u->unmet = u->muted = u->prevented = false;
    u->boost = u->valence = 0.0;
    u->rules = 0;
    u->by = NULL;
    u->cue_tokens = u->cue_back = 0;
}

/* The rule word id of token `i` by its cached entry (RW_NONE without). */
static uint32_t token_word(const vb_doc *doc, size_t i)
{
    const vb_token *t = &doc->tokens[i];
    return entry_cached(t, doc->entries) ? cached_key(t, doc->entries[i]).word : RW_NONE;
}

/* Whether the rule word `word` is a copula or a word of degree, after
 * which "to" before a size is "too" misspelt (misspelt_too()). */
static bool comes_before_too(uint32_t word)
{
    switch (word) {
    case RW_IS: case RW_WAS: case RW_ARE: case RW_WERE: case RW_BE: case RW_BEEN:
    case RW_RUNS: case RW_RAN: case RW_RUN: case RW_SEEMS: case RW_SEEMED: case RW_LOOKS:
    case RW_LOOKED: case RW_FEELS: case RW_FELT: case RW_WAY: case RW_MUCH: case RW_FAR:
    case RW_BIT: case RW_LITTLE: case RW_TAD: case RW_SLIGHTLY: case RW_IT_S: case RW_ITS:
    case RW_THAT_S:
        return true;
    default:
        return vb_senti_subject_be(word);
    }
}

/* Whether "to" at token `i` is "too" misspelt, as customers often write
 * it: before a word of size ("way to small", "was to long", "a bit to
 * tight", "runs to big", "it's to big", "its to small": "its" is "it's"
 * misspelt too) or "much", after a copula or a word of degree.
 * Elsewhere a size after "to" is a size asked for ("sized down to small")
 * or a noun's ("went to small shops"), and "to close" is a verb. */
static bool misspelt_too(const vb_doc *doc, size_t i)
{
    if (i == 0 || i + 1 >= doc->n_tokens)
        return false;
    const uint32_t next = token_word(doc, i + 1);
    if (!(vb_senti_measure_word(next) && next != RW_CLOSE) && next != RW_MUCH)
        return false;
    return comes_before_too(token_word(doc, i - 1)) &&
           doc->tokens[i - 1].sentence == doc->tokens[i + 1].sentence;
}

/* True when token `i`, a word whose cached entry is `raw`
 * (entry_cached()), makes a unit without an entry: it has no entry, or
 * one with no role that starts no phrase here; "to" read as "too" has
 * one (build_units()). */
static inline bool plain_word(const vb_doc *doc, size_t i, const vb_senti_entry *raw)
{
    const vb_senti_entry *e = listed(raw);
    if (raw != NULL && raw->word == RW_TO && misspelt_too(doc, i))
        return false;
    return e == NULL || (!vb_senti_entry_has_role(e) &&
                         (e->max_words < 2 || !may_follow(doc, i, e)));
}

/* Builds the units of the tokens from `i` on that make units without an
 * entry and need no key found: plain words (a cached entry and
 * plain_word()) and tokens that are not looked up (punctuation, URLs...),
 * at units[n_units] on, adding them to the run `r` (flushed into `s`)
 * and their capitals to `caps`; stops at the first other token and
 * returns how many it built. Most tokens are such, many in a row, so they
 * get this loop of their own: it keeps little state and does only what a
 * unit without an entry needs. */
static size_t build_plain_units(const vb_doc *doc, unit *units, size_t n_units, size_t i,
                                sums *s, run *r, caps_tally *caps)
{
    const vb_token *const tokens = doc->tokens;
    const void *const *const entries = doc->entries;
    const size_t n_tokens = doc->n_tokens, first = n_units;
    run cur = *r;           /* locals: the stores into units cannot alias them */
    caps_tally seen = *caps;
    for (; i < n_tokens; i++) {
        const vb_token *t = &tokens[i];
        const bool cached = entry_cached(t, entries);
        if (cached ? !plain_word(doc, i, entries[i]) : looked_up(t->kind) && t->lookup != NULL)
            break; /* an entry, a phrase or a key to find: the main loop's */
        const vb_senti_entry *raw = cached ? entries[i] : NULL;
        const bool punct = t->kind == VB_TOKEN_PUNCT;
        unit *u = &units[n_units];
        u->first = i;
        u->n = 1;
        u->e = NULL;
        u->key = cached ? t->lookup : NULL;
        u->key_len = cached ? t->lookup_len : 0;
        u->word = raw != NULL ? raw->word : RW_NONE;
        u->sentence = t->sentence;
        u->clause = t->clause;
        u->punct = punct;
        u->stop = punct && is_stop_punct(doc, t);
        u->negator = raw != NULL && raw->ends_nt;
        u->booster = false;
        tally_caps(doc, t, &seen);
        tally_plain(s, doc, &cur, u, t, punct);
        n_units++;
    }
    *r = cur;
    *caps = seen;
    return n_units - first;
}

/* Builds the units of `doc` in `l`, finding each token's entry and key on
 * the way (see sentiment_int.h). The units are made left to right, a
 * phrase taking the place of its tokens; a word ending in "n't" is a
 * negator from the start (rule 3), whatever its entry says. A unit
 * without an entry never gets a score, so it goes into the sums `s` right
 * away and later passes skip it; of its fields only those that rules read
 * on a neighbour are set (sentiment_int.h). Keys are found once per
 * token, in text order: the tokens a phrase match looks ahead at go into
 * `keys`, the others stay in a local. Capitals are tallied per token of
 * each unit. */
vb_status vb_senti_build_units(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                               token_key *keys, unit_list *l, sums *s)
{
    /* Locals rather than fields: the stores into units could alias those. */
    const vb_token *const tokens = doc->tokens;
    const size_t n_tokens = doc->n_tokens;
    const void *const *const entries = doc->entries;
    unit *const units = l->u;
    size_t *const cand = l->cand;
    size_t n_units = 0, n_cand = 0, n_keyed = 0;
    bool contrast = false, oom = false;
    caps_tally caps_seen = {false, false};
    run r = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < n_tokens;) {
        if (i >= n_keyed) {
            const size_t n_plain = build_plain_units(doc, units, n_units, i, s, &r, &caps_seen);
            n_units += n_plain;
            i += n_plain;
            if (i == n_tokens)
                break;
        }
        const vb_token *t = &tokens[i];
        token_key k;
        if (i < n_keyed)
            k = keys[i];
        else if (entry_cached(t, entries))
            k = cached_key(t, entries[i]);
        else
            k = key_token(lex, arena, doc, i, &oom);
        const vb_senti_entry *e = k.e;
        size_t n = 1;
        bool caps = (t->flags & VB_TOKEN_ALLCAPS) != 0;
        if (e != NULL && e->max_words >= 2 && may_follow(doc, i, e)) {
            if (n_keyed <= i) {
                keys[i] = k;
                n_keyed = i + 1;
            }
            key_ahead(lex, arena, doc, keys, &n_keyed, i + e->max_words, &oom);
            size_t n_words; /* not `n`, whose address would then escape */
            const vb_senti_entry *pe = match_phrase(lex, doc, keys, i, e, &n_words);
            if (pe != NULL &&
                !yields_to_overlap(lex, arena, doc, keys, &n_keyed, i, pe, n_words, &oom)) {
                e = pe;
                n = n_words;
                for (size_t j = i + 1; j < i + n; j++) {
                    caps = caps && (tokens[j].flags & VB_TOKEN_ALLCAPS);
                    tally_caps(doc, &tokens[j], &caps_seen);
                }
            }
        }
        tally_caps(doc, t, &caps_seen);
        /* An entry that only marks the start of phrases has no role. */
        if (e != NULL && !vb_senti_entry_has_role(e))
            e = NULL;
        if (e == NULL && n == 1 && k.word == RW_TO && misspelt_too(doc, i))
            e = vb_senti_lex_get(lex, "too", 3); /* its excess rule applies */
        const bool punct = t->kind == VB_TOKEN_PUNCT;
        /* Field by field: cheaper than zeroing the whole struct first. */
        unit *u = &units[n_units];
        u->first = i;
        u->n = n;
        u->e = e;
        u->key = k.key;
        u->key_len = k.key_len;
        u->word = n == 1 ? k.word : RW_NONE;
        u->sentence = t->sentence;
        /* A phrase belongs to the clause it ends in: in "anything but
         * flattering" the tokeniser opens a clause at "but", which here
         * contrasts nothing, and the phrase reaches the word after it. */
        u->clause = tokens[i + n - 1].clause;
        const bool negator = n == 1 && k.nt;
        /* In field order, so the compiler can merge the stores. */
        u->punct = punct;
        u->stop = punct && is_stop_punct(doc, t);
        u->negator = negator;
        u->booster = false;
        if (e != NULL) {
            start_candidate(u, caps);
            cand[n_cand++] = n_units;
            contrast = contrast || (e->flags & VB_LEX_CONTRAST);
        } else {
            tally_plain(s, doc, &r, u, t, punct);
        }
        n_units++;
        i += n;
    }
    if (oom)
        return VB_ENOMEM;
    if (n_units > 0)
        flush_run(s, doc, &r, &units[n_units - 1]);
    l->n = n_units;
    l->n_cand = n_cand;
    l->contrast = contrast;
    l->cap_diff = caps_seen.any_caps && caps_seen.any_lower;
    return VB_OK;
}

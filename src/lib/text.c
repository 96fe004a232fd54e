/* text.c: the text stages for one comment, wired together. vb_text holds
 * the per-thread state (the stemmer and its cache, the word cache);
 * everything a record produces goes into the caller's arena or the word
 * cache's pool, so after warm-up a stream of records allocates nothing:
 * arena blocks and pool blocks are reused.
 *
 *   repair (utf8.c) -> entities (entity.c) -> tokenise (token.c)
 *   -> per distinct token: normalise, lookup form, stopword, stem (norm.c,
 *      stem.c), word-lexicon entry and term id, remembered in the word cache
 *   -> offsets back to the repaired text -> sentences and clauses
 */
#include "alloc.h"
#include "entity.h"
#include "norm.h"
#include "stem.h"
#include "text.h"
#include "token.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Propagates a failed status (STYLE.md's VB_TRY, local to this file). */
#define TRY(expr)                                                                              \
    do {                                                                                       \
        const vb_status st_ = (expr);                                                          \
        if (st_ != VB_OK)                                                                      \
            return st_;                                                                        \
    } while (0)

/* ---- the word cache ------------------------------------------------------
 * Every distinct token (kind + bytes) is analysed once: its norm, lookup
 * form, stem, flags, word-lexicon entry and term id go into an open-addressing
 * table, and their strings into a pool of fixed blocks that never move, so
 * tokens point straight into it. The cache is bounded (entries and pool
 * blocks); once it is full, new tokens are analysed into the arena as
 * before, and the cache is cleared only when the caller says that no
 * earlier token is in use (vb_text_forget(): before the next record, or
 * the next batch of records): nothing a record holds is ever invalidated
 * under it. Blocks are kept across clears, so a warm cache
 * allocates nothing. URLs, e-mails and tags are rarely repeated and are
 * not cached. */

#define MAX_KEY_BYTES 255u
#define MAX_ENTRIES 65536u
#define MIN_SLOTS 1024u
#define POOL_BLOCK_BYTES ((size_t)64 << 10)
#define POOL_MAX_BLOCKS 128u /* 8 MiB */
/* The most bytes and tokens a non-answer may have, punctuation and
 * spaces included ("N/A !!", "Nothing further to add at this time."):
 * longer comments are answers, and most are passed over unread. */
#define MAX_NON_ANSWER_BYTES 64u
#define MAX_NON_ANSWER_TOKENS 12u

/* A slot: one cache line, which holds all that a hit reads but the rest
 * of a key longer than 16 bytes. */
typedef struct word {
    _Alignas(VB_CACHE_LINE) uint64_t tag; /* word_key's; 0: empty slot */
    uint64_t head[2];                     /* word_key's */
    const char *key;                      /* the whole key in the pool, padded (see below),
                                           * followed by the norm, the lookup form and the
                                           * stem, where these differ */
    const void *entry;  /* from the word lexicon, or NULL */
    uint32_t term;      /* from the term lexicon, or 0 */
    uint16_t norm_len, lookup_len, stem_len;
    uint16_t lookup_at, stem_at; /* where they start, from the norm */
    uint8_t flags;      /* VB_TOKEN_* */
    bool clause;        /* a clause boundary goes before it */
} word;

_Static_assert(sizeof(word) == VB_CACHE_LINE, "a word cache slot is one cache line");

typedef struct word_cache {
    word *slots;             /* open addressing, line-aligned: a hit costs
                              * one cache line (a slot is 64 bytes) */
    void *slots_block;       /* the allocation, which starts before the line */
    size_t n_slots;          /* power of two, at least twice n_words */
    size_t n_words;
    char *blocks[POOL_MAX_BLOCKS];
    size_t n_blocks;         /* allocated */
    size_t cur_block;        /* being filled; SIZE_MAX before the first */
    size_t block_used;
    bool full; /* clear at the next vb_text_forget() */
} word_cache;

struct vb_text {
    const vb_lang *lang;          /* borrowed, shared */
    const vb_allocator *alloc;
    vb_stemmer *stemmer;
    vb_clause_word_fn clause_word; /* NULL: no word lexicon */
    void *clause_ctx;
    vb_term_word_fn term_word;     /* NULL: no term lexicon */
    const void *term_ctx;
    word_cache cache;
};

static void cache_clear(word_cache *c)
{
    if (c->slots != NULL)
        memset(c->slots, 0, c->n_slots * sizeof *c->slots);
    c->n_words = 0;
    c->cur_block = SIZE_MAX;
    c->block_used = POOL_BLOCK_BYTES;
    c->full = false;
}

static void cache_free(const vb_allocator *a, word_cache *c)
{
    vb_free(a, c->slots_block);
    for (size_t i = 0; i < c->n_blocks; i++)
        vb_free(a, c->blocks[i]);
}

/* Keys are hashed and compared eight bytes at a time: a token's bytes
 * are loaded as 64-bit words, the last one zero-padded, and keys in the
 * pool are stored padded with zeros to a multiple of eight, so a cached
 * key compares word by word too. A whole-word load of the last, partial
 * word may read past the token but never past the text (`wide`); near
 * the end of the text, or where masking a loaded word would keep the
 * wrong bytes (big-endian), the bytes are copied one by one instead. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WIDE_LOADS 1
#else
#define WIDE_LOADS 0
#endif

static inline size_t padded(size_t len)
{
    return (len + 7) & ~(size_t)7;
}

#define MIX 0x9E3779B97F4A7C15u

/* The last 1 to 8 bytes of a key as a word, zero-padded: one load and a
 * mask where 8 bytes may be read (`wide`), else byte by byte. */
static inline uint64_t key_tail(const char *s, size_t n, bool wide)
{
    static const uint64_t keep[9] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF,
                                     0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ~(uint64_t)0};
    uint64_t v = 0;
    if (wide) {
        memcpy(&v, s, 8);
        return v & keep[n];
    }
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return v;
}

/* The same of a cached key, whose padding is already zero. */
static inline uint64_t stored_tail(const char *key, size_t n)
{
    if (WIDE_LOADS) {
        uint64_t v;
        memcpy(&v, key, 8);
        return v;
    }
    return key_tail(key, n, false);
}

/* A token's key as the cache finds and compares it.
 * - tag: the key's hash in the low 32 bits (which also pick the slot),
 *   its kind and length above them, so that a probe compares once. Never
 *   0, as keys are never empty.
 * - head: its first 16 bytes, zero-padded; a key of up to 16 bytes is
 *   compared with its slot's copy alone.
 * - tail: its last word (1 to 8 bytes), zero-padded, for a longer key. */
typedef struct word_key {
    uint64_t tag;
    uint64_t head[2];
    uint64_t tail;
} word_key;

/* The word_key of `len` (1 to MAX_KEY_BYTES) bytes at `s`. */
static inline void key_of(vb_token_kind kind, const char *s, size_t len, bool wide, word_key *key)
{
    const uint64_t kind_len = (uint64_t)len << 8 | kind;
    uint64_t h = kind_len * MIX;
    uint64_t head[2] = {0, 0};
    size_t at = 0;
    for (; len - at > 8; at += 8) {
        uint64_t w;
        memcpy(&w, s + at, 8);
        if (at < 16) head[at / 8] = w;
        h = (h ^ w) * MIX;
        h ^= h >> 29;
    }
    key->tail = key_tail(s + at, len - at, wide);
    if (at < 16) head[at / 8] = key->tail;
    h = (h ^ key->tail) * MIX;
    key->tag = h >> 32 | kind_len << 32;
    key->head[0] = head[0];
    key->head[1] = head[1];
}

/* URLs, e-mails and tags are rarely repeated: not worth a slot. */
#define UNCACHED_KINDS                                                                         \
    ((1u << VB_TOKEN_URL) | (1u << VB_TOKEN_EMAIL) | (1u << VB_TOKEN_MENTION) |               \
     (1u << VB_TOKEN_HASHTAG))

static inline bool cacheable(vb_token_kind kind, size_t len)
{
    return len <= MAX_KEY_BYTES && !((UNCACHED_KINDS >> kind) & 1u);
}

/* Whether slot `w`, whose tag is key->tag, holds the key `s` (`len`
 * bytes). */
static inline bool same_key(const word *w, const word_key *key, const char *s, size_t len)
{
    if (w->head[0] != key->head[0] || w->head[1] != key->head[1]) return false;
    if (len <= 16) return true;
    size_t at = 16;
    for (; len - at > 8; at += 8) {
        uint64_t a, b;
        memcpy(&a, w->key + at, 8);
        memcpy(&b, s + at, 8);
        if (a != b)
            return false;
    }
    return stored_tail(w->key + at, len - at) == key->tail;
}

/* The slot of the key `s` (`len` bytes), or NULL. The table always has
 * slots (vb_text_new()). */
static const word *cache_find(const word_cache *c, const word_key *key, const char *s, size_t len)
{
    const size_t mask = c->n_slots - 1;
    for (size_t i = key->tag & mask;; i = (i + 1) & mask) {
        const word *w = &c->slots[i];
        if (w->tag == key->tag && same_key(w, key, s, len)) return w;
        if (w->tag == 0)
            return NULL;
    }
}

/* Starts loading the slot where a lookup of `key` begins. */
static inline void cache_prefetch(const word_cache *c, const word_key *key)
{
#if defined(__GNUC__)
    __builtin_prefetch(&c->slots[key->tag & (c->n_slots - 1)]);
#else
    (void)c;
    (void)key;
#endif
}

/* `n` bytes from the pool, or NULL when it is exhausted. */
static char *pool_alloc(const vb_allocator *a, word_cache *c, size_t n)
{
    if (n > POOL_BLOCK_BYTES)
        return NULL;
    if (POOL_BLOCK_BYTES - c->block_used < n) {
        const size_t next = c->cur_block + 1; /* SIZE_MAX + 1 == 0 */
        if (next == c->n_blocks) {
            if (c->n_blocks == POOL_MAX_BLOCKS)
                return NULL;
            char *b = vb_malloc(a, POOL_BLOCK_BYTES);
            if (b == NULL)
                return NULL;
            c->blocks[c->n_blocks++] = b;
        }
        c->cur_block = next;
        c->block_used = 0;
    }
    char *p = c->blocks[c->cur_block] + c->block_used;
    c->block_used += n;
    return p;
}

static bool cache_grow_slots(const vb_allocator *a, word_cache *c)
{
    const size_t n = c->n_slots ? c->n_slots * 2 : MIN_SLOTS;
    void *block;
    word *t = vb_calloc_lines(a, n, sizeof *t, &block);
    if (t == NULL)
        return false;
    for (size_t i = 0; i < c->n_slots; i++) {
        if (c->slots[i].tag == 0)
            continue;
        size_t j = c->slots[i].tag & (n - 1);
        while (t[j].tag != 0)
            j = (j + 1) & (n - 1);
        t[j] = c->slots[i];
    }
    vb_free(a, c->slots_block);
    c->slots = t;
    c->slots_block = block;
    c->n_slots = n;
    return true;
}

static char *pool_copy(char *d, const char *s, size_t len)
{
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

/* Remembers the analysis of token `k` (bytes `s`, `len`, key `key`); on
 * success points k's strings into the pool. Does nothing when the cache
 * is full (until vb_text_forget()) or memory runs out (the cache is an
 * optimisation, not a store). */
static void cache_put(vb_text *t, const word_key *key, const char *s, size_t len, vb_token *k,
                      const void *entry, bool clause, uint32_t term)
{
    word_cache *c = &t->cache;
    if (c->full)
        return;
    if (k->norm_len + k->lookup_len + 2 > UINT16_MAX || k->stem_len > UINT16_MAX)
        return; /* lookup_at and stem_at would not fit */
    if (c->n_words == MAX_ENTRIES) {
        c->full = true;
        return;
    }
    if ((c->n_words + 1) * 2 > c->n_slots && !cache_grow_slots(t->alloc, c))
        return;
    const bool own_lookup = k->lookup != k->norm;
    const bool own_stem = k->stem != k->lookup && k->stem != k->norm;
    const size_t need = padded(len) + k->norm_len + 1 + (own_lookup ? k->lookup_len + 1 : 0) +
                        (own_stem ? k->stem_len + 1 : 0);
    char *p = pool_alloc(t->alloc, c, need);
    if (p == NULL) {
        c->full = true;
        return;
    }
    const size_t mask = c->n_slots - 1;
    size_t i = key->tag & mask;
    while (c->slots[i].tag != 0)
        i = (i + 1) & mask;
    word *w = &c->slots[i];
    memcpy(p, s, len);
    memset(p + len, 0, padded(len) - len);
    w->key = p;
    char *norm = pool_copy(p + padded(len), k->norm, k->norm_len);
    const size_t lookup_at = own_lookup ? k->norm_len + 1 : 0;
    if (own_lookup) pool_copy(norm + lookup_at, k->lookup, k->lookup_len);
    const size_t stem_at = own_stem               ? lookup_at + k->lookup_len + 1
                           : k->stem == k->lookup ? lookup_at
                                                  : 0;
    if (own_stem) pool_copy(norm + stem_at, k->stem, k->stem_len);
    w->head[0] = key->head[0];
    w->head[1] = key->head[1];
    w->entry = entry;
    w->term = term;
    w->norm_len = (uint16_t)k->norm_len;
    w->lookup_len = (uint16_t)k->lookup_len;
    w->stem_len = (uint16_t)k->stem_len;
    w->lookup_at = (uint16_t)lookup_at;
    w->stem_at = (uint16_t)stem_at;
    w->flags = (uint8_t)k->flags;
    w->clause = clause;
    w->tag = key->tag;
    c->n_words++;
    k->norm = norm;
    k->lookup = norm + lookup_at;
    k->stem = norm + stem_at;
}

/* ---- the text stages ----------------------------------------------------- */

/* Flags of a word as such, cached by the stemmer with its stem. */
static uint32_t word_flags(const char *lookup, size_t len, void *lang)
{
    return vb_lang_word_flags(lang, lookup, len);
}

vb_text *vb_text_new(const vb_lang *lang, const vb_allocator *a)
{
    vb_text *t = vb_calloc(a, 1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->lang = lang;
    t->alloc = a;
    t->stemmer = vb_stemmer_new(vb_lang_stemmer_name(lang), a);
    if (t->stemmer == NULL) {
        vb_free(a, t);
        return NULL;
    }
    vb_stemmer_set_flags_fn(t->stemmer, word_flags, (void *)lang);
    cache_clear(&t->cache);
    if (!cache_grow_slots(a, &t->cache)) { /* cache_find() assumes slots */
        vb_text_free(t);
        return NULL;
    }
    return t;
}

void vb_text_free(vb_text *t)
{
    if (t == NULL)
        return;
    vb_stemmer_free(t->stemmer);
    cache_free(t->alloc, &t->cache);
    vb_free(t->alloc, t);
}

void vb_text_set_clause_words(vb_text *t, vb_clause_word_fn fn, void *ctx)
{
    t->clause_word = fn;
    t->clause_ctx = ctx;
    cache_clear(&t->cache); /* the entries are stale */
}

void vb_text_set_term_words(vb_text *t, vb_term_word_fn fn, const void *ctx)
{
    t->term_word = fn;
    t->term_ctx = ctx;
    cache_clear(&t->cache); /* the term ids are stale */
}

/* Emoticons fold like other non-words: lexicon terms have their ASCII
 * letters folded (as VADER's have), so ":D" must be looked up as ":d". */
static vb_norm_mode mode_for(vb_token_kind k)
{
    switch (k) {
    case VB_TOKEN_WORD:
        return VB_NORM_WORD;
    case VB_TOKEN_EMOJI:
        return VB_NORM_COPY;
    default:
        return VB_NORM_FOLD;
    }
}

/* norm, lookup, stopword flag and stem of one token, into the arena. */
static vb_status analyze_token(vb_text *t, vb_arena *arena, const char *s, size_t len,
                               vb_token *k)
{
    TRY(vb_norm_token(arena, s, len, mode_for(k->kind), &k->norm, &k->norm_len, &k->flags));
    if (k->kind != VB_TOKEN_WORD) {
        k->lookup = k->stem = k->norm;
        k->lookup_len = k->stem_len = k->norm_len;
        return VB_OK;
    }
    TRY(
        vb_norm_lookup(arena, k->norm, k->norm_len, &k->lookup, &k->lookup_len, &k->flags));
    /* a misspelling is stemmed, scored and matched as the word it misspells;
     * norm and offsets keep what was typed */
    vb_lang_respelled(t->lang, k->lookup, k->lookup_len, &k->lookup, &k->lookup_len);
    return vb_stemmer_stem(t->stemmer, arena, k->lookup, k->lookup_len, &k->stem, &k->stem_len,
                           &k->flags);
}

/* Fills token `k` (bytes `s`, `len`, key `key`) from the word cache and
 * returns true, or returns false. Inlined in the loop: most tokens end
 * here. */
static inline bool cached_token(const vb_text *t, const word_key *key, const char *s, size_t len,
                                vb_token *k, const void **entry, uint32_t *term, uint8_t *before)
{
    const word *w = cache_find(&t->cache, key, s, len);
    if (w == NULL)
        return false;
    const char *norm = w->key + padded(len);
    k->norm = norm;
    k->norm_len = w->norm_len;
    k->lookup = norm + w->lookup_at;
    k->lookup_len = w->lookup_len;
    k->stem = norm + w->stem_at;
    k->stem_len = w->stem_len;
    k->flags |= w->flags;
    *entry = w->entry;
    *term = w->term;
    if (w->clause)
        *before |= VB_BEFORE_CLAUSE_WORD;
    return true;
}

/* The term id of `form` stemmed, its stem in *stem; 0: no term. */
static vb_status stemmed_term(vb_text *t, vb_arena *arena, const char *form, size_t len,
                              const char **stem, size_t *stem_len, uint32_t *id)
{
    uint32_t flags = 0;
    TRY(vb_stemmer_stem(t->stemmer, arena, form, len, stem, stem_len, &flags));
    *id = t->term_word(*stem, *stem_len, t->term_ctx);
    return VB_OK;
}

/* An elongated word whose lookup form stems to no term ("sloooow" ->
 * "sloow") takes its runs cut to one letter ("slow") as lookup form and
 * stem when that stems to a term, so that themes (exact terms included)
 * find it as sentiment does. */
static vb_status unelongated_term(vb_text *t, vb_arena *arena, vb_token *k, uint32_t *id)
{
    const char *plain, *stem;
    size_t plain_len, stem_len;
    uint32_t found;
    TRY(vb_norm_unelongated(arena, k->norm, k->norm_len, &plain, &plain_len));
    TRY(stemmed_term(t, arena, plain, plain_len, &stem, &stem_len, &found));
    if (found != 0) {
        k->lookup = plain;
        k->lookup_len = plain_len;
        k->stem = stem;
        k->stem_len = stem_len;
        *id = found;
    }
    return VB_OK;
}

/* A hyphenated word whose stem is no term ("light-weight", "e-mail")
 * takes the term of its form closed up ("lightweight", "email"), which a
 * taxonomy lists more often. Only the id: the token keeps its forms, which
 * sentiment reads and exact terms compare. */
static vb_status closed_up_term(vb_text *t, vb_arena *arena, const vb_token *k, uint32_t *id)
{
    char *closed = vb_arena_alloc(arena, k->lookup_len + 1);
    if (closed == NULL)
        return VB_ENOMEM;
    const size_t n = vb_norm_closed_up(k->lookup, k->lookup_len, closed);
    if (n == 0)
        return VB_OK;
    closed[n] = '\0';
    const char *stem;
    size_t stem_len;
    return stemmed_term(t, arena, closed, n, &stem, &stem_len, id);
}

/* Analyses a token the cache does not hold and caches the result under
 * `key`, unless `key` is NULL. */
static vb_status new_token(vb_text *t, vb_arena *arena, const char *s, size_t len, vb_token *k,
                           const word_key *key, const void **entry, uint32_t *term, uint8_t *before)
{
    TRY(analyze_token(t, arena, s, len, k));
    uint32_t id = 0;
    if (t->term_word != NULL) {
        id = t->term_word(k->stem, k->stem_len, t->term_ctx);
        if (id == 0 && (k->flags & VB_TOKEN_ELONGATED))
            TRY(unelongated_term(t, arena, k, &id));
        if (id == 0 && k->kind == VB_TOKEN_WORD && memchr(k->lookup, '-', k->lookup_len) != NULL)
            TRY(closed_up_term(t, arena, k, &id));
    }
    *term = id;
    const void *e = NULL;
    bool clause = false;
    if (k->kind == VB_TOKEN_WORD && t->clause_word != NULL)
        e = t->clause_word(k->lookup, k->lookup_len, t->clause_ctx, &clause);
    *entry = e;
    if (clause)
        *before |= VB_BEFORE_CLAUSE_WORD;
    if (key != NULL) cache_put(t, key, s, len, k, e, clause, id);
    return VB_OK;
}

/* Norm, lookup, stem, flags, entry and term of tokens[0, n) of `text`.
 * The record's keys are worked out first, each slot's load started as
 * its key is known, so that the lookups after them rarely wait for
 * memory: the cache is larger than the processor's caches. Its own
 * function, with everything by value: the loops then keep what they read
 * in registers. */
static vb_status analyze_tokens(vb_text *t, vb_arena *arena, const char *text, size_t len,
                                vb_token *tokens, size_t n_tokens, uint8_t *before,
                                const void **entries, uint32_t *terms, word_key *keys)
{
    for (size_t i = 0; i < n_tokens; i++) {
        const vb_token *k = &tokens[i];
        const size_t n = k->end - k->start;
        keys[i].tag = 0;
        if (!cacheable(k->kind, n)) continue;
        key_of(k->kind, text + k->start, n, WIDE_LOADS && k->start + padded(n) <= len, &keys[i]);
        cache_prefetch(&t->cache, &keys[i]);
    }
    for (size_t i = 0; i < n_tokens; i++) {
        vb_token *k = &tokens[i];
        const char *s = text + k->start;
        const size_t n = k->end - k->start;
        const word_key *key = keys[i].tag != 0 ? &keys[i] : NULL;
        if (key != NULL && cached_token(t, key, s, n, k, &entries[i], &terms[i], &before[i]))
            continue;
        TRY(new_token(t, arena, s, n, k, key, &entries[i], &terms[i], &before[i]));
    }
    return VB_OK;
}

void vb_text_forget(vb_text *t)
{
    if (t->cache.full) cache_clear(&t->cache);
}

/* Whether the tokens are a non-answer of the language: words and
 * numbers whose answer key is listed, and punctuation. */
static bool non_answer(const vb_lang *lang, const vb_token *tokens, size_t n)
{
    char key[VB_ANSWER_KEY_MAX];
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const vb_token *k = &tokens[i];
        if (k->kind == VB_TOKEN_PUNCT)
            continue;
        if (k->kind != VB_TOKEN_WORD && k->kind != VB_TOKEN_NUMBER)
            return false; /* an emoji says something */
        at = vb_lang_answer_key(key, at, sizeof key, k->lookup, k->lookup_len);
        if (at > sizeof key)
            return false;
    }
    return at > 0 && vb_lang_is_non_answer(lang, key, at);
}

vb_status vb_text_analyze(vb_text *t, vb_arena *arena, const char *text, size_t len,
                          vb_doc *out)
{
    memset(out, 0, sizeof *out);
    const char *repaired, *decoded;
    size_t repaired_len, decoded_len;
    vb_entity_map map;
    TRY(
        vb_utf8_repair(arena, text, len, &repaired, &repaired_len, &out->n_invalid_utf8));
    TRY(vb_entity_decode(arena, repaired, repaired_len, &decoded, &decoded_len, &map));

    vb_token_list list;
    TRY(vb_tokenize(arena, decoded, decoded_len, &list));
    /* Filled for every token, lexicon or not, so the loop tests nothing;
     * handed out only with a lexicon. */
    const size_t n_slots = list.n_tokens ? list.n_tokens : 1;
    const void **entries = vb_arena_array(arena, n_slots, sizeof *entries);
    uint32_t *terms = vb_arena_array(arena, n_slots, sizeof *terms);
    word_key *keys = vb_arena_array(arena, n_slots, sizeof *keys);
    if (entries == NULL || terms == NULL || keys == NULL) return VB_ENOMEM;
    TRY(analyze_tokens(t, arena, decoded, decoded_len, list.tokens, list.n_tokens, list.line_before,
                       entries, terms, keys));
    if (map.n_segs > 0) {
        for (size_t i = 0; i < list.n_tokens; i++) {
            vb_token *k = &list.tokens[i];
            k->start = vb_entity_map_start(&map, k->start);
            k->end = vb_entity_map_end(&map, k->end);
        }
    }
    TRY(vb_token_segment(arena, list.tokens, list.n_tokens, list.line_before,
                         &out->sentences, &out->n_sentences, &out->clauses, &out->n_clauses));
    out->text = repaired;
    out->len = repaired_len;
    out->tokens = list.tokens;
    out->n_tokens = list.n_tokens;
    out->entries = t->clause_word != NULL ? entries : NULL;
    out->lexicon = t->clause_word;
    out->lexicon_ctx = t->clause_ctx;
    out->terms = t->term_word != NULL ? terms : NULL;
    out->term_lexicon = t->term_word;
    out->term_ctx = t->term_ctx;
    out->non_answer = repaired_len <= MAX_NON_ANSWER_BYTES &&
                      list.n_tokens <= MAX_NON_ANSWER_TOKENS &&
                      non_answer(t->lang, list.tokens, list.n_tokens);
    return VB_OK;
}

/* stem.c: the stemming stage, and the only file that includes
 * libstemmer.h. A comment stream repeats a few thousand words endlessly,
 * so each distinct word is stemmed once and remembered: an open-addressing
 * table from lookup form to stem, whose strings live in one pool. A hit
 * costs a hash, a probe and a memcmp, and also yields the word's cached
 * flags (is it a stopword?), so that needs no second lookup. The cache is bounded (entries and
 * pool bytes) and simply cleared when full: stems are cheap to recompute,
 * and clearing keeps memory flat however long the stream runs. Stems
 * handed out are copied into the record arena, so clearing never
 * invalidates a record's tokens. */
#include "stem.h"

#include "alloc.h"

#include <libstemmer.h>
#include <string.h>

#define MIN_SLOTS 1024u
#define MAX_WORD_BYTES 255u /* longer words are stemmed but not cached */

typedef struct slot {
    uint32_t hash;
    uint32_t off;      /* key at pool + off, stem right after it */
    uint8_t key_len;   /* 0 = empty slot */
    uint8_t stem_len;
    uint8_t same;      /* stem == key */
    uint8_t flags;     /* from flags_fn */
} slot;

struct vb_stemmer {
    struct sb_stemmer *sb;
    const vb_allocator *alloc;
    slot *slots;
    size_t n_slots;     /* power of two */
    size_t n_entries;
    size_t max_entries; /* n_slots stays >= 2 * max_entries at most */
    char *pool;
    size_t pool_len, pool_cap; /* bytes */
    size_t misses;      /* calls into libstemmer */
    vb_stem_flags_fn flags_fn; /* NULL: no flags */
    void *flags_ctx;
};

const char **vb_stem_algorithms(void)
{
    return sb_stemmer_list();
}

vb_stemmer *vb_stemmer_new(const char *algorithm, const vb_allocator *alloc)
{
    vb_stemmer *s = vb_calloc(alloc, 1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->alloc = alloc;
    s->max_entries = VB_STEM_CACHE_MAX_ENTRIES;
    s->sb = sb_stemmer_new(algorithm, "UTF_8");
    if (s->sb == NULL)
        goto fail;
    s->slots = vb_calloc(alloc, MIN_SLOTS, sizeof *s->slots);
    if (s->slots == NULL)
        goto fail;
    s->n_slots = MIN_SLOTS;
    return s;
fail:
    vb_stemmer_free(s);
    return NULL;
}

void vb_stemmer_free(vb_stemmer *s)
{
    if (s == NULL)
        return;
    if (s->sb != NULL)
        sb_stemmer_delete(s->sb);
    vb_free(s->alloc, s->slots);
    vb_free(s->alloc, s->pool);
    vb_free(s->alloc, s);
}

void vb_stemmer_set_max_entries(vb_stemmer *s, size_t max_entries)
{
    s->max_entries = max_entries < 1 ? 1 : max_entries;
}

size_t vb_stemmer_cache_entries(const vb_stemmer *s)
{
    return s->n_entries;
}

size_t vb_stemmer_misses(const vb_stemmer *s)
{
    return s->misses;
}

void vb_stemmer_set_flags_fn(vb_stemmer *s, vb_stem_flags_fn fn, void *ctx)
{
    s->flags_fn = fn;
    s->flags_ctx = ctx;
    if (s->n_entries > 0) {
        memset(s->slots, 0, s->n_slots * sizeof *s->slots); /* flags are stale */
        s->n_entries = 0;
        s->pool_len = 0;
    }
}

static void cache_clear(vb_stemmer *s)
{
    memset(s->slots, 0, s->n_slots * sizeof *s->slots);
    s->n_entries = 0;
    s->pool_len = 0;
}

/* Doubles the table, keeping the entries. On OOM the cache just stays
 * small: it is an optimisation, not a store. */
static void cache_grow(vb_stemmer *s)
{
    const size_t n = s->n_slots * 2;
    slot *t = vb_calloc(s->alloc, n, sizeof *t);
    if (t == NULL)
        return;
    for (size_t i = 0; i < s->n_slots; i++) {
        if (s->slots[i].key_len == 0)
            continue;
        size_t j = s->slots[i].hash & (n - 1);
        while (t[j].key_len != 0)
            j = (j + 1) & (n - 1);
        t[j] = s->slots[i];
    }
    vb_free(s->alloc, s->slots);
    s->slots = t;
    s->n_slots = n;
}

/* Stores key -> stem in slot *at (found empty by the probe). Returns false
 * (and stores nothing) when the pool cannot take the bytes. */
static bool cache_put(vb_stemmer *s, slot *at, uint32_t hash, const char *key, size_t key_len,
                      const char *stem, size_t stem_len, uint32_t flags)
{
    const bool same = stem_len == key_len && memcmp(stem, key, key_len) == 0;
    const size_t need = key_len + (same ? 0 : stem_len);
    if (s->pool_cap - s->pool_len < need) {
        size_t cap = s->pool_cap ? s->pool_cap * 2 : 16384;
        while (cap - s->pool_len < need)
            cap *= 2;
        if (cap > VB_STEM_CACHE_MAX_BYTES)
            return false;
        char *p = vb_realloc(s->alloc, s->pool, cap);
        if (p == NULL)
            return false;
        s->pool = p;
        s->pool_cap = cap;
    }
    memcpy(s->pool + s->pool_len, key, key_len);
    if (!same)
        memcpy(s->pool + s->pool_len + key_len, stem, stem_len);
    at->hash = hash;
    at->off = (uint32_t)s->pool_len;
    at->key_len = (uint8_t)key_len;
    at->stem_len = (uint8_t)(same ? key_len : stem_len);
    at->same = same;
    at->flags = (uint8_t)flags;
    s->pool_len += need;
    s->n_entries++;
    return true;
}

static vb_status hand_out(vb_arena *arena, const char *word, size_t len, const char *stem,
                          size_t stem_len, bool same, const char **out, size_t *out_len)
{
    if (same) {
        *out = word;
        *out_len = len;
        return VB_OK;
    }
    char *d = vb_arena_strndup(arena, stem, stem_len);
    if (d == NULL)
        return VB_ENOMEM;
    *out = d;
    *out_len = stem_len;
    return VB_OK;
}

vb_status vb_stemmer_stem(vb_stemmer *s, vb_arena *arena, const char *word, size_t len,
                          const char **stem, size_t *stem_len, uint32_t *flags)
{
    const bool cacheable = len > 0 && len <= MAX_WORD_BYTES;
    const uint32_t hash = vb_stem_hash(word, len);
    if (cacheable) {
        const size_t mask = s->n_slots - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const slot *e = &s->slots[i];
            if (e->key_len == 0)
                break;
            if (e->hash == hash && e->key_len == len && memcmp(s->pool + e->off, word, len) == 0) {
                *flags |= e->flags;
                return hand_out(arena, word, len, s->pool + e->off + (e->same ? 0 : len),
                                e->stem_len, e->same, stem, stem_len);
            }
        }
    }

    s->misses++;
    const uint32_t word_flags = s->flags_fn != NULL ? s->flags_fn(word, len, s->flags_ctx) : 0;
    *flags |= word_flags;
    const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (r == NULL)
        return VB_ENOMEM;
    const size_t r_len = (size_t)sb_stemmer_length(s->sb);
    const char *res = (const char *)r;
    const bool same = r_len == len && memcmp(res, word, len) == 0;

    if (cacheable && r_len <= MAX_WORD_BYTES) {
        if (s->n_entries >= s->max_entries)
            cache_clear(s);
        if ((s->n_entries + 1) * 2 > s->n_slots && s->n_slots < 2 * s->max_entries)
            cache_grow(s);
        if ((s->n_entries + 1) * 4 <= s->n_slots * 3) { /* keep probes finite */
            const size_t mask = s->n_slots - 1;
            size_t i = hash & mask;
            while (s->slots[i].key_len != 0)
                i = (i + 1) & mask;
            if (!cache_put(s, &s->slots[i], hash, word, len, res, r_len, word_flags)) {
                cache_clear(s); /* pool full: start over */
                i = hash & mask;
                cache_put(s, &s->slots[i], hash, word, len, res, r_len, word_flags);
            }
        }
    }
    /* libstemmer's buffer is reused by the next call: copy now. */
    return hand_out(arena, word, len, res, r_len, same, stem, stem_len);
}

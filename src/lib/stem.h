/* stem.h: Snowball stemming through a bounded per-thread cache, and the
 * list of algorithms the installed libstemmer has. */
#ifndef VB_STEM_H
#define VB_STEM_H

#include "arena.h"

#include <stdint.h>

/* libstemmer's algorithm names ("english", "german", ...): a static,
 * NULL-terminated array. */
const char **vb_stem_algorithms(void);

/* FNV-1a, the string hash of the text stages' tables. */
static inline uint32_t vb_stem_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* A stemmer and its cache: one per thread. Words are stemmed once each;
 * the cache holds at most VB_STEM_CACHE_MAX_ENTRIES words (and their
 * bytes at most VB_STEM_CACHE_MAX_BYTES) and is cleared when full, so a
 * stream of any length uses bounded memory. */
typedef struct vb_stemmer vb_stemmer;

#define VB_STEM_CACHE_MAX_ENTRIES 65536u
#define VB_STEM_CACHE_MAX_BYTES (8u << 20)

/* NULL when `algorithm` is unknown or memory runs out. libstemmer's own
 * state comes from malloc, outside `alloc`. */
vb_stemmer *vb_stemmer_new(const char *algorithm, const vb_allocator *alloc);
void vb_stemmer_free(vb_stemmer *s); /* NULL is a no-op */

/* Token flags that depend only on the word (VB_TOKEN_STOPWORD), worked
 * out once per distinct word and cached with its stem. */
typedef uint32_t (*vb_stem_flags_fn)(const char *word, size_t len, void *ctx);
void vb_stemmer_set_flags_fn(vb_stemmer *s, vb_stem_flags_fn fn, void *ctx);

/* Stems `len` bytes of `word` (NUL-terminated, lower case). *stem is
 * `word` itself when the stem equals it, else a NUL-terminated copy in
 * `arena`. ORs the word's flags (see vb_stemmer_set_flags_fn) into
 * *flags. VB_OK or VB_ENOMEM. */
vb_status vb_stemmer_stem(vb_stemmer *s, vb_arena *arena, const char *word, size_t len,
                          const char **stem, size_t *stem_len, uint32_t *flags);

/* For tests: lowers the entry cap (at least 1), and reports the entries
 * held and the calls into libstemmer so far. */
void vb_stemmer_set_max_entries(vb_stemmer *s, size_t max_entries);
size_t vb_stemmer_cache_entries(const vb_stemmer *s);
size_t vb_stemmer_misses(const vb_stemmer *s);

#endif

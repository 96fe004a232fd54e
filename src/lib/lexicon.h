/* lexicon.h: the sentiment lexicon of one language (valences, boosters,
 * negators, contrast words, idioms, emoji, the CX overlay) plus any user
 * files, loaded once and looked up per token by hash.
 *
 * Every term is stored in lookup form (lower case, words separated by one
 * space). A term has one entry that may play several roles at once: "no" is
 * a valence word and a negator, "incredible" a valence word and a booster.
 * Immutable after loading, so one vb_senti_lex may serve any number of
 * threads. The file format is documented in lexicons/README.md.
 */
#ifndef VB_LEXICON_H
#define VB_LEXICON_H

#include "verbatim.h"

#include <stdint.h>
#include <string.h>

/* Roles of an entry (bits of vb_senti_entry.flags). */
enum {
    VB_LEX_VALENCE = 1u << 0,  /* has a valence (-4..+4) */
    VB_LEX_BOOSTER = 1u << 1,  /* scales the valence after it ("very", "slightly") */
    VB_LEX_NEGATOR = 1u << 2,  /* flips the valence after it ("not", "never") */
    VB_LEX_CONTRAST = 1u << 3, /* starts a contrasting clause ("but", "although") */
    VB_LEX_EXCESS = 1u << 4,   /* "too": "too X" is a complaint unless X is positive */
    VB_LEX_CX = 1u << 5,       /* the valence comes from the CX overlay */
    VB_LEX_USER = 1u << 6,     /* the valence comes from a user file */
    VB_LEX_PHRASE = 1u << 7,   /* the term has more than one word */
    VB_LEX_UNLISTED = 1u << 8  /* in no file: an entry only for its rule word id
                                  (rule_words.h); the rules treat it as absent */
};

#define VB_SENTI_MAX_PHRASE_WORDS 8

typedef struct vb_senti_entry {
    /* First what the units' loop reads of every token with an entry,
     * most of which have no score (sentiment_units.c), so that it is
     * read from one cache line rather than two: */
    uint32_t flags;         /* VB_LEX_* roles */
    uint32_t word;          /* RW_* id when a rule names the term (rule_words.h), else 0 */
    uint32_t max_words;     /* longest phrase starting with this word, in words (0: none) */
    bool ends_nt;           /* the term ends in "n't": a negator by its form alone */
    uint64_t hash;          /* vb_senti_hash(term, term_len) */
    uint64_t next_words;    /* bit (h & 63) set for the hash h of the second word of
                               every phrase that starts with this word; every such
                               second word has an entry (VB_LEX_UNLISTED if no file
                               lists it) */
    /* Then what lookups, phrase matches and scoring read. */
    const char *term;       /* lookup form, NUL-terminated */
    uint32_t term_len;      /* bytes */
    uint32_t phrase_words;  /* bit n set: a phrase of n words starts with this word */
    uint64_t next_bytes;    /* bit (b & 63) set for the first byte b of the second
                               word of every phrase that starts with this word */
    float valence;          /* -4..+4 when VB_LEX_VALENCE */
    float boost;            /* added to |valence| when VB_LEX_BOOSTER; < 0 dampens */
    float before, after;    /* VB_LEX_CONTRAST: weights of the text before and
                               of the clause the word opens */
    float main;             /* VB_LEX_CONTRAST: 0 for "but"-like words; for concessive
                               words ("although") the weight of the main clause that
                               follows when the word opens the sentence */
    float excess;           /* VB_LEX_EXCESS: valence of "too X" */
} vb_senti_entry;

/* True when the entry has a role (a valence, a boost, ...): not one that
 * only starts phrases or only names a rule word (VB_LEX_UNLISTED). */
static inline bool vb_senti_entry_has_role(const vb_senti_entry *e)
{
    return (e->flags & ~(uint32_t)(VB_LEX_PHRASE | VB_LEX_UNLISTED)) != 0;
}

/* True when the entry carries sentiment of its own: a valence, not 0
 * ("great", "late"), so the word judges what its clause is about. */
static inline bool vb_senti_entry_judges(const vb_senti_entry *e)
{
    return (e->flags & VB_LEX_VALENCE) && e->valence != 0.0f;
}

typedef struct vb_senti_lex vb_senti_lex;

/* Loads the sentiment files of the language folder `lang_dir` (valence.tsv,
 * emoji.tsv, boosters.tsv, negators.tsv, contrast.tsv, idioms.tsv, cx.tsv,
 * in that order; a missing file is skipped, so a language without
 * sentiment files gets an empty lexicon and neutral scores), then the `n_user` files in `user_files`, later entries overriding
 * earlier ones. Last, every rule word (rule_words.h) gets its id, and it
 * and every second word of a phrase an entry marked VB_LEX_UNLISTED if no
 * file lists it; a rule word in RWSET_SCORED that no file gives a role
 * gets a neutral valence instead, so that its rule sees it. Returns NULL on
 * failure with `err` (if not NULL) filled:
 * VB_EIO (file unreadable), VB_EPARSE (a bad line: source and line set,
 * message says what is wrong), VB_ENOMEM. Every allocation goes through
 * `a` (NULL: the C library's). Free with vb_senti_lex_free(). */
vb_senti_lex *vb_senti_lex_load(const char *lang_dir, const char *const *user_files,
                                size_t n_user, const vb_allocator *a, vb_error *err);
void vb_senti_lex_free(vb_senti_lex *lex); /* NULL is a no-op */

/* Number of distinct terms loaded from files (the entries the loader adds
 * for rule words and second words of phrases not counted). */
size_t vb_senti_lex_size(const vb_senti_lex *lex);

/* FNV-1a, 64 bits. vb_senti_hash_more() continues a hash, so hashing "a",
 * then " ", then "b" gives the hash of "a b" without building the string. */
#define VB_SENTI_HASH_INIT 14695981039346656037ull
static inline uint64_t vb_senti_hash_more(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}
static inline uint64_t vb_senti_hash(const char *s, size_t len)
{
    return vb_senti_hash_more(VB_SENTI_HASH_INIT, s, len);
}

/* True when the `len` bytes at `s` end in "n't" (vb_senti_entry.ends_nt). */
static inline bool vb_senti_ends_nt(const char *s, size_t len)
{
    return len >= 3 && memcmp(s + len - 3, "n't", 3) == 0;
}

/* False when no phrase starts with the two words whose joined lookup form
 * ("kind of") hashes to `hash` (vb_senti_hash); true when one may (a
 * filter that fits in cache, so most failed phrase probes cost no table
 * lookup). */
bool vb_senti_lex_may_start_phrase(const vb_senti_lex *lex, uint64_t hash);

/* Returns the entry for the `len` bytes at `term` (lookup form; phrases
 * with single spaces) whose hash is `hash`, or NULL. The entry may be
 * VB_LEX_UNLISTED. */
const vb_senti_entry *vb_senti_lex_find(const vb_senti_lex *lex, uint64_t hash,
                                        const char *term, size_t len);
/* The same, hashing `term` itself. */
const vb_senti_entry *vb_senti_lex_get(const vb_senti_lex *lex, const char *term, size_t len);

/* The vb_clause_word_fn (text.h) of the sentiment lexicon `lex`: returns
 * the entry of `lookup` (a const vb_senti_entry *, possibly
 * VB_LEX_UNLISTED, or NULL; for a hyphenated word in no entry, that of
 * the word closed up or written apart, or of its judging part:
 * "over-priced", "high-quality", "well-designed"), which the
 * text stage caches per distinct word and hands back in vb_doc.entries,
 * and sets *contrast when it is a contrast word, so that the text stage
 * starts a new clause before it. A word in no entry that ends in "n't"
 * gets one VB_LEX_UNLISTED entry shared by all such words (ends_nt set,
 * word 0), so that the sentiment stage learns that per distinct word too. */
const void *vb_senti_lex_is_contrast(const char *lookup, size_t len, void *lex, bool *contrast);

#endif

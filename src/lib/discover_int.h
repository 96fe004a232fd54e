/* discover_int.h: the state of a vb_discovery, shared by discover.c (which
 * collects candidates from records), discover_rank.c (which scores,
 * groups and writes them) and discover_background.c (the general text
 * they are scored against). Nothing outside those files includes it. */
#ifndef VB_DISCOVER_INT_H
#define VB_DISCOVER_INT_H

#include "discover.h"

#include "arena.h"
#include "buf.h"

#include <stdint.h>

#define MAX_WORDS 3          /* longest candidate, in words */
#define KEY_BYTES 64         /* stems joined by ' ', NUL included */
#define SURFACE_BYTES 96     /* lookup forms joined by ' ', NUL included */
#define N_EXAMPLES 3
#define EXAMPLE_BYTES 200    /* excerpt length before the ellipses */
#define EXAMPLE_SLOT (EXAMPLE_BYTES + 2 * 3 + 1) /* "…" is 3 bytes */
#define EXAMPLE_BEFORE 60    /* bytes of context kept before a mention */
#define SKETCH_DEPTH 4
#define SKETCH_WIDTH ((size_t)1 << 16)
#define G2_P001 10.83        /* chi-square with 1 df at p = 0.001: what a collocation, and
                              * with --uncovered a phrase against the background, must reach */
#define COHESION_MIN 0.08   /* of the rarer end word's mentions, in the phrase */
#define ABSORB_RATIO 0.5     /* X inside P, P in >= half of X's comments: X is P */
#define MAX_MATCH 8          /* match entries per theme */
#define POOL_MIN 1000        /* candidates considered for grouping: */
#define POOL_PER_THEME 10    /*   max(POOL_MIN, POOL_PER_THEME x top) */
#define MAX_SLUG 48
#define NONE UINT32_MAX

enum {
    MARK_WORD = 1,      /* a word token */
    MARK_EDGE = 2,      /* may start or end a candidate */
    MARK_SENTIMENT = 4, /* a one-word cue */
    MARK_IN_CUE = 8,    /* inside a cue of several words */
    MARK_CUE_START = 16 /* the first word of such a cue */
};

/* A tracked phrase: one Space-Saving slot. */
typedef struct cand {
    uint64_t hash;             /* of key */
    uint64_t count;            /* comments, overestimated by at most `error` */
    uint64_t error;            /* the count inherited when it took the slot */
    uint64_t occurrences;      /* mentions in target comments since it took the slot */
    uint64_t shared;           /* of the comments counted since then, those that
                                  also hold a variant of it: another candidate
                                  with the same content words ("delivery date",
                                  "date of delivery"), so that a theme of
                                  variants counts such a comment once */
    uint64_t partner;          /* the hash of that variant's key, while it was
                                  the same one alone in each of them */
    double senti_sum;          /* per observed comment: compound of the first
                                  mention's clause */
    double score_sum;          /* scores of observed comments that have one */
    uint64_t n_scored;
    uint32_t heap_pos;         /* index in vb_discovery.heap */
    uint32_t surface_count[2]; /* Misra-Gries counters of the two surfaces */
    uint8_t key_len, n_words;
    uint8_t stop_mask;         /* bit i: word i is not a content word */
    uint8_t n_examples;
    bool mixed;                /* the shared comments held another variant
                                  than `partner`, or several */
    char key[KEY_BYTES];
    char surface[2][SURFACE_BYTES];
    char example[N_EXAMPLES][EXAMPLE_SLOT];
} cand;

/* A candidate of the record being added. */
typedef struct ngram {
    uint64_t hash;
    uint64_t set_hash;         /* of its content words, in any order */
    uint32_t first_token;      /* first mention */
    uint32_t occurrences;      /* mentions in this record */
    uint8_t key_len, surface_len, n_words, stop_mask;
    bool shared;               /* another candidate of the record has its content words */
    bool mixed;                /* several others have */
    uint64_t partner;          /* shared, not mixed: the other one's hash */
    char key[KEY_BYTES];
    char surface[SURFACE_BYTES];
} ngram;

/* A candidate of the record by its content words, to find variants. */
typedef struct set_ref {
    uint64_t set_hash;
    uint32_t ngram;            /* index into vb_discovery.ngrams */
} set_ref;

/* Word counts of general text by stem (discover_background.c): what a
 * candidate is scored against when there are no reference comments. */
typedef struct vb_background {
    uint64_t *hash;  /* vb_senti_hash of a stem (0 stored as 1); 0: empty slot */
    uint64_t *count; /* the counts of the words with that stem, added up */
    size_t mask;     /* slots - 1 */
    size_t n_stems;
    uint64_t total;  /* words in the background: "@total", else the counts' sum */
} vb_background;

/* Reads the list at `path` ("word<TAB>count" lines, "#" comments, an
 * optional "@total<TAB>N"), each word in its lookup form stemmed with
 * libstemmer's `stemmer_name`, as the text stage does. On failure, `err`
 * names the file, the line and what is wrong, and `bg` holds nothing. */
vb_status vb_background_load(vb_background *bg, const char *path, const char *stemmer_name,
                             const vb_allocator *a, vb_error *err);
/* The count of the stem whose vb_senti_hash is `stem_hash`; 0 if unlisted. */
uint64_t vb_background_count(const vb_background *bg, uint64_t stem_hash);
void vb_background_free(vb_background *bg, const vb_allocator *a);

struct vb_discovery {
    vb_allocator alloc;
    vb_discovery_options opts;
    char language[16];
    bool english;

    cand *cands;               /* max_candidates slots, n_cands in use */
    uint32_t n_cands;
    uint32_t *heap;            /* min-heap of slot indexes by count */
    uint32_t *slots;           /* open addressing, slot index + 1, 0 = empty */
    size_t slot_mask;
    uint32_t *words;           /* sketch: word tokens in target comments, by stem */
    uint32_t *ref;             /* sketch: covered comments per phrase (uncovered) */
    uint64_t n_word_tokens;    /* word tokens in target comments */
    vb_background background;  /* general text; total 0: none */

    size_t n_records, n_target, n_reference, evictions;
    uint64_t max_error;

    ngram *ngrams;             /* per-record scratch */
    size_t ngram_cap;
    set_ref *sets;             /* per-record scratch: the candidates of several words */
    size_t set_cap;
    uint8_t *marks;            /* per token: MARK_* */
    size_t mark_cap;

    vb_arena arena;            /* the result and its strings */
    vb_discovered *themes;
    size_t n_themes;
    bool result_valid;
    vb_buf out;                /* JSON or table */
};

/* Count-Min estimate of `h` in the sketch `s` (discover.c). */
uint32_t vb_discover_sketch_get(const uint32_t *s, uint64_t h);

#endif

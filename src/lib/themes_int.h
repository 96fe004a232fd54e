/* themes_int.h: the compiled taxonomy of a vb_themes, shared by themes.c
 * (which compiles a taxonomy into it), themes_match.c (which matches
 * records against it) and, through themes_matcher.h, themes_result.c.
 * Nothing else includes it. */
#ifndef VB_THEMES_INT_H
#define VB_THEMES_INT_H

#include "themes.h"

#include "arena.h"
#include "match.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MAX_PREFIX_BYTES 255

#define TRY(expr)                                                                            \
    do {                                                                                     \
        vb_status st_ = (expr);                                                              \
        if (st_ != VB_OK)                                                                    \
            return st_;                                                                      \
    } while (0)

/* Roles of an output; ROLE_FREE, COND, EXCL and EXCL_SCOPED are also
 * per-sentence theme flags. */
enum {
    ROLE_FREE = 1u << 0,   /* counts on its own */
    ROLE_COND = 1u << 1,   /* counts where the parent matches */
    ROLE_EXCL = 1u << 2,   /* suppresses the theme in this sentence */
    ROLE_NEAR_A = 1u << 3, /* left operand of NEAR rule `near` */
    ROLE_NEAR_B = 1u << 4, /* right operand */
    FLAG_MATCHED = 1u << 5, /* per-sentence flag: the theme matches here */
    FLAG_DECIDED = 1u << 6, /* per-sentence flag: FLAG_MATCHED is settled */
    ROLE_EXCL_SCOPED = 1u << 7, /* suppresses the theme's hits in the exclude's
                                 * clause or span (its exclude_scope) */
    ROLE_OPINION = 1u << 8,     /* judges the theme where it is mentioned; not
                                 * a theme flag */
    ROLE_ANSWER = 1u << 9       /* counts on its own in a sentence that says
                                 * nothing else ("Slow."); not a theme flag */
};

/* ---- hash tables ---------------------------------------------------------- */

/* Strings to a value (stem -> id, prefix -> first output). Open addressing,
 * at most half full. */
typedef struct str_slot {
    const char *s; /* NULL: empty */
    uint64_t hash;
    uint32_t len;
    uint32_t value;
} str_slot;

typedef struct str_table {
    str_slot *slots;
    size_t n_slots; /* a power of 2, or 0 */
    size_t n_used;
} str_table;

static inline str_slot *str_find(const str_table *t, uint64_t hash, const char *s, size_t len)
{
    if (t->n_slots == 0)
        return NULL;
    size_t mask = t->n_slots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        str_slot *e = &t->slots[i];
        if (e->s == NULL)
            return NULL;
        if (e->hash == hash && e->len == len && memcmp(e->s, s, len) == 0)
            return e;
    }
}

/* Trie edges: (node << 32 | stem id) -> child node. Key 0 is never used
 * (stem ids start at 1), so it marks an empty slot. */
typedef struct edge_slot {
    uint64_t key;
    uint32_t child;
} edge_slot;

typedef struct edge_table {
    edge_slot *slots;
    size_t n_slots;
    size_t n_used;
} edge_table;

/* The node sits in the key's high half, which a product moves only into
 * high bits: fold them down, or edges of the same stem id from different
 * nodes would share slots and probe in long runs. */
static inline size_t edge_hash(uint64_t key)
{
    const uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 32));
}

static inline uint32_t edge_find(const edge_table *t, uint32_t node, uint32_t id)
{
    if (t->n_slots == 0)
        return 0;
    const uint64_t key = (uint64_t)node << 32 | id;
    const size_t mask = t->n_slots - 1;
    for (size_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
        if (t->slots[i].key == key)
            return t->slots[i].child;
        if (t->slots[i].key == 0)
            return 0;
    }
}

/* ---- the compiled taxonomy ------------------------------------------------ */

typedef struct output {
    uint32_t theme;
    uint32_t role; /* one ROLE_* */
    uint32_t near; /* NEAR rule, for ROLE_NEAR_A/B */
    uint32_t next; /* next output of the same node or prefix; 0 ends;
                    * packed, the index after this one or 0 */
    uint32_t exact;   /* an exact term (=word): 1 + index in vb_themes.exact of
                       * the lookup form its first token must have, the
                       * others following; 0: matched by stems alone */
    float valence;    /* ROLE_OPINION: the term's valence for the theme */
} output;

/* Whether output `o` is an operand of a NEAR rule. */
static inline bool near_operand(const output *o)
{
    return o->role == ROLE_NEAR_A || o->role == ROLE_NEAR_B;
}

/* The side of its NEAR rule that operand `o` is: 0 for A, 1 for B (the
 * index into near_sets.side; the other side is near_side(o) ^ 1). */
static inline uint32_t near_side(const output *o)
{
    return o->role == ROLE_NEAR_B;
}

/* A trie node. Once the taxonomy is compiled (pack_trie() in themes.c),
 * node k, for each stem id k, is the path of that one stem, so a token's
 * stem id is its first node without a lookup; node 0 and the nodes of ids
 * that start no term are empty. Each output list is then one run of outs
 * (`next` is the following index or 0), and a lone plain output sits in
 * `out` itself, so the usual one-word term costs no load of outs. */
typedef struct trie_node {
    uint32_t out;      /* first output other than a NEAR operand; 0 = none;
                        * packed: OUT_ONE | role << OUT_ROLE_SHIFT | theme */
    uint32_t near_out; /* first NEAR operand output; 0 = none; packed: 1 +
                        * index in vb_themes.near_heads and near_sets */
    uint64_t kids;     /* bit (id & 63) for each stem id a phrase goes on with */
} trie_node;

/* What vb_themes_term_id() gives a stem once packed: its id (1..n, also
 * its one-token node) with flags for what that node has and whether the
 * stem goes on a phrase, so that the walk sees from the token alone
 * whether to look at the node. */
#define TERM_OUT (1u << 31)     /* node k has plain outputs */
#define TERM_NEAR (1u << 30)    /* node k has NEAR operands */
#define TERM_KIDS (1u << 29)    /* a phrase goes on from node k */
#define TERM_FOLLOWS (1u << 28) /* stem k goes on some phrase */
#define TERM_STARTS (TERM_OUT | TERM_NEAR | TERM_KIDS)
#define TERM_ID (TERM_FOLLOWS - 1) /* the stem id bits */

/* A node's one plain output, kept in trie_node.out: free, conditional or
 * exclude, no exact forms, a theme below OUT_THEME_LIMIT. */
#define OUT_ONE 0x80000000u
#define OUT_ROLE_SHIFT 23 /* 8 bits of role: ROLE_FREE .. ROLE_EXCL_SCOPED */
#define OUT_THEME_LIMIT ((uint32_t)1 << OUT_ROLE_SHIFT)

typedef struct near_rule {
    uint32_t theme;
    uint32_t role; /* ROLE_FREE, ROLE_COND or ROLE_EXCL of the whole rule */
    uint32_t k;    /* at most k words apart */
    bool ordered;  /* PRE/k: A before B */
} near_rule;

/* What near_pairs() (themes_match.c) reads of an output, one word per
 * output beside vb_themes.outs: its NEAR rule side, rule * 2 + (0 for A,
 * 1 for B), so that a rule's other side is the side ^ 1. A run of these
 * is read without loading the outputs, which most operands in a sentence
 * never need. */
#define NEAR_OP_LAST (1u << 31) /* the last output of its run */
#define NEAR_OP_NONE (1u << 30) /* not a NEAR operand (in a prefix's run) */
#define NEAR_OP_SIDE (NEAR_OP_NONE - 1)

/* The NEAR rules of the operands that end at a node, one set per side,
 * as bit (rule % NEAR_SET_BITS). The matcher ORs the sets of the nodes a
 * sentence notes (themes_match.c); a rule can pair only where its bit is
 * in both sides' sets. With up to NEAR_SET_BITS rules that test is exact,
 * with more it still rules out most sentences; either way a noted node
 * costs one cache line and no loop over its operands. */
#define NEAR_SET_WORDS 4
#define NEAR_SET_BITS (64 * NEAR_SET_WORDS)

typedef struct near_sets {
    uint64_t side[2][NEAR_SET_WORDS]; /* A's, B's */
} near_sets;

_Static_assert(sizeof(near_sets) == 64, "a node's near_sets is one cache line");

/* Adds NEAR operand `o`'s rule to the sets `s`. */
static inline void near_sets_add(near_sets *s, const output *o)
{
    const uint32_t bit = o->near % NEAR_SET_BITS;
    s->side[near_side(o)][bit / 64] |= (uint64_t)1 << (bit % 64);
}

typedef struct regex_rule {
    vb_regex *re;
    uint32_t theme;
    uint32_t role;
    uint32_t index; /* 1-based in its list, for warnings */
    const char *list; /* "regex" or "exclude_regex", for warnings */
} regex_rule;

/* The lookup form a token of an exact term must have. */
typedef struct exact_form {
    const char *s;
    size_t len;
} exact_form;

struct vb_themes {
    const vb_allocator *alloc;
    vb_arena strings;     /* ids, labels, stems, prefixes */
    vb_theme_info *info;  /* n_themes, taxonomy order */
    int32_t *parent;      /* n_themes: info[i].parent, packed for the matcher */
    const char **json_head; /* per theme: {"id":...,"label":...,"sentiment": */
    size_t *json_head_len;
    size_t n_themes;
    str_table stems;      /* stem -> id */
    edge_table edges;     /* trie; packed, no edges from the root */
    trie_node *nodes;     /* node 0 is the root; packed: see trie_node */
    size_t n_nodes, cap_nodes;
    uint32_t *near_heads; /* n_near_nodes: the run of NEAR operands of a node */
    near_sets *near_sets; /* n_near_nodes: their rules, line-aligned */
    void *near_sets_block; /* the allocation, which starts before the line */
    size_t n_near_nodes;  /* nodes with NEAR operands */
    output *outs;         /* outs[0] unused, so 0 can end a list */
    size_t n_outs, cap_outs;
    uint32_t *near_ops;   /* n_outs, packed: NEAR_OP_* of each output */
    str_table prefixes;   /* prefix lookup form -> first output */
    bool prefix_len[MAX_PREFIX_BYTES + 1]; /* lengths in use */
    size_t min_prefix_len, max_prefix_len;
    uint64_t prefix_first[4]; /* bit b: some prefix starts with byte b */
    near_rule *nears;
    size_t n_nears, cap_nears;
    regex_rule *regexes;
    size_t n_regexes, cap_regexes;
    exact_form *exact;    /* forms of exact terms, each term's in a run */
    size_t n_exact, cap_exact;
    uint8_t *scope;       /* n_themes: exclude_scope (vb_tax_scope) */
    bool has_answers;     /* some term is an answer (ROLE_ANSWER) */
    uint64_t fingerprint; /* of the taxonomy's content, never 0 (vb_themes_fingerprint) */
};

/* Grows `*items` (of `*cap` items of `size` bytes) to hold at least `need`. */
vb_status vb_themes_grow(const vb_allocator *a, void **items, size_t *cap, size_t need,
                         size_t size);

#endif

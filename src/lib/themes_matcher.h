/* themes_matcher.h: a theme matcher's scratch, shared by themes_match.c
 * (which finds a record's hits and chains them per theme) and
 * themes_result.c (which turns the chains into the record's themes:
 * spans and aspect sentiment). Nothing else includes it. */
#ifndef VB_THEMES_MATCHER_H
#define VB_THEMES_MATCHER_H

#include "themes_int.h"

#include "buf.h"

/* Rare paths (scoped excludes, exact terms, opinion terms, regexes,
 * out-of-order chains) stay out of line, so that the usual path keeps
 * few instruction cache lines next to the other stages. */
#if defined(__GNUC__)
#define RARE __attribute__((cold, noinline))
#else
#define RARE
#endif

typedef struct near_state {
    uint32_t gen;              /* sentence generation the rest belongs to */
    uint32_t a_top, b_top;     /* each side's latest occurrence: 1 + index in
                                * the matcher's npos, 0 = none yet */
} near_state;

/* One occurrence of a NEAR operand in the sentence, in a chain of its
 * side's occurrences from the latest back. */
typedef struct near_pos {
    uint32_t first, last; /* tokens, inclusive */
    uint32_t prev;        /* the side's occurrence before it, as top */
} near_pos;

/* Where a walk or a prefix found NEAR operands in the sentence. */
typedef struct near_occ {
    uint32_t head;        /* the output list: a node's near_heads, or a prefix's */
    uint32_t first, last; /* tokens, inclusive */
} near_occ;

/* On a sentence hit's role, above the roles' bits. HIT_PAIRED:
 * the hit is one side of a NEAR match and the next hit is the other. The
 * pair is one mention, so a scoped exclude that reaches either side
 * cancels both. HIT_DROPPED: cancel_scoped() or drop_borrowed() marked the
 * hit, and drop_marked() takes it out. */
enum { HIT_PAIRED = 1u << 10, HIT_DROPPED = 1u << 11 };

typedef struct sent_hit {
    uint32_t theme;
    uint32_t role;        /* ROLE_FREE or ROLE_COND, maybe HIT_PAIRED or
                           * HIT_DROPPED (an exclude's, in xhits) */
    uint32_t first, last; /* tokens, inclusive */
} sent_hit;

typedef struct rec_hit {
    uint32_t next;        /* the theme's next hit in the record; 0 ends */
    uint32_t clause;      /* of the first token */
    uint32_t sentence;    /* of the first token */
    size_t start, end;    /* bytes */
} rec_hit;

/* A theme's opinion term where it occurs in the record. */
typedef struct opinion_hit {
    uint32_t theme;
    uint32_t first, last; /* tokens, inclusive */
    float valence;
} opinion_hit;

/* A theme of the record: its chain of hits. */
typedef struct rec_theme {
    uint32_t theme;
    uint32_t head, tail; /* rec_hit indices */
    uint32_t n_hits;
    bool in_order;       /* every hit came at or after the one before */
} rec_theme;

struct vb_theme_matcher {
    const vb_themes *t;
    const vb_allocator *alloc;
    vb_regex_scratch *rx;   /* NULL without regexes */
    uint32_t gen;           /* current sentence generation; 0 is never current */
    uint32_t *theme_gen;    /* n_themes: generation of theme_flags[i] */
    uint8_t *theme_flags;   /* n_themes: ROLE_FREE|COND|EXCL|EXCL_SCOPED, FLAG_* */
    bool any_excl;          /* a sentence-wide exclude hit in this sentence */
    near_state *nears;      /* n_nears */
    uint32_t *side_gen;     /* 2 * n_nears: the generation in which a NEAR rule
                             * side (NEAR_OP_SIDE) last occurred */
    bool *regex_off;        /* n_regexes: cut off by a limit in this record */
    const uint32_t *ids;    /* per token of the record: stem id, 0 = in no term */
    uint32_t *own_ids;      /* ids, when the doc does not bring them */
    size_t cap_own_ids;
    uint32_t *starts;       /* tokens of the sentence where a walk may find a term */
    size_t cap_starts;
    uint32_t *wpos;         /* per token of the sentence: words (non-punctuation
                             * tokens) before it in the sentence */
    size_t cap_wpos;
    const vb_doc *doc;      /* the record and sentence [s_first, s_end) */
    size_t s_first, s_end;
    bool wpos_ready;        /* wpos is set for the sentence */
    near_occ *occs;         /* the sentence's NEAR operands, in order found */
    near_pos *npos;         /* the sentence's NEAR occurrences, per rule side */
    size_t n_npos, cap_npos;
    size_t n_occs, cap_occs;
    near_sets occ_rules;    /* the rules of the NEAR operands in occs */
    sent_hit *shits;
    size_t n_shits, cap_shits;
    sent_hit *xhits;        /* the sentence's scoped exclude hits */
    size_t n_xhits, cap_xhits;
    sent_hit *ahits;        /* the sentence's answer terms (ROLE_ANSWER) */
    size_t n_ahits, cap_ahits;
    bool named;             /* a sentence of the record so far says more than
                             * answers: later answers judge what it named */
    opinion_hit *ohits;     /* the record's opinion terms */
    size_t n_ohits, cap_ohits;
    rec_hit *rhits;         /* rhits[0] unused, so 0 can end a chain */
    size_t n_rhits, cap_rhits;
    rec_theme *rthemes;     /* the record's themes, in order of first hit */
    size_t n_rthemes, cap_rthemes;
    uint32_t *rtheme_of;    /* n_themes: 1 + index in rthemes, 0 = not hit */
    rec_hit *sorted;        /* one out-of-order chain, sorted */
    size_t cap_sorted;
    vb_buf text;            /* a sentence's normalised text, for regexes */
    size_t *offs;           /* per token of the sentence: where its norm starts */
    size_t cap_offs;
    const char *warning;
    size_t limit_hits;
    vb_arena *arena;        /* the record's, for the warning */
};

/* The record's themes from the chains of its hits: in taxonomy order,
 * each with its spans merged and its aspect sentiment (`ds` may be NULL:
 * sentiment 0). Arrays come from `arena`. VB_OK or VB_ENOMEM. */
vb_status vb_themes_collect(vb_theme_matcher *m, const vb_doc_sentiment *ds, vb_arena *arena,
                            vb_theme_result *out);

#endif

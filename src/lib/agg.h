/* agg.h: the additive state of a report (struct vb_agg).
 *
 * Everything here is a count, a sum or a sum of products, kept overall, per
 * period and per segment, and per theme within each of those; plus, per
 * theme, two bounded top-k quote lists under a total order. Adding two
 * states field by field (vb_agg_merge) gives the state of the combined
 * input, which is what makes threads, shards and `merge` exact. report.c
 * computes every figure from this state and nothing else. */
#ifndef VB_AGG_H
#define VB_AGG_H

#include "buf.h"
#include "date_guess.h"
#include "dates.h"
#include "metric.h"
#include "xsum.h"

#define VB_QUOTE_KEEP 12       /* candidates kept per theme and direction */
#define VB_QUOTE_SPANS 4       /* highlighted spans kept per quote */
#define VB_QUOTE_MAX_BYTES 280 /* excerpt around the first span */

/* One candidate quote: an excerpt of a comment that mentions a theme. */
typedef struct vb_quote {
    /* first what ranks it, the line most offers read (quotes.c) */
    size_t full_len;  /* the whole comment's length */
    double sentiment; /* the theme's sentiment in this comment */
    int64_t time;     /* seconds of the date as written (no offset), if has_time */
    bool has_time;
    uint64_t key; /* hash of the letters and digits, folded: equal
                     keys are the same comment, kept once */
    char *text;   /* excerpt, NUL-terminated, "…" where cut */
    size_t len;
    vb_range spans[VB_QUOTE_SPANS]; /* the theme's matches, in the excerpt */
    size_t n_spans;
    char *id; /* the record's id, NUL-terminated */
    size_t id_len;
    char *segment; /* the record's segment value, NUL-terminated; NULL
                      without a segment column */
    size_t segment_len;
} vb_quote;

/* What ranks a quote in one direction before its text is looked at
 * (quotes.c): the strength of its sentiment, then short, then newer. */
typedef struct vb_quote_rank {
    int strength;
    bool is_short;
    bool has_time;
    int64_t time;
} vb_quote_rank;

/* The best VB_QUOTE_KEEP distinct comments in one direction. They sit
 * in slots 0 .. n-1 that never move: a new comment takes the slot of the
 * one it pushes out, and only `order` is reshuffled (a time-ordered
 * export puts nearly every strong comment first). Read them best first
 * with vb_quote_list_at(). */
typedef struct vb_quote_list {
    size_t n;
    uint8_t order[VB_QUOTE_KEEP]; /* slots, best first */
    vb_quote_rank last;           /* the rank of the last, once the list is
                                     full: most offers rank below it, and
                                     stop at this line of the list */
    uint64_t keys[VB_QUOTE_KEEP]; /* items[s].key, side by side: an offer
                                     looks for its comment among them */
    vb_quote items[VB_QUOTE_KEEP]; /* by slot */
} vb_quote_list;

/* The i-th best of `l` (i < l->n). */
static inline const vb_quote *vb_quote_list_at(const vb_quote_list *l, size_t i)
{
    return &l->items[l->order[i]];
}

/* The exact sums (xsum.h) behind the doubles of a cell, in this order;
 * a group has the first four and then none_w, none_wx. The doubles are
 * their roundings, brought up to date by vb_agg_refresh() before a report
 * reads them (not on every add: rounding is most of the cost of adding),
 * so they do not depend on the order of rows, threads or shards. */
enum {
    VB_SUM_W,   /* score.sw */
    VB_SUM_W2,  /* score.sw2 */
    VB_SUM_WX,  /* score.swx */
    VB_SUM_WX2, /* score.swx2 */
    VB_SUM_FW,
    VB_SUM_FWX,
    VB_SUM_OW,
    VB_SUM_OWX,
    VB_CELL_SUMS
};
enum { VB_SUM_NONE_W = VB_SUM_FW, VB_SUM_NONE_WX = VB_SUM_FWX, VB_GROUP_SUMS = VB_SUM_FWX + 1 };
enum { VB_MOMENT_SUMS = VB_SUM_WX2 + 1, VB_SHARE_SUMS = VB_CELL_SUMS - VB_SUM_FW };

/* Rows whose terms are whole numbers (weights of 1; NPS, CSAT and star
 * values: nearly every row) add up beside the exact sums x[], in plain
 * integers: the moments as int64 counts, a cell's shares (w/s, w x/s) as
 * 128-bit fixed point in x's units. One add each instead of an exact
 * 192-bit one, and a cell's hot part fits in two cache lines.
 * vb_agg_refresh() folds them into x[]; until then sum s is x[s] plus
 * its part here (vb_agg_cell_sum(), vb_agg_group_sum()). */
typedef int64_t vb_agg_whole[VB_MOMENT_SUMS];

/* One theme within one group. */
typedef struct vb_agg_cell {
    /* First what a row touches, in that order (120 bytes from mentions
     * to score.n); the doubles are only read, after vb_agg_refresh(). */
    uint64_t mentions; /* records that mention it, scored or not */
    int64_t sent_sum;  /* sum of the theme's sentiment over them, in units
                          of 1e-4 (the precision analyze prints), so that
                          it adds exactly in any order */
    vb_agg_whole whole; /* whole rows' part of x[VB_SUM_W ... VB_SUM_WX2] */
    vb_xsum_fixed share[VB_SHARE_SUMS]; /* ... of x[VB_SUM_FW ... VB_SUM_OWX] */
    vb_moments score;   /* mentioners with a valid score */
    vb_xsum x[VB_CELL_SUMS]; /* the exact sums behind score.sw ... owx */
    double fw, fwx;    /* change attribution (change.c): sum of w/k and
                          w x/k, a respondent's weight shared among its k
                          top-level themes (children: among their m
                          siblings too, w/(k m)) */
    double ow, owx;    /* top-level themes: the part of fw, fwx from
                          mentioners of none of its children */
} vb_agg_cell;

/* Overall, one period or one segment. */
typedef struct vb_agg_group {
    char *key; /* period label or segment value; "" overall */
    size_t key_len;
    uint64_t records;   /* records, scored or not */
    vb_moments score;   /* records with a valid score */
    double none_w;      /* scored records with no theme: sum w */
    double none_wx;     /* ... sum w x */
    vb_agg_cell *cells; /* by theme index; themes past n_cells are zero */
    void *cells_block;  /* the allocation that holds them, line-aligned */
    size_t n_cells;
    vb_xsum x[VB_GROUP_SUMS]; /* the exact sums behind score.sw ... none_wx */
    vb_agg_whole whole;       /* whole rows' part of x[VB_SUM_W ... VB_SUM_WX2] */
} vb_agg_group;

typedef struct vb_agg_theme {
    char *id;
    char *label;       /* NULL until a row gives one */
    int32_t parent;    /* theme index, -1 for top level */
    vb_quote_list pos; /* most positive mentions */
    vb_quote_list neg; /* most negative mentions */
} vb_agg_theme;

/* Groups by key: insertion-ordered array plus an open-addressing index. */
typedef struct vb_agg_groups {
    vb_agg_group **items;
    size_t n, cap;
    uint32_t *slots; /* item index + 1, 0 = empty; size n_slots */
    size_t n_slots;
    uint32_t last;   /* item index + 1 of the last group got: an export
                        sorted by date repeats its period row after row */
} vb_agg_groups;

/* What vb_agg_add_input() works out once per theme of a row, for all
 * of the row's groups. */
typedef struct vb_agg_row_theme {
    int32_t parent;      /* the theme's parent, -1 at top level */
    uint32_t n_children; /* top level: its children in the row; a child:
                            its parent's children in the row */
    int64_t sent_units;  /* the sentiment in units of 1e-4, rounded */
} vb_agg_row_theme;

#define VB_AGG_ID_MEMO_BITS 8 /* 256 entries: more than most taxonomies have themes */
/* A whole row's shares w/s and w x/s (agg.c) by w, x and the divisor s.
 * Few combinations recur (NPS: w = 1, x one of -100, 0, 100, s a product
 * of small counts), and the exact conversion of a quotient is the dearest
 * step of adding a row. s = 0 marks an empty entry. */
typedef struct vb_agg_share_memo {
    int64_t w, x;
    uint64_t s;
    vb_xsum_fixed w_s, wx_s;
} vb_agg_share_memo;

#define VB_AGG_SHARE_MEMO_BITS 6

/* The rows of one (period, segment) pair since the last fold: the cells
 * of their themes, added once here instead of into each of the pair's
 * groups (overall, the period, the segment), and folded into those
 * groups before anything reads their cells. The sums are exact, so the
 * figures do not depend on when a fold happens. */
typedef struct vb_agg_combo {
    vb_agg_group *period, *segment; /* the rows' groups; NULL: none */
    vb_agg_group part;              /* only its cells are used */
    uint32_t *touched;              /* themes whose cell is not zero */
    size_t n_touched;
} vb_agg_combo;

#define VB_AGG_COMBOS 64                     /* pairs at most between folds */
#define VB_AGG_COMBO_BYTES ((size_t)4 << 20) /* and at most this much in cells */

struct vb_agg {
    vb_allocator alloc;
    vb_report_options opts;
    vb_metric_spec metric;

    vb_agg_theme *themes;
    size_t n_themes, cap_themes;
    uint32_t *theme_slots; /* id index: theme index + 1 */
    size_t n_theme_slots;
    /* Ids looked up lately, by address: rows from the pipeline name their
     * themes with the taxonomy's own strings, the same few addresses on
     * every row. Checked by content, as a caller may reuse a buffer. */
    struct {
        uintptr_t addr; /* only compared: it may be gone */
        uint32_t index;
    } id_memo[1u << VB_AGG_ID_MEMO_BITS];

    vb_agg_group overall;
    vb_agg_groups periods;
    vb_agg_groups segments;

    /* Key drivers: sum of w x_s x_t over scored records, x = theme
     * indicators, a dim x dim row-major matrix (dim >= n_themes), exact. */
    vb_xsum *sxx;
    size_t sxx_dim;
    /* The same sums' whole-number part, from rows whose weight is a whole
     * number (every row without --weight-col): per unordered pair s <= t,
     * at [s * dim + t]. An 8-byte count instead of two 24-byte sums keeps
     * this matrix, touched by every pair of every row, in cache; readers
     * see the two added (vb_agg_sxx_exact). */
    int64_t *sxx_whole;

    uint64_t scores_rejected; /* records without a valid score (or weight) */
    uint64_t dates_rejected;  /* records without a valid date */
    uint64_t segments_absent; /* records without the segment field at all (not
                                 empty: absent); this run's only, not in a state */
    uint64_t dates_unread;    /* of dates_rejected, those present but not read */
    vb_date_guesses date_guesses; /* the layouts that read every one of those;
                                     this run's only, not in a state */
    uint64_t records_rejected; /* records read but rejected before they could be
                                  added (a bad CSV shape, a field over the limit,
                                  an invalid JSON line): the caller's count */
    uint64_t taxonomy;         /* the rows' taxonomy: vb_lexicon_taxonomy_fingerprint(),
                                  0 = themes off; only when taxonomy_known */
    bool taxonomy_known;       /* false: never said (rows from analyze's JSONL) */

    char *strings; /* the options' strings when read from a state
                      (agg_state_read.c), else NULL */

    /* Whole rows' shares, by w, x and divisor: few combinations recur. */
    vb_agg_share_memo share_memo[1u << VB_AGG_SHARE_MEMO_BITS];

    /* Pairs' cells not yet folded into their groups (vb_agg_combo). */
    vb_agg_combo *combos; /* VB_AGG_COMBOS, allocated with the first */
    size_t n_combos;
    uint32_t last_combo;                    /* combo index + 1 of the last row's pair */
    uint8_t combo_slots[2 * VB_AGG_COMBOS]; /* combo index + 1, by the pair's hash */

    vb_agg_row_theme *scratch;    /* cap_themes entries, for vb_agg_add_input() */
    vb_xsum *scratch_terms;       /* 2 cap_themes entries, for vb_agg_add_input() */
    vb_xsum_fixed *scratch_fixed; /* the same terms as fixed point */
    uint32_t *child_count;        /* cap_themes entries, zero between rows */
    uint8_t *row_listed;          /* cap_themes entries: 1 for a theme in row_themes
                                     while vb_agg_add() resolves a row, else 0 */

    /* A row's themes as vb_agg_add() resolves them, row_cap entries each. */
    uint32_t *row_themes;
    double *row_sentiment;
    const vb_range **row_spans;
    size_t *row_n_spans;
    size_t row_cap;
    vb_buf row_id, row_segment, row_text; /* the row's fields made valid text (agg_row.c) */
    /* The last dated row's day and what follows from the day alone: an
     * export in date order repeats a day over many rows (agg_row.c). */
    struct {
        int year, month, day; /* year 0: no row yet */
        int64_t days;         /* vb_days_from_civil() */
        size_t label_len;
        char label[VB_PERIOD_LABEL_MAX];
    } last_day;

    bool stale; /* sums changed since the doubles were last rounded */
};

/* The fields of one row after validation, the internal way in. */
typedef struct vb_agg_input {
    bool scored;
    double x, w;        /* metric value and weight, when scored */
    const char *period; /* NULL: no valid date */
    size_t period_len;
    const char *segment; /* NULL: no segment column */
    size_t segment_len;
    bool has_time;
    int64_t time;
    const vb_field *id, *text;
    const uint32_t *themes;       /* theme indices, no duplicates */
    const double *sentiment;      /* per theme */
    const vb_range *const *spans; /* per theme, may be NULL */
    const size_t *n_spans;
    size_t n_themes;
} vb_agg_input;

/* Returns the index of theme `id`, registering it (and, by the dotted
 * prefix or `parent_id`, its parent) when new. VB_ENOMEM. */
vb_status vb_agg_theme_index(vb_agg *agg, const char *id, const char *label, const char *parent_id,
                             uint32_t *out);

/* Finds theme `id`: true with its index in *out. */
bool vb_agg_theme_find(const vb_agg *agg, const char *id, uint32_t *out);

/* Adds one validated row. */
vb_status vb_agg_add_input(vb_agg *agg, const vb_agg_input *in);

/* Finds a group by key, or NULL. */
const vb_agg_group *vb_agg_find(const vb_agg_groups *gs, const char *key, size_t len);

/* A cell of `g`, or a zero cell when the group never saw the theme.
 * Complete after vb_agg_refresh(); until then a part of it may wait in a
 * combo, which vb_agg_cell_total() adds. */
const vb_agg_cell *vb_agg_cell_of(const vb_agg_group *g, size_t theme);

/* The cell of `g` (a group of `agg`) for `theme` with what its combos
 * hold for it, into *out, without folding them. */
void vb_agg_cell_total(const vb_agg *agg, const vb_agg_group *g, size_t theme, vb_agg_cell *out);

/* Exact sum s of a cell (s < VB_CELL_SUMS) or a group (< VB_GROUP_SUMS):
 * x[s] and its whole rows' part. */
void vb_agg_cell_sum(const vb_agg_cell *c, size_t s, vb_xsum *out);
void vb_agg_group_sum(const vb_agg_group *g, size_t s, vb_xsum *out);

/* sum of w x_s x_t, exactly and as a double */
void vb_agg_sxx_exact(const vb_agg *agg, size_t s, size_t t, vb_xsum *out);
double vb_agg_sxx(const vb_agg *agg, size_t s, size_t t);

/* Recompute the doubles of a cell or a group from their exact sums,
 * folding the whole-row moments into them. */
void vb_agg_cell_refresh(vb_agg_cell *c);
/* Folds the combos into their groups and rounds every group's and
 * cell's sums to their doubles if any changed since the last time:
 * vb_report_new() calls it before reading them. */
void vb_agg_refresh(vb_agg *agg);
void vb_agg_group_refresh(vb_agg_group *g);

/* Makes room in `g` for `n_themes` cells (zero). VB_ENOMEM. */
vb_status vb_agg_group_cells(const vb_allocator *a, vb_agg_group *g, size_t n_themes);

/* Finds the group with key `key`, adding an empty one. VB_ENOMEM. */
vb_status vb_agg_group_get(const vb_allocator *a, vb_agg_groups *gs, const char *key, size_t len,
                           vb_agg_group **out);

/* Whether quote a ranks before b in a list of direction `dir` (+1, -1). */
bool vb_quote_before(const vb_quote *a, const vb_quote *b, int dir);

#endif

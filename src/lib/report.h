/* report.h: the computed report model, what every renderer consumes.
 *
 * vb_report_new() (report.c, report_change.c) computes it once from a
 * vb_agg; the renderers (report_json.c, report_csv.c, report_md.c,
 * report_table.c, and an HTML one) only format it. Every string and array
 * lives in the report's arena. Undefined numbers are NaN (JSON null): the
 * score of an empty group, the impact of a theme everyone mentions.
 *
 * Sign convention: scores and differences are as measured. `polarity` is
 * +1, or -1 when a lower score is better (--lower-is-better); "worse",
 * "costs" and the quotes' direction take it into account.
 */
#ifndef VB_REPORT_H
#define VB_REPORT_H

#include "arena.h"
#include "buf.h"
#include "change.h"
#include "metric.h"

typedef struct vb_rep_quote {
    const char *text; /* excerpt, valid UTF-8, "…" where cut */
    size_t len;
    const vb_range *spans; /* the theme's matches in `text` */
    size_t n_spans;
    const char *id;      /* the record's id */
    const char *segment; /* the record's segment value; NULL without a
                            segment column */
    double sentiment;    /* the theme's sentiment in this comment */
    char date[11];    /* YYYY-MM-DD of the comment, or "" */
} vb_rep_quote;

typedef struct vb_rep_theme {
    const char *id;
    const char *label;
    int32_t parent;    /* index into vb_report.themes, -1 top level */
    uint64_t n;        /* comments that mention it (volume) */
    double share;      /* n / records */
    double sentiment;  /* mean of the theme's sentiment, [-1, 1] */
    vb_estimate score; /* among mentioners with a valid score */
    bool small;        /* score.n < min_n */
    double impact;     /* S(all) - S(everyone else) */
    double impact_se, impact_lo, impact_hi;
    bool impact_significant; /* the 95 % interval excludes 0 */
    int direction;           /* +1 good, -1 bad: the sign of a significant
                                impact (polarity applied), else of the
                                mean sentiment; the quotes' side */
    vb_rep_quote *quotes;    /* recent first, no near-duplicates */
    size_t n_quotes;
} vb_rep_theme;

typedef struct vb_rep_group { /* a period or a segment */
    const char *key;
    uint64_t records; /* with or without a valid score */
    vb_estimate score;
    bool small;
} vb_rep_group;

/* One cell of the theme x segment heatmap: a top-level theme within one
 * segment. */
typedef struct vb_rep_heat {
    uint64_t n;        /* the segment's comments that mention the theme */
    double share;      /* n / the segment's records; NaN for an empty segment */
    double sentiment;  /* mean of the theme's sentiment there, NaN at n = 0 */
    vb_estimate score; /* among those mentioners with a valid score; the
                          segment's own is vb_report.segments[s].score */
    bool small;        /* score.n < min_n */
} vb_rep_heat;

typedef struct vb_rep_driver {
    size_t theme;      /* index into vb_report.themes */
    double importance; /* relative weight; they add up to r2 */
    double share;      /* importance / r2 */
    double r;          /* correlation of mentioning it with the score */
    int direction;     /* sign of r: +1 mentioners score higher */
} vb_rep_driver;

typedef struct vb_rep_part {
    int32_t theme; /* index into vb_report.themes; -1 = no theme
                      (or, in children, "other") */
    vb_change_part p;
} vb_rep_part;

typedef struct vb_rep_contrib {
    vb_rep_part part;      /* a top-level theme */
    vb_rep_part *children; /* its children's split of part */
    size_t n_children;
    vb_rep_part other; /* mentioners of none of its children */
} vb_rep_contrib;

typedef struct vb_rep_moved { /* a theme whose volume or score moved */
    size_t theme;
    double share_from, share_to;
    vb_diff share; /* share_to - share_from */
    vb_estimate score_from, score_to;
    vb_diff score; /* score_to - score_from, among mentioners */
} vb_rep_moved;

typedef struct vb_rep_change {
    bool present;
    const char *kind; /* "period" or "segment" */
    const char *from, *to;
    uint64_t records_from, records_to;
    vb_estimate score_from, score_to;
    bool small; /* either side below min_n */
    vb_diff delta;
    vb_rep_contrib *contributions; /* by |contribution|, largest first */
    size_t n_contributions;
    vb_rep_part no_theme;
    vb_rep_moved *moved; /* significant movers only */
    size_t n_moved;
} vb_rep_change;

typedef struct vb_rep_focus {
    size_t theme;                /* index into vb_report.themes */
    double priority;             /* points lost: impact plus worsening */
    const char *sentence;        /* plain English, from the figures */
    double share, score, impact; /* in the focus group (see `where`) */
    vb_rep_quote *quotes;        /* the theme's, those of a focus period first */
    size_t n_quotes;
} vb_rep_focus;

struct vb_report {
    vb_allocator alloc;
    vb_arena arena;            /* everything below */
    vb_buf out;                /* the last rendering */
    vb_report_options opts;    /* as the vb_agg had them (strings borrowed) */
    const char *metric_label;  /* "NPS", "CSAT", "CES", "Mean score" */
    const char *unit;          /* "points", "pp" (CSAT), "" */
    int decimals;              /* for scores: 1 (NPS, CSAT) or 2 */
    int impact_decimals;       /* for impacts: 1 (NPS, CSAT) or 3 */
    int polarity;              /* +1, or -1 with lower_is_better */
    double scale_lo, scale_hi; /* NaN when unbounded */

    uint64_t records;          /* records analysed into the report, scored or not */
    uint64_t records_rejected; /* records read but rejected before analysis
                                  (vb_agg_add_records_rejected()) */
    uint64_t rejected;         /* records without a valid score (or weight) */
    uint64_t dates_rejected;
    vb_estimate overall;
    bool overall_small;
    bool no_promoters; /* NPS over min_n scores, none of them 9 or 10:
                          the mark of a shorter scale (1-5 stars, 1-7),
                          which NPS reads as all detractors */

    vb_rep_group *periods; /* chronological */
    size_t n_periods;
    vb_rep_group *segments; /* by size, largest first */
    size_t n_segments;

    vb_rep_theme *themes; /* top level by volume, each followed by its
                             children by volume; unmentioned left out */
    size_t n_themes;
    const size_t *theme_index; /* per theme: its index in the vb_agg */

    /* Theme x segment: one row per top-level theme (heat_rows[r] is its
     * index in themes, in the themes' order), one column per segment (in
     * segments' order); cell (r, s) is heat[r * n_segments + s]. Empty
     * without a segment column. */
    vb_rep_heat *heat;
    const size_t *heat_rows;
    size_t n_heat_rows;

    vb_rep_driver *drivers; /* top-level themes, most important first */
    size_t n_drivers;
    double r2; /* NaN when no model could be fitted */

    vb_rep_change change;
    const char *focus_where; /* "" overall, else the compared "to" group */
    vb_rep_focus *focus;
    size_t n_focus;
};

/* Impact of a theme within a group: S(group) - S(group without its
 * mentioners), with the delta-method interval (report.c). */
typedef struct vb_rep_impact {
    double value, se, lo, hi; /* NaN when nobody, or everybody, mentions it */
    bool significant;
} vb_rep_impact;

struct vb_agg_group;
struct vb_agg_cell;

/* The score of a group of respondents (a segment, a period, a theme's
 * mentioners), its interval as one drawn from all of them
 * (vb_metric_estimate_in()). */
vb_estimate vb_rep_estimate(const vb_agg *agg, const vb_moments *g);

vb_rep_impact vb_rep_impact_of(const vb_agg *agg, const struct vb_agg_group *g,
                               const struct vb_agg_cell *c);

/* What a focus is on: one period (a label) or one segment value. */
typedef struct vb_rep_where {
    const char *period; /* when segment is NULL */
    const char *segment;
} vb_rep_where;

/* Up to `max` quotes from the candidates of theme `at` on side `direction`
 * (+1, -1; 0: the side with more), near duplicates skipped, copied into
 * the arena, most recent first. With `where`, the quotes of that period
 * or segment come first and the others fill up, each part most recent
 * first. */
struct vb_agg_theme;
vb_status vb_rep_pick_quotes(vb_report *rep, const struct vb_agg_theme *at, int direction,
                             const vb_rep_where *where, size_t max, vb_rep_quote **out,
                             size_t *n_out);

/* report_change.c: fills rep->change and rep->focus. */
vb_status vb_report_change(vb_report *rep, const vb_agg *agg, vb_error *err);

/* Renderers: append the whole report to rep->out. */
vb_status vb_report_json(vb_report *rep);
vb_status vb_report_csv(vb_report *rep, const char *section);
vb_status vb_report_md(vb_report *rep);
vb_status vb_report_table(vb_report *rep, bool color);
vb_status vb_report_html(vb_report *rep);

/* Cell (row, segment) of the heatmap. */
static inline const vb_rep_heat *vb_rep_heat_at(const vb_report *rep, size_t row, size_t seg)
{
    return &rep->heat[row * rep->n_segments + seg];
}

/* Formats a number for reading: `decimals` places, a leading '+' when
 * `sign` and positive, "n/a" when NaN. Returns `buf`. */
const char *vb_rep_num(char *buf, size_t size, double v, int decimals, bool sign);

/* "12,345" */
const char *vb_rep_count(char *buf, size_t size, uint64_t n);

/* A score as every renderer prints it: the report's decimals, a sign for
 * NPS. */
const char *vb_rep_score(const vb_report *rep, char *buf, size_t size, double v);
/* "lo to hi" in score format, "n/a" when either end is not finite. */
const char *vb_rep_interval(const vb_report *rep, char *buf, size_t size, double lo, double hi);
/* The interval of a change as the change is written: signed at every
 * metric (a score is signed for NPS only). */
const char *vb_rep_diff_interval(const vb_report *rep, char *buf, size_t size, double lo,
                                 double hi);
/* A theme's impact, signed, at the report's impact decimals: one more
 * than a mean's score has, as most themes move a mean by less than 0.01. */
const char *vb_rep_impact_num(const vb_report *rep, char *buf, size_t size, double v);
/* The interval of an impact, written as the impact is. */
const char *vb_rep_impact_interval(const vb_report *rep, char *buf, size_t size, double lo,
                                   double hi);
/* A share in [0, 1] as a percentage with one decimal: "14.2%". */
const char *vb_rep_pct(char *buf, size_t size, double share);

/* The theme's display name: its label, else its id. */
static inline const char *vb_rep_theme_name(const vb_rep_theme *t)
{
    return t->label != NULL ? t->label : t->id;
}

#endif

/* metric.h: scores, the four metrics and their standard errors.
 *
 * Every metric is the weighted mean of a per-respondent value x:
 * NPS x = +100 (promoter, 9-10), 0 (passive), -100 (detractor, 0-6);
 * CSAT x = 100 in the top box(es), else 0; CES and mean x = the score.
 * So S = sum(w x) / sum(w) for all four, and every figure of a report
 * (groups, themes, impact, change) is built from the same moments. */
#ifndef VB_METRIC_H
#define VB_METRIC_H

#include "verbatim.h"

/* Additive sums over a group of respondents. */
typedef struct vb_moments {
    uint64_t n;  /* respondents */
    double sw;   /* sum of weights */
    double sw2;  /* sum of squared weights (Kish effective n) */
    double swx;  /* sum of w x */
    double swx2; /* sum of w x^2 */
} vb_moments;

static inline void vb_moments_add(vb_moments *m, double w, double x)
{
    m->n++;
    m->sw += w;
    m->sw2 += w * w;
    m->swx += w * x;
    m->swx2 += w * x * x;
}

static inline void vb_moments_merge(vb_moments *into, const vb_moments *from)
{
    into->n += from->n;
    into->sw += from->sw;
    into->sw2 += from->sw2;
    into->swx += from->swx;
    into->swx2 += from->swx2;
}

/* a - b, for "everyone else" (b is a subset of a). */
vb_moments vb_moments_minus(const vb_moments *a, const vb_moments *b);

typedef struct vb_metric_spec {
    vb_metric kind;
    double lo, hi;   /* valid scores, inclusive */
    bool bounded;    /* false: mean without --scale */
    bool whole;      /* NPS and CSAT scores must be whole numbers */
    double top_from; /* CSAT: scores >= this are satisfied */
    bool proportion; /* NPS, CSAT: x in {-100, 0, 100}, plug-in variance */
    char decimal_mark; /* of scores and weights: '.' or ',' */
    const char *labels; /* "LABEL=N" lines: scores written as words; NULL = none */
} vb_metric_spec;

/* Sets up `m` from the options; false with a reason in `why` for a scale
 * or top box that makes no sense. */
bool vb_metric_spec_init(vb_metric_spec *m, const vb_report_options *o, char *why, size_t why_size);

typedef enum vb_score_status {
    VB_SCORE_OK = 0,
    VB_SCORE_MISSING, /* absent or blank */
    VB_SCORE_NOT_NUMBER,
    VB_SCORE_NOT_WHOLE, /* 7.5 on an NPS or CSAT scale */
    VB_SCORE_OUT_OF_RANGE,
    VB_SCORE_OTHER_SCALE /* "8/10" on a scale of 1-5 */
} vb_score_status;

/* Parses a decimal number ([+-]digits[.digits], any number of digits,
 * surrounding spaces allowed) to the nearest double, without the locale;
 * `mark` ('.' or ',') stands for the point, and the other one is refused.
 * False for anything else, or beyond the largest double. */
bool vb_parse_number(const char *s, size_t len, char mark, double *out);

/* Parses a score (data NULL = missing) into the metric's x: a number,
 * a --score-label, or a number with its answer's words. */
vb_score_status vb_metric_score(const vb_metric_spec *m, const char *s, size_t len, double *x);

/* An estimate of S for a group, with its 95 % interval. */
typedef struct vb_estimate {
    double value;  /* S; NaN when the group is empty */
    double se;     /* standard error; NaN when undefined */
    double lo, hi; /* value -/+ 1.96 se (CSAT: Wilson; NPS: adjusted Wald), within the scale */
    uint64_t n;    /* respondents */
    double n_eff;  /* Kish effective n, (sum w)^2 / sum w^2; n when unweighted */
} vb_estimate;

#define VB_Z95 1.96 /* the usual rounding of the 97.5 % normal quantile */

/* S = sum(w x)/sum(w) with SE: NPS and CSAT sqrt(v / n_eff), CES and
 * mean sqrt(v / (n_eff - 1)), where v = sum(w x^2)/sum(w) - S^2.
 * Unweighted, the NPS case is 100 sqrt((P/n + D/n - (NPS/100)^2) / n) of
 * DESIGN.md. The interval is S -/+ 1.96 SE, but a share's keeps close to
 * 95 % coverage in small samples: CSAT's is Wilson's, of the share S/100
 * of n_eff, and NPS's the adjusted Wald of vb_metric_adjusted(), taken
 * out to S itself where it leaves S out (one score). */
vb_estimate vb_metric_estimate(const vb_metric_spec *m, const vb_moments *g);

/* The same, for a group drawn from `pool` (a segment, a period or a
 * theme's mentioners among all respondents): a CES or mean interval is
 * S -/+ 1.96 sqrt(v' / n_eff), v' = ((n_eff - 1) v + 2 v_pool) /
 * (n_eff + 1), the group's variance moderated towards the pool's (Smyth
 * 2004, with 2 prior degrees of freedom; a pool of the group itself
 * changes nothing). One score has no v of its own: v' = v_pool, and its
 * se stays NaN. NULL pool: vb_metric_estimate(). */
vb_estimate vb_metric_estimate_in(const vb_metric_spec *m, const vb_moments *g,
                                  const vb_moments *pool);

/* A group's score shrunk for small samples, and the variance of that
 * estimate, for intervals: NPS as Rocks's (2016) adjusted Wald (n_eff +
 * 3 respondents, of whom P n_eff + 3/4 promoters and D n_eff + 3/4
 * detractors), CSAT as Agresti and Caffo's (2000) for a difference
 * (n_eff + 2, of whom S/100 n_eff + 1 satisfied), CES and means with two
 * more respondents who have the mean and mean square of `pool`, the
 * respondents the compared groups are drawn from (a few equal scores
 * have no variance: 3 one-star reviews read 1.0 to 1.0). False for an
 * empty group, and for CES and means without a pool. */
bool vb_metric_adjusted(const vb_metric_spec *m, const vb_moments *g, const vb_moments *pool,
                        double *value, double *var);

/* What a score's value can be: a share in points (NPS from -100, CSAT
 * from 0), else the scale. False: no bounds (a mean without --scale). */
bool vb_metric_bounds(const vb_metric_spec *m, double *lo, double *hi);

/* Variance of one respondent's x in `g`, as used by the SE above
 * (NaN when undefined). */
double vb_metric_unit_variance(const vb_metric_spec *m, const vb_moments *g);

#endif

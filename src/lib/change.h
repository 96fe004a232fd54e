/* change.h: exact attribution of a score change to themes. */
#ifndef VB_CHANGE_H
#define VB_CHANGE_H

#include "metric.h"
#include "verbatim.h"

/* One part of the score (a theme, a child within its parent, or "no
 * theme") in the two compared groups A (from) and B (to). */
typedef struct vb_change_part {
    double v_from, v_to;  /* volume: the part's share of the group's weight */
    double r_from, r_to;  /* rate: the score of that share; NaN at volume 0 */
    double contribution;  /* volume_effect + rate_effect */
    double volume_effect; /* (v_to - v_from) x (mean rate - mean score) */
    double rate_effect;   /* (r_to - r_from) x mean volume */
} vb_change_part;

/* Computes a part from its attributed sums in both groups: fw = sum of
 * w/k, fwx = sum of w x/k (agg.h), w_* = the group's total weight, and
 * s_mid = (S_from + S_to) / 2. Over all parts of a partition of the
 * respondents, the contributions add up to S_to - S_from exactly (in
 * exact arithmetic; to rounding in doubles). */
vb_change_part vb_change_part_of(double fw_from, double fwx_from, double w_from, double fw_to,
                                 double fwx_to, double w_to, double s_mid);

/* A difference of two independent estimates, with its 95 % interval. */
typedef struct vb_diff {
    double delta, se, lo, hi;
    bool significant; /* the interval excludes 0 */
} vb_diff;

vb_diff vb_diff_of(double from, double se_from, double to, double se_to);

/* The difference seen, `delta`, with the interval of an adjusted one:
 * shrunk towards 0, that interval could leave out a change seen at one
 * or two respondents a side, so it reaches `delta`, and it ends where
 * differences do (-span to +span). Significant when it excludes 0. */
vb_diff vb_diff_reaching(vb_diff adjusted, double delta, double span);

/* Difference of two proportions x_from/n_from and x_to/n_to: `delta`
 * is the difference seen; `se`, the interval and `significant` are
 * Agresti and Caffo's (x + 1 of n + 2 on each side). */
vb_diff vb_diff_proportions(double x_from, double n_from, double x_to, double n_to);

/* Difference of two groups' scores, from their sums and their estimates
 * (vb_metric_estimate() of those sums): `delta` is the difference seen;
 * `se`, the interval and `significant` are those of the difference of
 * vb_metric_adjusted()'s estimates, a mean's shrunk towards both groups
 * together (the normal interval is too narrow in small groups: two
 * promoters against two detractors read -200 to -200). */
vb_diff vb_diff_scores(const vb_metric_spec *m, const vb_moments *from, const vb_estimate *a,
                       const vb_moments *to, const vb_estimate *b);

#endif

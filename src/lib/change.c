/* change.c: what changed between two periods or segments, and why.
 *
 * The score is S = sum(w x) / W. Give each respondent's share of it,
 * w x / W, in equal parts to the k top-level themes they mention (all of
 * it to "no theme" when k = 0). A theme's part is then
 *
 *     C = sum over its mentioners of w x / (k W) = v r,
 *     v = sum(w / k) / W   (its volume: the share of respondents, counted
 *                           fractionally, so that the volumes add up to 1)
 *     r = sum(w x / k) / sum(w / k)   (its rate: the score of that share)
 *
 * and the parts add up to S in each group, so their changes add up to
 * delta S. Nobody is counted twice. Each change is split the Shapley way,
 * symmetric in the two groups:
 *
 *     volume effect = (v_B - v_A) ((r_A + r_B) / 2 - (S_A + S_B) / 2)
 *     rate effect   = (r_B - r_A) (v_A + v_B) / 2
 *
 * Centring the volume effect on the mean score changes no total (the
 * volumes add up to 1 in both groups, so their changes add up to 0), but
 * it makes the effect readable: more mentions of a theme that scores
 * below average lower the score, of one at the average change nothing.
 * A part absent from one group has no rate there: its whole change is
 * volume. Child themes split their parent's part the same way (a
 * respondent's w/k shared among the m children they mention, the rest to
 * "other"), so the children and "other" add up to the parent.
 */
#include "change.h"

#include <math.h>

vb_change_part vb_change_part_of(double fw_from, double fwx_from, double w_from, double fw_to,
                                 double fwx_to, double w_to, double s_mid)
{
    vb_change_part p;
    p.v_from = w_from > 0 ? fw_from / w_from : 0;
    p.v_to = w_to > 0 ? fw_to / w_to : 0;
    p.r_from = fw_from > 0 ? fwx_from / fw_from : NAN;
    p.r_to = fw_to > 0 ? fwx_to / fw_to : NAN;
    const bool in_from = fw_from > 0 && w_from > 0, in_to = fw_to > 0 && w_to > 0;
    if (in_from && in_to) {
        p.volume_effect = (p.v_to - p.v_from) * ((p.r_from + p.r_to) / 2 - s_mid);
        p.rate_effect = (p.r_to - p.r_from) * (p.v_from + p.v_to) / 2;
    } else if (in_to) {
        p.volume_effect = p.v_to * (p.r_to - s_mid);
        p.rate_effect = 0;
    } else if (in_from) {
        p.volume_effect = -p.v_from * (p.r_from - s_mid);
        p.rate_effect = 0;
    } else {
        p.volume_effect = p.rate_effect = 0;
    }
    p.contribution = p.volume_effect + p.rate_effect;
    return p;
}

vb_diff vb_diff_of(double from, double se_from, double to, double se_to)
{
    vb_diff d;
    d.delta = to - from;
    d.se = sqrt(se_from * se_from + se_to * se_to);
    d.lo = d.delta - VB_Z95 * d.se;
    d.hi = d.delta + VB_Z95 * d.se;
    d.significant = isfinite(d.se) && d.se > 0 && (d.lo > 0 || d.hi < 0);
    return d;
}

vb_diff vb_diff_reaching(vb_diff adjusted, double delta, double span)
{
    vb_diff d;
    d.delta = delta;
    d.se = adjusted.se;
    d.lo = fmax(fmin(adjusted.lo, delta), -span);
    d.hi = fmin(fmax(adjusted.hi, delta), span);
    d.significant = d.se > 0 && (d.lo > 0 || d.hi < 0);
    return d;
}

/* Agresti and Caffo (2000): one more in and one more out on each side.
 * The Wald interval is too narrow where a share is near 0, as a theme's
 * share of a week's comments mostly is: it called 0 of 60 comments
 * against 4 of 60 a change (Fisher's exact test: p = 0.12); this one
 * keeps close to 95 % coverage with a handful of mentions. */
vb_diff vb_diff_proportions(double x_from, double n_from, double x_to, double n_to)
{
    if (!(n_from > 0) || !(n_to > 0)) {
        vb_diff d = {NAN, NAN, NAN, NAN, false};
        return d;
    }
    const double a = (x_from + 1) / (n_from + 2), b = (x_to + 1) / (n_to + 2);
    const vb_diff adjusted =
        vb_diff_of(a, sqrt(a * (1 - a) / (n_from + 2)), b, sqrt(b * (1 - b) / (n_to + 2)));
    return vb_diff_reaching(adjusted, x_to / n_to - x_from / n_from, 1);
}

vb_diff vb_diff_scores(const vb_metric_spec *m, const vb_moments *from, const vb_estimate *a,
                       const vb_moments *to, const vb_estimate *b)
{
    const vb_diff normal = vb_diff_of(a->value, a->se, b->value, b->se);
    vb_moments both = *from;
    vb_moments_merge(&both, to);
    double ca, va, cb, vb;
    if (!isfinite(normal.se) || !vb_metric_adjusted(m, from, &both, &ca, &va) ||
        !vb_metric_adjusted(m, to, &both, &cb, &vb))
        return normal;
    double lo, hi;
    const double span = vb_metric_bounds(m, &lo, &hi) ? hi - lo : INFINITY;
    return vb_diff_reaching(vb_diff_of(ca, sqrt(va), cb, sqrt(vb)), normal.delta, span);
}

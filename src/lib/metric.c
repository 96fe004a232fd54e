/* metric.c: turns a raw score into the metric's per-respondent value and
 * a group's moments into the score with its standard error.
 *
 * Numbers are parsed by hand: strtod follows LC_NUMERIC, and a library
 * inside an application that called setlocale() must still read "4.5".
 * Digits are gathered into an integer and divided once by a power of ten,
 * so "4.2" is the correctly rounded double. Longer numbers go to strtod
 * as "DIGITSe-N", which has no decimal point for the locale to change.
 */
#include "metric.h"

#include "score_words.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const metric_names[] = {"nps", "csat", "ces", "mean"};
static const char *const period_names[] = {"none", "day", "week", "month", "quarter", "year"};
static const char *const format_names[] = {"table", "json", "csv", "md", "html"};

static bool lookup(const char *name, const char *const *names, size_t n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return true;
        }
    }
    return false;
}

bool vb_metric_parse(const char *name, vb_metric *out)
{
    int i;
    if (!lookup(name, metric_names, 4, &i)) return false;
    *out = (vb_metric)i;
    return true;
}

const char *vb_metric_name(vb_metric m)
{
    return (unsigned)m < 4 ? metric_names[m] : "unknown";
}

bool vb_period_parse(const char *name, vb_period *out)
{
    int i;
    if (!lookup(name, period_names, 6, &i)) return false;
    *out = (vb_period)i;
    return true;
}

const char *vb_period_name(vb_period p)
{
    return (unsigned)p < 6 ? period_names[p] : "unknown";
}

bool vb_report_format_parse(const char *name, vb_report_format *out)
{
    int i;
    if (strcmp(name, "markdown") == 0) {
        *out = VB_REPORT_MD;
        return true;
    }
    if (!lookup(name, format_names, 5, &i)) return false;
    *out = (vb_report_format)i;
    return true;
}

vb_moments vb_moments_minus(const vb_moments *a, const vb_moments *b)
{
    vb_moments r;
    r.n = a->n - b->n;
    r.sw = a->sw - b->sw;
    r.sw2 = a->sw2 - b->sw2;
    r.swx = a->swx - b->swx;
    r.swx2 = a->swx2 - b->swx2;
    if (r.n == 0) /* exactly empty: no rounding residue */
        r.sw = r.sw2 = r.swx = r.swx2 = 0;
    return r;
}

/* The metric's scale, top box and decimal mark. */
static bool init_scale(vb_metric_spec *m, const vb_report_options *o, char *why, size_t why_size)
{
    memset(m, 0, sizeof *m);
    m->kind = o->metric;
    const bool given = o->scale_min != 0 || o->scale_max != 0;
    m->lo = o->scale_min;
    m->hi = o->scale_max;
    m->bounded = true;
    /* 0 as well as '.': options filled without vb_report_options_init(). */
    if (o->decimal_mark != 0 && o->decimal_mark != '.' && o->decimal_mark != ',') {
        snprintf(why, why_size, "the decimal mark must be '.' or ','");
        return false;
    }
    m->decimal_mark = o->decimal_mark == ',' ? ',' : '.';
    if (o->lower_is_better && (o->metric == VB_METRIC_NPS || o->metric == VB_METRIC_CSAT)) {
        /* Both are shares of the best answers: higher is better by definition. */
        snprintf(why, why_size, "%s is higher-is-better by definition (lower-is-better is for ces or mean)",
                 o->metric == VB_METRIC_NPS ? "NPS" : "CSAT");
        return false;
    }
    switch (o->metric) {
    case VB_METRIC_NPS:
        if (given && (m->lo != 0 || m->hi != 10)) {
            snprintf(why, why_size, "NPS is defined on a 0-10 scale");
            return false;
        }
        m->lo = 0;
        m->hi = 10;
        m->whole = m->proportion = true;
        return true;
    case VB_METRIC_CSAT:
        if (!given) {
            m->lo = 1;
            m->hi = 5;
        }
        m->whole = m->proportion = true;
        if (m->lo != floor(m->lo) || m->hi != floor(m->hi) || m->hi <= m->lo) {
            snprintf(why, why_size, "a CSAT scale needs whole numbers, low < high");
            return false;
        }
        if (o->top_box < 1 || (double)o->top_box > m->hi - m->lo) {
            snprintf(why, why_size, "top box %u does not fit the scale %g-%g", o->top_box, m->lo,
                     m->hi);
            return false;
        }
        m->top_from = m->hi - o->top_box + 1;
        return true;
    case VB_METRIC_CES:
        if (!given) {
            m->lo = 1;
            m->hi = 7;
        }
        break;
    case VB_METRIC_MEAN:
        m->bounded = given;
        break;
    default:
        snprintf(why, why_size, "unknown metric");
        return false;
    }
    if (m->bounded && !(m->hi > m->lo)) {
        snprintf(why, why_size, "the scale's low end must be below its high end");
        return false;
    }
    return true;
}

bool vb_metric_spec_init(vb_metric_spec *m, const vb_report_options *o, char *why, size_t why_size)
{
    if (!init_scale(m, o, why, why_size)) return false;
    if (o->score_labels == NULL || o->score_labels[0] == '\0') return true;
    if (!vb_score_labels_check(m, o->score_labels, why, why_size)) return false;
    m->labels = o->score_labels;
    return true;
}

/* Significant digits kept for strtod. A double's halfway points have at
 * most 768, so past this only whether a dropped digit is non-zero matters:
 * a 1 after the kept ones leaves the value on the same side of all. */
#define LONG_DIGITS 800

/* The double nearest `s`, already checked to be a plain decimal, unsigned,
 * with `mark` as its decimal mark, for what the one-division path cannot
 * round correctly. */
static double long_decimal(const char *s, size_t len, char mark)
{
    char buf[LONG_DIGITS + 32];
    size_t n = 0;
    long long e10 = 0; /* value = buf[0..n) * 10^e10 */
    bool point = false, dropped = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == mark) {
            point = true;
        } else if (n == 0 && s[i] == '0') {
            e10 -= point; /* a leading zero */
        } else if (n < LONG_DIGITS) {
            buf[n++] = s[i];
            e10 -= point;
        } else {
            dropped |= s[i] != '0';
            e10 += !point;
        }
    }
    if (dropped) {
        buf[n++] = '1';
        e10--;
    }
    if (n == 0) buf[n++] = '0';
    snprintf(buf + n, sizeof buf - n, "e%lld", e10);
    const int saved = errno; /* ERANGE on underflow: the result is still right */
    const double v = strtod(buf, NULL);
    errno = saved;
    return v;
}

bool vb_parse_number(const char *s, size_t len, char mark, double *out)
{
    /* One or two bare digits, as nearly every score is, read at once. */
    const unsigned d0 = len > 0 ? (unsigned)((unsigned char)s[0] - '0') : 10;
    const unsigned d1 = len > 1 ? (unsigned)((unsigned char)s[1] - '0') : 10;
    if (len == 1 && d0 <= 9) {
        *out = d0;
        return true;
    }
    if (len == 2 && d0 <= 9 && d1 <= 9) {
        *out = d0 * 10 + d1;
        return true;
    }
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const size_t start = i;
    uint64_t mant = 0; /* the first 19 significant digits: no wrap */
    size_t digits = 0, frac = 0, n_int = 0, n_frac = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, n_int++) {
        if (mant == 0 && s[i] == '0') continue; /* leading zeros are not significant */
        if (++digits <= 19) mant = mant * 10 + (uint64_t)(s[i] - '0');
    }
    if (i < len && s[i] == mark) {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, n_frac++) {
            if (mant != 0 || s[i] != '0') digits++;
            if (digits <= 19) {
                mant = mant * 10 + (uint64_t)(s[i] - '0');
                frac++;
            }
        }
    }
    if (i != len || n_int + n_frac == 0) return false;
    /* mant and 10^frac exact as doubles: one division rounds correctly
     * (Clinger's fast path); anything longer is strtod's. */
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v;
    if (digits <= 19 && mant <= (uint64_t)1 << 53 && frac <= 22) {
        v = (double)mant / pow10[frac];
    } else {
        v = long_decimal(s + start, len - start, mark);
        if (!isfinite(v)) return false; /* past the largest double */
    }
    *out = neg ? -v : v;
    return true;
}

vb_score_status vb_metric_score(const vb_metric_spec *m, const char *s, size_t len, double *x)
{
    if (s == NULL) return VB_SCORE_MISSING;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        i++;
    if (i == len) return VB_SCORE_MISSING;
    double v, top;
    if (!vb_read_score(s, len, m->decimal_mark, m->labels, &v, &top)) return VB_SCORE_NOT_NUMBER;
    if (top != 0 && m->bounded && top != m->hi) return VB_SCORE_OTHER_SCALE;
    if (m->bounded && (v < m->lo || v > m->hi)) return VB_SCORE_OUT_OF_RANGE;
    if (m->whole && v != floor(v)) return VB_SCORE_NOT_WHOLE;
    switch (m->kind) {
    case VB_METRIC_NPS:
        *x = v >= 9 ? 100 : v <= 6 ? -100 : 0;
        break;
    case VB_METRIC_CSAT:
        *x = v >= m->top_from ? 100 : 0;
        break;
    default:
        *x = v;
        break;
    }
    return VB_SCORE_OK;
}

double vb_metric_unit_variance(const vb_metric_spec *m, const vb_moments *g)
{
    if (g->n == 0 || !(g->sw > 0) || !(g->sw2 > 0)) return NAN;
    const double s = g->swx / g->sw;
    double v = g->swx2 / g->sw - s * s;
    if (v < 0) /* rounding when all x are equal */
        v = 0;
    if (m->proportion) return v;
    const double n_eff = g->sw * g->sw / g->sw2;
    return n_eff > 1 ? v * n_eff / (n_eff - 1) : NAN;
}

bool vb_metric_bounds(const vb_metric_spec *m, double *lo, double *hi)
{
    if (m->proportion) {
        *lo = m->kind == VB_METRIC_NPS ? -100 : 0;
        *hi = 100;
        return true;
    }
    *lo = m->lo;
    *hi = m->hi;
    return m->bounded;
}

/* The Wilson score interval of a share `p` of `n` (Kish n when
 * weighted), in points. The normal interval collapses to a point at 0 %
 * and 100 % (CSAT 100 of 5 scores: "100 to 100") and is too narrow near
 * them; Wilson's is not, and stays inside 0-100. */
static void wilson_interval(double p, double n, double *lo, double *hi)
{
    const double z2 = VB_Z95 * VB_Z95, denom = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = VB_Z95 * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    *lo = 100 * (centre - half);
    *hi = 100 * (centre + half);
}

bool vb_metric_adjusted(const vb_metric_spec *m, const vb_moments *g, const vb_moments *pool,
                        double *value, double *var)
{
    if (g->n == 0 || !(g->sw > 0) || !(g->sw2 > 0)) return false;
    const double n = g->sw * g->sw / g->sw2;
    switch (m->kind) {
    case VB_METRIC_NPS: {
        /* x is +100, 0 or -100: the mean of x is 100 (P - D), the mean
         * of x² 10000 (P + D). */
        const double mean = g->swx / g->sw / 100, either = g->swx2 / g->sw / 10000;
        const double n_adj = n + 3;
        const double p = ((either + mean) / 2 * n + 0.75) / n_adj;
        const double d = ((either - mean) / 2 * n + 0.75) / n_adj;
        *value = 100 * (p - d);
        *var = 10000 * (p + d - (p - d) * (p - d)) / n_adj;
        return true;
    }
    case VB_METRIC_CSAT: {
        const double p = (g->swx / g->sw / 100 * n + 1) / (n + 2);
        *value = 100 * p;
        *var = 10000 * p * (1 - p) / (n + 2);
        return true;
    }
    default: {
        /* Two more respondents, with the pool's mean and second moment:
         * CSAT's one more in and one more out, where a score has no
         * middle of its own to shrink to. */
        if (pool == NULL || !(pool->sw > 0)) return false;
        const double n_adj = n + 2;
        const double mean = (g->swx / g->sw * n + 2 * pool->swx / pool->sw) / n_adj;
        const double square = (g->swx2 / g->sw * n + 2 * pool->swx2 / pool->sw) / n_adj;
        *value = mean;
        *var = fmax(square - mean * mean, 0) / n_adj;
        return true;
    }
    }
}

vb_estimate vb_metric_estimate(const vb_metric_spec *m, const vb_moments *g)
{
    return vb_metric_estimate_in(m, g, NULL);
}

vb_estimate vb_metric_estimate_in(const vb_metric_spec *m, const vb_moments *g,
                                  const vb_moments *pool)
{
    vb_estimate e;
    e.n = g->n;
    e.value = e.se = e.lo = e.hi = NAN;
    e.n_eff = 0;
    if (g->n == 0 || !(g->sw > 0)) return e;
    e.value = g->swx / g->sw;
    e.n_eff = g->sw * g->sw / g->sw2;
    const double v = vb_metric_unit_variance(m, g);
    if (isfinite(v)) e.se = sqrt(v / e.n_eff);
    /* A mean in a pool: its variance moderated towards the pool's with 2
     * degrees of freedom (Smyth 2004). A few equal scores have none of
     * their own (14 fives read "5.00 to 5.00"), and one score has none at
     * all: the pool's is then all there is. */
    const double v_pool = pool != NULL && !m->proportion ? vb_metric_unit_variance(m, pool) : NAN;
    if (!isfinite(v) && !isfinite(v_pool)) return e;
    double centre, var;
    if (m->kind == VB_METRIC_CSAT) {
        wilson_interval(e.value / 100, e.n_eff, &e.lo, &e.hi);
    } else if (m->kind == VB_METRIC_NPS && vb_metric_adjusted(m, g, NULL, &centre, &var)) {
        /* Rocks's adjusted Wald: the normal interval collapses to a
         * point when everyone agrees (+100 of 3 scores: "+100 to +100")
         * and is too narrow near the ends; this one keeps close to 95 %
         * coverage down to small samples. Shrunk towards 0 at one score,
         * both ends can pass the NPS itself (+100 of 1: -48.5 to +98.5):
         * the interval reaches it. */
        e.lo = fmin(centre - VB_Z95 * sqrt(var), e.value);
        e.hi = fmax(centre + VB_Z95 * sqrt(var), e.value);
    } else {
        double se = e.se;
        if (isfinite(v_pool)) {
            /* v's degrees of freedom: none for one score, whose v is NaN */
            const double d = fmax(e.n_eff - 1, 0);
            se = sqrt(((isfinite(v) ? d * v : 0) + 2 * v_pool) / (d + 2) / e.n_eff);
        }
        e.lo = e.value - VB_Z95 * se;
        e.hi = e.value + VB_Z95 * se;
    }
    /* Near an end of the scale an interval can pass it (NPS +100 of 3
     * scores: -6.6 to +106.6; a mean of 1-5 at 4.9): it ends where scores
     * do (Wilson's, but for rounding, already does). */
    double lo, hi;
    if (vb_metric_bounds(m, &lo, &hi)) {
        e.lo = fmax(e.lo, lo);
        e.hi = fmin(e.hi, hi);
    }
    return e;
}

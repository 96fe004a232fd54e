/* report.c: from additive state to the report model (report.h), and the
 * public vb_report_* calls.
 *
 * Everything is computed from the vb_agg's sums: group scores and
 * intervals (metric.c), theme volume, sentiment, score and impact, the
 * quotes picked from the top-k lists, key drivers (drivers.c). The change
 * between two groups and the areas for focus are in report_change.c.
 *
 * Impact. With p = the mentioners' share of the weight, S_m their score
 * and S_r everyone else's, S(all) = p S_m + (1 - p) S_r, so
 *
 *     impact = S(all) - S_r = p (S_m - S_r)
 *     SE^2   = (S_m - S_r)^2 p (1 - p) / n_eff + p^2 (SE_m^2 + SE_r^2)
 *
 * by the delta method, p and the two group means being asymptotically
 * independent; n_eff is the Kish effective size of everyone scored. For
 * NPS and CSAT the interval takes the two groups' adjusted estimates
 * (vb_rep_impact_of()).
 */
#include "report.h"

#include "agg.h"
#include "alloc.h"
#include "dates.h"
#include "drivers.h"
#include "quotes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_BYTES ((size_t)64 << 10)
#define OUTPUT_MAX_BYTES ((size_t)1 << 30)

const char *vb_rep_num(char *buf, size_t size, double v, int decimals, bool sign)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "n/a");
        return buf;
    }
    snprintf(buf, size, sign ? "%+.*f" : "%.*f", decimals, v);
    /* no "-0.0" or "+0.0" */
    const char *p = buf + (buf[0] == '-' || buf[0] == '+');
    bool zero = true;
    for (; *p != '\0'; p++)
        zero &= *p == '0' || *p == '.';
    if (zero && (buf[0] == '-' || buf[0] == '+')) memmove(buf, buf + 1, strlen(buf));
    return buf;
}

const char *vb_rep_count(char *buf, size_t size, uint64_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

const char *vb_rep_score(const vb_report *rep, char *buf, size_t size, double v)
{
    return vb_rep_num(buf, size, v, rep->decimals, rep->opts.metric == VB_METRIC_NPS);
}

/* A finite interval end as vb_rep_num() writes it, except that a signed
 * end which is not zero keeps its sign when it rounds to zero: "+0.0 to
 * +0.3" excludes 0, as its "sig" says, where "0.0 to +0.3" would seem not
 * to. */
static const char *interval_end(char *buf, size_t size, double v, int decimals, bool sign)
{
    if (!sign || v == 0.0) return vb_rep_num(buf, size, v, decimals, sign);
    snprintf(buf, size, "%+.*f", decimals, v);
    return buf;
}

static const char *interval(char *buf, size_t size, double lo, double hi, int decimals, bool sign)
{
    char a[32], c[32];
    if (!isfinite(lo) || !isfinite(hi))
        snprintf(buf, size, "n/a");
    else
        snprintf(buf, size, "%s to %s", interval_end(a, sizeof a, lo, decimals, sign),
                 interval_end(c, sizeof c, hi, decimals, sign));
    return buf;
}

const char *vb_rep_interval(const vb_report *rep, char *buf, size_t size, double lo, double hi)
{
    return interval(buf, size, lo, hi, rep->decimals, rep->opts.metric == VB_METRIC_NPS);
}

const char *vb_rep_diff_interval(const vb_report *rep, char *buf, size_t size, double lo,
                                 double hi)
{
    return interval(buf, size, lo, hi, rep->decimals, true);
}

const char *vb_rep_impact_num(const vb_report *rep, char *buf, size_t size, double v)
{
    return vb_rep_num(buf, size, v, rep->impact_decimals, true);
}

const char *vb_rep_impact_interval(const vb_report *rep, char *buf, size_t size, double lo,
                                   double hi)
{
    return interval(buf, size, lo, hi, rep->impact_decimals, true);
}

const char *vb_rep_pct(char *buf, size_t size, double share)
{
    char a[32];
    if (!isfinite(share))
        return vb_rep_num(buf, size, share, 1, false);
    snprintf(buf, size, "%s%%", vb_rep_num(a, sizeof a, 100 * share, 1, false));
    return buf;
}

vb_estimate vb_rep_estimate(const vb_agg *agg, const vb_moments *m)
{
    return vb_metric_estimate_in(&agg->metric, m, &agg->overall.score);
}

/* ---- Groups -------------------------------------------------------------- */

static int cmp_period(const void *a, const void *b)
{
    return strcmp(((const vb_rep_group *)a)->key, ((const vb_rep_group *)b)->key);
}

static int cmp_segment(const void *a, const void *b)
{
    const vb_rep_group *x = a, *y = b;
    if (x->records != y->records) return x->records > y->records ? -1 : 1;
    return strcmp(x->key, y->key);
}

static vb_status build_groups(vb_report *rep, const vb_agg *agg, const vb_agg_groups *gs,
                              bool by_time, vb_rep_group **out, size_t *n)
{
    *n = gs->n;
    if (gs->n == 0) return VB_OK;
    vb_rep_group *g = vb_arena_array(&rep->arena, gs->n, sizeof *g);
    if (g == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < gs->n; i++) {
        const vb_agg_group *src = gs->items[i];
        g[i].key = vb_arena_strndup(&rep->arena, src->key, src->key_len);
        if (g[i].key == NULL) return VB_ENOMEM;
        g[i].records = src->records;
        g[i].score = vb_rep_estimate(agg, &src->score);
        g[i].small = src->score.n < rep->opts.min_n;
    }
    qsort(g, gs->n, sizeof *g, by_time ? cmp_period : cmp_segment);
    *out = g;
    return VB_OK;
}

/* ---- Themes -------------------------------------------------------------- */

typedef struct theme_order {
    size_t index; /* in agg->themes */
    uint64_t n;
    const char *id;
} theme_order;

static int cmp_volume(const void *a, const void *b)
{
    const theme_order *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return strcmp(x->id, y->id);
}

vb_rep_impact vb_rep_impact_of(const vb_agg *agg, const vb_agg_group *g, const vb_agg_cell *c)
{
    vb_rep_impact im = {NAN, NAN, NAN, NAN, false};
    const vb_moments rest_m = vb_moments_minus(&g->score, &c->score);
    if (c->score.n == 0 || rest_m.n == 0 || !(rest_m.sw > 0) || !(c->score.sw > 0)) return im;
    /* Values and SEs only: the intervals are the adjusted ones below. */
    const vb_estimate all = vb_metric_estimate(&agg->metric, &g->score);
    const vb_estimate men = vb_metric_estimate(&agg->metric, &c->score);
    const vb_estimate rest = vb_metric_estimate(&agg->metric, &rest_m);
    const double p = c->score.sw / g->score.sw;
    im.value = all.value - rest.value;
    /* The interval of the adjusted estimates (vb_metric_adjusted(), a
     * mean's shrunk towards the group's), reaching the impact seen. The
     * normal one falls to a point when a few respondents agree: 4
     * detractors of 3,000 read -0.3 to -0.0, significant. With the plain
     * estimates, p d is the impact seen, which the interval holds. */
    double d = men.value - rest.value, var_m = men.se * men.se, var_r = rest.se * rest.se;
    double adj_m, adj_var_m, adj_r, adj_var_r;
    if (vb_metric_adjusted(&agg->metric, &c->score, &g->score, &adj_m, &adj_var_m) &&
        vb_metric_adjusted(&agg->metric, &rest_m, &g->score, &adj_r, &adj_var_r)) {
        d = adj_m - adj_r;
        var_m = adj_var_m;
        var_r = adj_var_r;
    }
    const double se = sqrt(d * d * p * (1 - p) / all.n_eff + p * p * (var_m + var_r));
    const vb_diff around = {p * d, se, p * d - VB_Z95 * se, p * d + VB_Z95 * se, false};
    const vb_diff interval = vb_diff_reaching(around, im.value, INFINITY);
    im.se = interval.se;
    im.lo = interval.lo;
    im.hi = interval.hi;
    im.significant = interval.significant;
    return im;
}

/* The civil date of a quote's time, as the report shows it. */
static void quote_date(const vb_quote *q, int *y, int *m, int *d)
{
    const int64_t days = q->time >= 0 ? q->time / 86400 : -((-q->time + 86399) / 86400);
    vb_civil_from_days(days, y, m, d);
}

/* Whether quote q is dated within the period labelled `period`. */
static bool quote_in_period(const vb_report *rep, const vb_quote *q, const char *period)
{
    if (!q->has_time) return false;
    vb_datetime dt = {0};
    quote_date(q, &dt.year, &dt.month, &dt.day);
    char label[VB_PERIOD_LABEL_MAX];
    vb_period_label(rep->opts.period, &dt, label);
    return strcmp(label, period) == 0;
}

/* Whether quote q is of the focus `where`. */
static bool quote_in(const vb_report *rep, const vb_quote *q, const vb_rep_where *where)
{
    if (where->segment == NULL) return quote_in_period(rep, q, where->period);
    return q->segment != NULL && strlen(where->segment) == q->segment_len &&
           memcmp(q->segment, where->segment, q->segment_len) == 0;
}

/* Sorts picked[0, n) most recent first, undated last in list order
 * (insertion sort: stable). */
static void recent_first(const vb_quote **picked, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        const vb_quote *q = picked[i];
        size_t j = i;
        while (j > 0 && q->has_time &&
               (!picked[j - 1]->has_time || picked[j - 1]->time < q->time)) {
            picked[j] = picked[j - 1];
            j--;
        }
        picked[j] = q;
    }
}

vb_status vb_rep_pick_quotes(vb_report *rep, const vb_agg_theme *at, int direction,
                             const vb_rep_where *where, size_t max, vb_rep_quote **out,
                             size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    const vb_quote_list *l = direction < 0 ? &at->neg : &at->pos;
    if (direction == 0 && at->neg.n > at->pos.n) l = &at->neg;
    if (l->n == 0) /* nothing said on that side: show the other */
        l = l == &at->neg ? &at->pos : &at->neg;
    if (max == 0 || l->n == 0) return VB_OK;
    const vb_quote **picked = vb_arena_array(&rep->arena, max, sizeof *picked);
    vb_rep_quote *quotes = vb_arena_array(&rep->arena, max, sizeof *quotes);
    if (picked == NULL || quotes == NULL) return VB_ENOMEM;
    /* Pass 0 takes the focus's quotes (all quotes without one), pass 1
     * fills up with the others. */
    size_t n = 0, n_first = 0;
    for (int pass = 0; pass < (where != NULL ? 2 : 1); pass++) {
        for (size_t i = 0; i < l->n && n < max; i++) {
            const vb_quote *q = vb_quote_list_at(l, i);
            if (where != NULL && quote_in(rep, q, where) != (pass == 0)) continue;
            bool dup = false;
            for (size_t j = 0; j < n && !dup; j++)
                dup = vb_quote_near_duplicate(q, picked[j]);
            if (!dup) picked[n++] = q;
        }
        if (pass == 0) n_first = n;
    }
    recent_first(picked, n_first);
    recent_first(picked + n_first, n - n_first);
    for (size_t i = 0; i < n; i++) {
        const vb_quote *q = picked[i];
        vb_rep_quote *rq = &quotes[i];
        rq->text = vb_arena_strndup(&rep->arena, q->text, q->len);
        rq->id = vb_arena_strndup(&rep->arena, q->id, q->id_len);
        rq->segment =
            q->segment != NULL ? vb_arena_strndup(&rep->arena, q->segment, q->segment_len) : NULL;
        vb_range *spans = vb_arena_array(&rep->arena, q->n_spans + 1, sizeof *spans);
        if (rq->text == NULL || rq->id == NULL || (q->segment != NULL && rq->segment == NULL) ||
            spans == NULL)
            return VB_ENOMEM;
        memcpy(spans, q->spans, q->n_spans * sizeof *spans);
        rq->len = q->len;
        rq->spans = spans;
        rq->n_spans = q->n_spans;
        rq->sentiment = q->sentiment;
        rq->date[0] = '\0';
        if (q->has_time) {
            int y, m, d;
            quote_date(q, &y, &m, &d);
            snprintf(rq->date, sizeof rq->date, "%04u-%02u-%02u", (unsigned)y % 10000u,
                     (unsigned)m % 100u, (unsigned)d % 100u);
        }
    }
    *out = quotes;
    *n_out = n;
    return VB_OK;
}

/* NPS values are +100 (promoter), 0 and -100 (detractor), so the sums
 * of w x and w x^2 give the promoters' weight: sum(w x^2) / 100 is 100
 * times the weight of promoters and detractors, sum(w x) 100 times their
 * difference. */
static double promoters_weight(const vb_moments *m)
{
    return (m->swx2 / 100.0 + m->swx) / 200.0;
}

static vb_status build_themes(vb_report *rep, const vb_agg *agg)
{
    const vb_agg_group *g = &agg->overall;
    theme_order *order = vb_arena_array(&rep->arena, agg->n_themes + 1, sizeof *order);
    size_t *slot = vb_arena_array(&rep->arena, agg->n_themes + 1, sizeof *slot);
    if (order == NULL || slot == NULL) return VB_ENOMEM;
    /* Top level by volume, each followed by its children by volume. */
    size_t n_top = 0;
    for (size_t i = 0; i < agg->n_themes; i++) {
        const uint64_t n = vb_agg_cell_of(g, i)->mentions;
        if (agg->themes[i].parent < 0 && n > 0)
            order[n_top++] = (theme_order){i, n, agg->themes[i].id};
    }
    qsort(order, n_top, sizeof *order, cmp_volume);
    rep->themes = vb_arena_array(&rep->arena, agg->n_themes + 1, sizeof *rep->themes);
    theme_order *kids = vb_arena_array(&rep->arena, agg->n_themes + 1, sizeof *kids);
    if (rep->themes == NULL || kids == NULL) return VB_ENOMEM;
    memset(rep->themes, 0, (agg->n_themes + 1) * sizeof *rep->themes);
    size_t n = 0;
    for (size_t i = 0; i < n_top; i++) {
        const size_t parent_at = n;
        slot[n++] = order[i].index;
        size_t n_kids = 0;
        for (size_t k = 0; k < agg->n_themes; k++) {
            const uint64_t m = vb_agg_cell_of(g, k)->mentions;
            if (agg->themes[k].parent == (int32_t)order[i].index && m > 0)
                kids[n_kids++] = (theme_order){k, m, agg->themes[k].id};
        }
        qsort(kids, n_kids, sizeof *kids, cmp_volume);
        for (size_t k = 0; k < n_kids; k++) {
            rep->themes[n].parent = (int32_t)parent_at;
            slot[n++] = kids[k].index;
        }
        rep->themes[parent_at].parent = -1;
    }
    rep->n_themes = n;
    for (size_t i = 0; i < n; i++) {
        const vb_agg_theme *at = &agg->themes[slot[i]];
        const vb_agg_cell *c = vb_agg_cell_of(g, slot[i]);
        vb_rep_theme *t = &rep->themes[i];
        t->id = at->id;
        t->label = at->label;
        t->n = c->mentions;
        t->share = rep->records > 0 ? (double)c->mentions / (double)rep->records : NAN;
        t->sentiment = c->mentions > 0 ? (double)c->sent_sum / 1e4 / (double)c->mentions : NAN;
        t->score = vb_rep_estimate(agg, &c->score);
        t->small = c->score.n < rep->opts.min_n;
        const vb_rep_impact im = vb_rep_impact_of(agg, g, c);
        t->impact = im.value;
        t->impact_se = im.se;
        t->impact_lo = im.lo;
        t->impact_hi = im.hi;
        t->impact_significant = im.significant;
        /* The quotes' side: the score's verdict when it is clear, else
         * what the comments say. */
        const double signal = t->impact_significant    ? t->impact * rep->polarity
                              : isfinite(t->sentiment) ? t->sentiment
                                                       : 0;
        t->direction = signal > 0 ? 1 : signal < 0 ? -1 : 0;
        if (vb_rep_pick_quotes(rep, at, t->direction, NULL, rep->opts.max_quotes, &t->quotes,
                               &t->n_quotes) != VB_OK)
            return VB_ENOMEM;
    }
    /* The model keeps its own copies of the agg's strings. */
    for (size_t i = 0; i < n; i++) {
        vb_rep_theme *t = &rep->themes[i];
        t->id = vb_arena_strndup(&rep->arena, t->id, strlen(t->id));
        if (t->id == NULL) return VB_ENOMEM;
        if (t->label != NULL &&
            (t->label = vb_arena_strndup(&rep->arena, t->label, strlen(t->label))) == NULL)
            return VB_ENOMEM;
    }
    /* Remember which agg theme each row came from (for report_change.c). */
    rep->theme_index = slot;
    return VB_OK;
}

/* ---- Theme x segment ------------------------------------------------------ */

/* Every top-level theme in every segment, straight from the segment
 * groups' cells (the same sums as the themes overall). */
static vb_status build_heatmap(vb_report *rep, const vb_agg *agg)
{
    if (rep->n_segments == 0) return VB_OK;
    size_t *rows = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *rows);
    if (rows == NULL) return VB_ENOMEM;
    size_t n_rows = 0;
    for (size_t i = 0; i < rep->n_themes; i++)
        if (rep->themes[i].parent < 0) rows[n_rows++] = i;
    if (n_rows == 0) return VB_OK;
    if (vb_mul_overflows(n_rows, rep->n_segments)) return VB_ENOMEM;
    vb_rep_heat *heat = vb_arena_array(&rep->arena, n_rows * rep->n_segments, sizeof *heat);
    if (heat == NULL) return VB_ENOMEM;
    for (size_t s = 0; s < rep->n_segments; s++) {
        const vb_rep_group *seg = &rep->segments[s];
        const vb_agg_group *g = vb_agg_find(&agg->segments, seg->key, strlen(seg->key));
        for (size_t r = 0; r < n_rows; r++) {
            const vb_agg_cell *c = vb_agg_cell_of(g, rep->theme_index[rows[r]]);
            vb_rep_heat *h = &heat[r * rep->n_segments + s];
            h->n = c->mentions;
            h->share = seg->records > 0 ? (double)c->mentions / (double)seg->records : NAN;
            h->sentiment = c->mentions > 0 ? (double)c->sent_sum / 1e4 / (double)c->mentions : NAN;
            h->score = vb_rep_estimate(agg, &c->score);
            h->small = c->score.n < rep->opts.min_n;
        }
    }
    rep->heat = heat;
    rep->heat_rows = rows;
    rep->n_heat_rows = n_rows;
    return VB_OK;
}

/* ---- Key drivers --------------------------------------------------------- */

static int cmp_driver(const void *a, const void *b)
{
    const vb_rep_driver *x = a, *y = b;
    if (x->importance != y->importance) return x->importance > y->importance ? -1 : 1;
    return x->theme < y->theme ? -1 : x->theme > y->theme;
}

static vb_status build_drivers(vb_report *rep, const vb_agg *agg)
{
    rep->r2 = NAN;
    const vb_agg_group *g = &agg->overall;
    size_t k = 0;
    size_t *pred = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *pred);
    if (pred == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_agg_cell *c = vb_agg_cell_of(g, rep->theme_index[i]);
        if (rep->themes[i].parent < 0 && c->score.n > 0 && c->score.n < g->score.n) pred[k++] = i;
    }
    if (k == 0 || g->score.n < 3) return VB_OK;
    double *swx = vb_arena_array(&rep->arena, k, sizeof *swx);
    double *swxy = vb_arena_array(&rep->arena, k, sizeof *swxy);
    double *weight = vb_arena_array(&rep->arena, k, sizeof *weight);
    double *r = vb_arena_array(&rep->arena, k, sizeof *r);
    double *swxx = vb_arena_array(&rep->arena, k * k, sizeof *swxx);
    rep->drivers = vb_arena_array(&rep->arena, k, sizeof *rep->drivers);
    if (swx == NULL || swxy == NULL || weight == NULL || r == NULL || swxx == NULL ||
        rep->drivers == NULL)
        return VB_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        const size_t ai = rep->theme_index[pred[i]];
        const vb_agg_cell *c = vb_agg_cell_of(g, ai);
        swx[i] = c->score.sw;
        swxy[i] = c->score.swx;
        for (size_t j = 0; j < k; j++)
            swxx[i * k + j] = vb_agg_sxx(agg, ai, rep->theme_index[pred[j]]);
    }
    vb_drivers_input in = {k, g->score.sw, g->score.swx, g->score.swx2, swx, swxy, swxx};
    vb_drivers_output out = {weight, r, 0, 0};
    vb_status st = vb_drivers_compute(&rep->alloc, &in, &out);
    if (st == VB_ENOMEM) return st;
    if (st != VB_OK) return VB_OK; /* no model: the score does not vary */
    rep->r2 = out.r2;
    for (size_t i = 0; i < k; i++) {
        vb_rep_driver *d = &rep->drivers[rep->n_drivers++];
        d->theme = pred[i];
        d->importance = weight[i];
        d->share = out.r2 > 0 ? weight[i] / out.r2 : NAN;
        d->r = r[i];
        d->direction = r[i] > 0 ? 1 : r[i] < 0 ? -1 : 0;
    }
    qsort(rep->drivers, rep->n_drivers, sizeof *rep->drivers, cmp_driver);
    return VB_OK;
}

/* ---- Public API ---------------------------------------------------------- */

static const char *const metric_labels[] = {"NPS", "CSAT", "CES", "Mean score"};

vb_report *vb_report_new(vb_agg *agg, vb_error *err)
{
    vb_agg_refresh(agg);
    const vb_allocator *a = &agg->alloc;
    vb_report *rep = vb_calloc(a, 1, sizeof *rep);
    if (rep == NULL) goto oom;
    rep->alloc = *a;
    vb_arena_init(&rep->arena, &rep->alloc, ARENA_BLOCK_BYTES);
    vb_buf_init(&rep->out, &rep->alloc, OUTPUT_MAX_BYTES);
    rep->opts = agg->opts;
    rep->metric_label = metric_labels[agg->metric.kind];
    rep->unit = agg->metric.kind == VB_METRIC_NPS    ? "points"
                : agg->metric.kind == VB_METRIC_CSAT ? "pp"
                                                     : "";
    rep->decimals = agg->metric.proportion ? 1 : 2;
    rep->impact_decimals = agg->metric.proportion ? 1 : 3;
    rep->polarity = agg->opts.lower_is_better ? -1 : 1;
    rep->scale_lo = agg->metric.bounded ? agg->metric.lo : NAN;
    rep->scale_hi = agg->metric.bounded ? agg->metric.hi : NAN;
    rep->records = agg->overall.records;
    rep->records_rejected = agg->records_rejected;
    rep->rejected = agg->scores_rejected;
    rep->dates_rejected = agg->dates_rejected;
    rep->overall = vb_metric_estimate(&agg->metric, &agg->overall.score);
    rep->overall_small = agg->overall.score.n < rep->opts.min_n;
    rep->no_promoters = agg->metric.kind == VB_METRIC_NPS && !rep->overall_small &&
                        agg->overall.score.sw > 0 &&
                        promoters_weight(&agg->overall.score) <= 1e-9 * agg->overall.score.sw;
    rep->focus_where = "";
    if (build_groups(rep, agg, &agg->periods, true, &rep->periods, &rep->n_periods) != VB_OK ||
        build_groups(rep, agg, &agg->segments, false, &rep->segments, &rep->n_segments) != VB_OK ||
        build_themes(rep, agg) != VB_OK || build_heatmap(rep, agg) != VB_OK ||
        build_drivers(rep, agg) != VB_OK)
        goto oom;
    vb_status st = vb_report_change(rep, agg, err);
    if (st == VB_ENOMEM) goto oom;
    if (st != VB_OK) {
        vb_report_free(rep);
        return NULL;
    }
    return rep;

oom:
    vb_report_free(rep);
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_ENOMEM;
        snprintf(err->message, sizeof err->message, "out of memory computing the report");
    }
    return NULL;
}

void vb_report_free(vb_report *rep)
{
    if (rep == NULL) return;
    vb_arena_free(&rep->arena);
    vb_buf_free(&rep->out);
    vb_allocator a = rep->alloc;
    vb_free(&a, rep);
}

bool vb_report_no_promoters(const vb_report *rep)
{
    return rep->no_promoters;
}

vb_status vb_report_render(vb_report *rep, vb_report_format format, const char *section,
                           unsigned flags, const char **out, size_t *len)
{
    vb_buf_reset(&rep->out);
    if (section != NULL && format != VB_REPORT_CSV) return VB_EINVAL;
    vb_status st;
    switch (format) {
    case VB_REPORT_JSON:
        st = vb_report_json(rep);
        break;
    case VB_REPORT_CSV:
        st = vb_report_csv(rep, section);
        break;
    case VB_REPORT_MD:
        st = vb_report_md(rep);
        break;
    case VB_REPORT_TABLE:
        st = vb_report_table(rep, (flags & VB_REPORT_COLOR) != 0);
        break;
    case VB_REPORT_HTML:
        st = vb_report_html(rep);
        break;
    default:
        st = VB_EINVAL;
        break;
    }
    if (st != VB_OK) return st;
    *out = rep->out.data != NULL ? rep->out.data : "";
    *len = rep->out.len;
    return VB_OK;
}

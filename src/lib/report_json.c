/* report_json.c: the report as one JSON document (schema in README.md,
 * "Report", versioned by "schema"). Numbers are written with 15
 * significant digits so that sums such as the change decomposition can be
 * checked from the JSON; undefined numbers are null. */
#include "report.h"

#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define REPORT_SCHEMA_VERSION 1

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

static vb_status num(vb_buf *b, double x)
{
    if (!isfinite(x)) return vb_buf_puts(b, "null");
    if (x == 0) return vb_buf_putc(b, '0'); /* also -0 */
    return vb_buf_printf(b, "%.15g", x);
}

static vb_status key_num(vb_buf *b, const char *key, double x)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, key));
    return num(b, x);
}

static vb_status key_u64(vb_buf *b, const char *key, uint64_t n)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, key));
    return vb_buf_printf(b, "%llu", (unsigned long long)n);
}

static vb_status key_bool(vb_buf *b, const char *key, bool v)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, key));
    return vb_buf_puts(b, v ? "true" : "false");
}

static vb_status key_str(vb_buf *b, const char *key, const char *s)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, key));
    return s != NULL ? vb_json_string(b, s, strlen(s)) : vb_buf_puts(b, "null");
}

static vb_status key_ci(vb_buf *b, const char *key, double lo, double hi)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, key));
    if (!isfinite(lo) || !isfinite(hi)) return vb_buf_puts(b, "null");
    TRY(vb_buf_putc(b, '['));
    TRY(num(b, lo));
    TRY(vb_buf_putc(b, ','));
    TRY(num(b, hi));
    return vb_buf_putc(b, ']');
}

/* "n","score","ci95" of an estimate (after a first key). */
static vb_status estimate(vb_buf *b, const vb_estimate *e)
{
    TRY(key_u64(b, "n", e->n));
    TRY(key_num(b, "score", e->value));
    return key_ci(b, "ci95", e->lo, e->hi);
}

static vb_status groups(vb_buf *b, const char *name, const char *key, const vb_rep_group *g,
                        size_t n)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, name));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, key));
        TRY(vb_json_string(b, g[i].key, strlen(g[i].key)));
        TRY(key_u64(b, "records", g[i].records));
        TRY(estimate(b, &g[i].score));
        TRY(key_bool(b, "small", g[i].small));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

static vb_status quotes(vb_buf *b, const vb_rep_quote *list, size_t n, size_t max)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "quotes"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < n && i < max; i++) {
        const vb_rep_quote *q = &list[i];
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "id"));
        TRY(vb_json_string(b, q->id, strlen(q->id)));
        if (q->date[0] != '\0')
            TRY(key_str(b, "date", q->date));
        else
            TRY(key_str(b, "date", NULL));
        TRY(key_str(b, "segment", q->segment));
        TRY(key_num(b, "sentiment", q->sentiment));
        TRY(vb_buf_putc(b, ','));
        TRY(vb_json_key(b, "text"));
        TRY(vb_json_string(b, q->text, q->len));
        TRY(vb_buf_putc(b, ','));
        TRY(vb_json_key(b, "spans"));
        TRY(vb_buf_putc(b, '['));
        for (size_t s = 0; s < q->n_spans; s++)
            TRY(vb_buf_printf(b, "%s[%zu,%zu]", s == 0 ? "" : ",", q->spans[s].start,
                              q->spans[s].end));
        TRY(vb_buf_puts(b, "]}"));
    }
    return vb_buf_putc(b, ']');
}

static vb_status themes(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "themes"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "id"));
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
        TRY(key_str(b, "parent", t->parent >= 0 ? rep->themes[t->parent].id : NULL));
        TRY(key_u64(b, "n", t->n));
        TRY(key_num(b, "share", t->share));
        TRY(key_num(b, "sentiment", t->sentiment));
        TRY(key_u64(b, "score_n", t->score.n));
        TRY(key_num(b, "score", t->score.value));
        TRY(key_ci(b, "ci95", t->score.lo, t->score.hi));
        TRY(key_bool(b, "small", t->small));
        TRY(key_num(b, "impact", t->impact));
        TRY(key_ci(b, "impact_ci95", t->impact_lo, t->impact_hi));
        TRY(key_bool(b, "impact_significant", t->impact_significant));
        TRY(quotes(b, t->quotes, t->n_quotes, t->n_quotes));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

/* Per top-level theme, its figures in every segment. */
static vb_status heatmap(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "heatmap"));
    TRY(vb_buf_putc(b, '['));
    for (size_t r = 0; r < rep->n_heat_rows; r++) {
        const vb_rep_theme *t = &rep->themes[rep->heat_rows[r]];
        TRY(vb_buf_puts(b, r == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "theme"));
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
        TRY(vb_buf_putc(b, ','));
        TRY(vb_json_key(b, "cells"));
        TRY(vb_buf_putc(b, '['));
        for (size_t s = 0; s < rep->n_segments; s++) {
            const vb_rep_heat *h = vb_rep_heat_at(rep, r, s);
            TRY(vb_buf_puts(b, s == 0 ? "{" : ",{"));
            TRY(vb_json_key(b, "segment"));
            TRY(vb_json_string(b, rep->segments[s].key, strlen(rep->segments[s].key)));
            TRY(key_u64(b, "n", h->n));
            TRY(key_num(b, "share", h->share));
            TRY(key_num(b, "sentiment", h->sentiment));
            TRY(key_u64(b, "score_n", h->score.n));
            TRY(key_num(b, "score", h->score.value));
            TRY(key_ci(b, "ci95", h->score.lo, h->score.hi));
            TRY(key_num(b, "segment_score", rep->segments[s].score.value));
            TRY(key_bool(b, "small", h->small));
            TRY(vb_buf_putc(b, '}'));
        }
        TRY(vb_buf_puts(b, "]}"));
    }
    return vb_buf_putc(b, ']');
}

static vb_status drivers(vb_buf *b, const vb_report *rep)
{
    TRY(key_num(b, "r2", rep->r2));
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "drivers"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < rep->n_drivers; i++) {
        const vb_rep_driver *d = &rep->drivers[i];
        const vb_rep_theme *t = &rep->themes[d->theme];
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "theme"));
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
        TRY(key_num(b, "importance", d->importance));
        TRY(key_num(b, "share", d->share));
        TRY(key_num(b, "r", d->r));
        TRY(key_str(b, "direction",
                    d->direction > 0   ? "positive"
                    : d->direction < 0 ? "negative"
                                       : "none"));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

static vb_status part(vb_buf *b, const vb_report *rep, const vb_rep_part *p, const char *none)
{
    TRY(vb_buf_putc(b, '{'));
    TRY(vb_json_key(b, "theme"));
    if (p->theme >= 0) {
        const vb_rep_theme *t = &rep->themes[p->theme];
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
    } else {
        TRY(vb_buf_puts(b, "null"));
        TRY(key_str(b, "label", none));
    }
    TRY(key_num(b, "contribution", p->p.contribution));
    TRY(key_num(b, "volume_effect", p->p.volume_effect));
    TRY(key_num(b, "rate_effect", p->p.rate_effect));
    TRY(key_num(b, "volume_from", p->p.v_from));
    TRY(key_num(b, "volume_to", p->p.v_to));
    TRY(key_num(b, "rate_from", p->p.r_from));
    return key_num(b, "rate_to", p->p.r_to);
}

static vb_status change(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "change"));
    if (!ch->present) return vb_buf_puts(b, "null");
    TRY(vb_buf_putc(b, '{'));
    TRY(vb_json_key(b, "kind"));
    TRY(vb_json_string(b, ch->kind, strlen(ch->kind)));
    TRY(key_str(b, "from", ch->from));
    TRY(key_str(b, "to", ch->to));
    TRY(key_u64(b, "n_from", ch->score_from.n));
    TRY(key_u64(b, "n_to", ch->score_to.n));
    TRY(key_num(b, "score_from", ch->score_from.value));
    TRY(key_num(b, "score_to", ch->score_to.value));
    TRY(key_num(b, "delta", ch->delta.delta));
    TRY(key_ci(b, "delta_ci95", ch->delta.lo, ch->delta.hi));
    TRY(key_bool(b, "significant", ch->delta.significant));
    TRY(key_bool(b, "small", ch->small));
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "contributions"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < ch->n_contributions; i++) {
        const vb_rep_contrib *c = &ch->contributions[i];
        if (i > 0) TRY(vb_buf_putc(b, ','));
        TRY(part(b, rep, &c->part, NULL));
        TRY(vb_buf_putc(b, ','));
        TRY(vb_json_key(b, "children"));
        TRY(vb_buf_putc(b, '['));
        for (size_t k = 0; k < c->n_children; k++) {
            if (k > 0) TRY(vb_buf_putc(b, ','));
            TRY(part(b, rep, &c->children[k], NULL));
            TRY(vb_buf_putc(b, '}'));
        }
        TRY(vb_buf_puts(b, "],"));
        TRY(vb_json_key(b, "other"));
        TRY(part(b, rep, &c->other, "other"));
        TRY(vb_buf_puts(b, "}}"));
    }
    TRY(vb_buf_puts(b, "],"));
    TRY(vb_json_key(b, "no_theme"));
    TRY(part(b, rep, &ch->no_theme, "no theme"));
    TRY(vb_buf_puts(b, "},"));
    TRY(vb_json_key(b, "moved"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < ch->n_moved; i++) {
        const vb_rep_moved *m = &ch->moved[i];
        const vb_rep_theme *t = &rep->themes[m->theme];
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "theme"));
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
        TRY(key_num(b, "share_from", m->share_from));
        TRY(key_num(b, "share_to", m->share_to));
        TRY(key_num(b, "share_delta", m->share.delta));
        TRY(key_ci(b, "share_ci95", m->share.lo, m->share.hi));
        TRY(key_bool(b, "share_significant", m->share.significant));
        TRY(key_u64(b, "n_from", m->score_from.n));
        TRY(key_u64(b, "n_to", m->score_to.n));
        TRY(key_num(b, "score_from", m->score_from.value));
        TRY(key_num(b, "score_to", m->score_to.value));
        TRY(key_num(b, "score_delta", m->score.delta));
        TRY(key_ci(b, "score_ci95", m->score.lo, m->score.hi));
        TRY(key_bool(b, "score_significant", m->score.significant));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_puts(b, "]}");
}

static vb_status focus(vb_buf *b, const vb_report *rep)
{
    TRY(key_str(b, "focus_group", rep->focus_where[0] != '\0' ? rep->focus_where : NULL));
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "focus"));
    TRY(vb_buf_putc(b, '['));
    for (size_t i = 0; i < rep->n_focus; i++) {
        const vb_rep_focus *f = &rep->focus[i];
        const vb_rep_theme *t = &rep->themes[f->theme];
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(vb_json_key(b, "theme"));
        TRY(vb_json_string(b, t->id, strlen(t->id)));
        TRY(key_str(b, "label", vb_rep_theme_name(t)));
        TRY(key_num(b, "priority", f->priority));
        TRY(key_num(b, "share", f->share));
        TRY(key_num(b, "score", f->score));
        TRY(key_num(b, "impact", f->impact));
        TRY(key_str(b, "sentence", f->sentence));
        TRY(quotes(b, f->quotes, f->n_quotes, 3));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

vb_status vb_report_json(vb_report *rep)
{
    vb_buf *b = &rep->out;
    const vb_report_options *o = &rep->opts;
    TRY(vb_buf_printf(b, "{\"schema\":%d", REPORT_SCHEMA_VERSION));
    TRY(key_str(b, "metric", vb_metric_name(o->metric)));
    TRY(key_str(b, "metric_label", rep->metric_label));
    TRY(vb_buf_putc(b, ','));
    TRY(vb_json_key(b, "scale"));
    if (isfinite(rep->scale_lo))
        TRY(vb_buf_printf(b, "[%.15g,%.15g]", rep->scale_lo, rep->scale_hi));
    else
        TRY(vb_buf_puts(b, "null"));
    if (o->metric == VB_METRIC_CSAT) TRY(key_u64(b, "top_box", o->top_box));
    TRY(key_bool(b, "lower_is_better", o->lower_is_better));
    TRY(key_u64(b, "min_n", o->min_n));
    TRY(key_str(b, "weight_col", o->weight_col));
    TRY(key_u64(b, "records", rep->records));
    TRY(key_u64(b, "records_rejected", rep->records_rejected));
    TRY(estimate(b, &rep->overall));
    TRY(key_num(b, "se", rep->overall.se));
    TRY(key_num(b, "n_eff", rep->overall.n_eff));
    TRY(key_bool(b, "small", rep->overall_small));
    TRY(key_u64(b, "rejected", rep->rejected));
    TRY(key_u64(b, "dates_rejected", rep->dates_rejected));
    TRY(key_str(b, "period", o->period != VB_PERIOD_NONE ? vb_period_name(o->period) : NULL));
    TRY(groups(b, "periods", "period", rep->periods, rep->n_periods));
    TRY(key_str(b, "segment_col", o->segment_col));
    TRY(groups(b, "segments", "segment", rep->segments, rep->n_segments));
    TRY(themes(b, rep));
    TRY(heatmap(b, rep));
    TRY(drivers(b, rep));
    TRY(change(b, rep));
    TRY(focus(b, rep));
    return vb_buf_puts(b, "}\n");
}

/* agg_compatible.c: whether two vb_aggs (read from states, or made in
 * this run) can be merged: the same metric, scale, options, columns and
 * taxonomy, and no theme named twice with another label or parent. */
#include "agg.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static vb_status differ(vb_error *err, const char *fmt, ...)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_EINVAL;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return VB_EINVAL;
}

static bool same_string(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static const char *or_none(const char *s)
{
    return s != NULL ? s : "(none)";
}

static bool same_taxonomy(const vb_agg *a, const vb_agg *b)
{
    return a->taxonomy_known == b->taxonomy_known &&
           (!a->taxonomy_known || a->taxonomy == b->taxonomy);
}

/* As the state writes it, "unknown" for "-". */
static const char *taxonomy_name(const vb_agg *agg, char out[24])
{
    if (!agg->taxonomy_known) return "unknown";
    if (agg->taxonomy == 0) return "none";
    snprintf(out, 24, "%016" PRIx64, agg->taxonomy);
    return out;
}

vb_status vb_agg_compatible(const vb_agg *a, const vb_agg *b, vb_error *err)
{
    const vb_report_options *oa = &a->opts, *ob = &b->opts;
    if (a->metric.kind != b->metric.kind)
        return differ(err, "metric %s vs %s", vb_metric_name(b->metric.kind),
                      vb_metric_name(a->metric.kind));
    if (a->metric.bounded != b->metric.bounded ||
        (a->metric.bounded && (a->metric.lo != b->metric.lo || a->metric.hi != b->metric.hi)))
        return differ(err, "scale %g-%g vs %g-%g", b->metric.lo, b->metric.hi, a->metric.lo,
                      a->metric.hi);
    if (a->metric.kind == VB_METRIC_CSAT && a->metric.top_from != b->metric.top_from)
        return differ(err, "top box %u vs %u", ob->top_box, oa->top_box);
    if (oa->lower_is_better != ob->lower_is_better)
        return differ(err, "lower-is-better %s vs %s", ob->lower_is_better ? "on" : "off",
                      oa->lower_is_better ? "on" : "off");
    if (oa->period != ob->period)
        return differ(err, "period %s vs %s", vb_period_name(ob->period),
                      vb_period_name(oa->period));
    const char *const what[] = {"score", "date", "segment", "weight"};
    const char *const ca[] = {oa->score_col, oa->date_col, oa->segment_col, oa->weight_col};
    const char *const cb[] = {ob->score_col, ob->date_col, ob->segment_col, ob->weight_col};
    for (size_t i = 0; i < 4; i++)
        if (!same_string(ca[i], cb[i]))
            return differ(err, "%s column %s vs %s", what[i], or_none(cb[i]), or_none(ca[i]));
    /* An agg without records has no themes to tell (merge_taxonomy()). */
    if (a->overall.records > 0 && b->overall.records > 0 && !same_taxonomy(a, b)) {
        char na[24], nb[24];
        return differ(err, "taxonomy %s vs %s (%s)", taxonomy_name(b, nb), taxonomy_name(a, na),
                      a->taxonomy_known && b->taxonomy_known
                          ? "themes found with another taxonomy, or none"
                          : "one is from analysed records, which do not say their taxonomy");
    }
    for (size_t t = 0; t < b->n_themes; t++) {
        const vb_agg_theme *tb = &b->themes[t];
        uint32_t i;
        if (!vb_agg_theme_find(a, tb->id, &i)) continue;
        const vb_agg_theme *ta = &a->themes[i];
        const char *pa = ta->parent >= 0 ? a->themes[ta->parent].id : NULL;
        const char *pb = tb->parent >= 0 ? b->themes[tb->parent].id : NULL;
        if (!same_string(pa, pb))
            return differ(err, "theme \"%s\": parent %s vs %s (not the same taxonomy?)", tb->id,
                          or_none(pb), or_none(pa));
        if (ta->label != NULL && tb->label != NULL && strcmp(ta->label, tb->label) != 0)
            return differ(err, "theme \"%s\": label \"%s\" vs \"%s\" (not the same taxonomy?)",
                          tb->id, tb->label, ta->label);
    }
    return VB_OK;
}

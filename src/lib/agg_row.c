/* agg_row.c: vb_agg_add(), from a row as read to the validated input of
 * agg.c.
 *
 * The score, weight and date are checked against the options; each
 * problem becomes an issue naming the column and quoting the value, and
 * leaves the row out of the figures it spoils (a bad score or weight: the
 * score figures; a bad date: the trend), never out of the theme counts.
 * Theme ids are resolved to indices, duplicates dropped and missing
 * parents added, so agg.c can rely on "a child comes with its parent".
 */
#include "agg.h"

#include "alloc.h"
#include "dates.h"
#include "issue.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Makes `*s` valid UTF-8 for the report: each byte of an invalid
 * sequence becomes U+FFFD, and so does a NUL when `nul_too` (ids and
 * segment values are C strings in the report model, where a NUL would cut
 * them; \u0000 becomes U+FFFD in the JSONL reader too). The readers hand
 * out valid UTF-8 already; this is for callers of the API that do not.
 * *s then points into `b`, valid until the next row. */
static vb_status as_text(vb_buf *b, const char **s, size_t *len, bool nul_too)
{
    const char *p = *s;
    const size_t n = *len;
    if (n == 0 || ((!nul_too || memchr(p, '\0', n) == NULL) && vb_utf8_valid_len(p, n) == n))
        return VB_OK;
    vb_buf_reset(b);
    size_t i = 0;
    while (i < n) {
        size_t ok = vb_utf8_valid_len(p + i, n - i);
        const char *nul = nul_too ? memchr(p + i, '\0', ok) : NULL;
        if (nul != NULL) ok = (size_t)(nul - (p + i));
        if (vb_buf_append(b, p + i, ok) != VB_OK) return VB_ENOMEM;
        i += ok;
        if (i < n) {
            if (vb_buf_append(b, "\xEF\xBF\xBD", 3) != VB_OK) return VB_ENOMEM;
            i++;
        }
    }
    *s = b->data;
    *len = b->len;
    return VB_OK;
}

static bool blank(const vb_field *f)
{
    return f->data == NULL || vb_issue_blank(f->data, f->len);
}

static void add_issue(vb_report_issue *issues, size_t *n, const char *field, const char *what,
                      const vb_field *value)
{
    if (value == NULL)
        vb_issue_add(issues, n, field, what, NULL, 0);
    else
        vb_issue_add(issues, n, field, what, value->data, value->len);
}

static bool check_score(vb_agg *agg, const vb_field *f, double *x, vb_report_issue *issues,
                        size_t *n)
{
    const char *col = agg->opts.score_col;
    const vb_metric_spec *m = &agg->metric;
    char what[96];
    switch (vb_metric_score(m, blank(f) ? NULL : f->data, f->len, x)) {
    case VB_SCORE_OK:
        return true;
    case VB_SCORE_MISSING:
        add_issue(issues, n, col, "missing", NULL);
        return false;
    case VB_SCORE_NOT_NUMBER:
        vb_issue_not_score(issues, n, col, f->data, f->len, m->decimal_mark, m->labels != NULL);
        return false;
    case VB_SCORE_NOT_WHOLE:
        add_issue(issues, n, col, "not a whole number", f);
        return false;
    case VB_SCORE_OUT_OF_RANGE:
        /* NPS has one scale: --scale would not help. A CSAT asked on 1-10
         * needs it. */
        snprintf(what, sizeof what, "outside the scale %g-%g%s", m->lo, m->hi,
                 m->kind == VB_METRIC_NPS ? "" : " (see --scale)");
        add_issue(issues, n, col, what, f);
        return false;
    case VB_SCORE_OTHER_SCALE:
        snprintf(what, sizeof what, "a score on another scale than %g-%g%s", m->lo, m->hi,
                 m->kind == VB_METRIC_NPS ? "" : " (see --scale)");
        add_issue(issues, n, col, what, f);
        return false;
    }
    return false;
}

static bool check_weight(vb_agg *agg, const vb_field *f, double *w, vb_report_issue *issues,
                         size_t *n)
{
    const char *col = agg->opts.weight_col;
    if (blank(f)) {
        add_issue(issues, n, col, "missing", NULL);
        return false;
    }
    if (!vb_parse_number(f->data, f->len, agg->metric.decimal_mark, w)) {
        vb_issue_not_number(issues, n, col, f->data, f->len, agg->metric.decimal_mark);
        return false;
    }
    if (*w < 0) {
        add_issue(issues, n, col, "negative", f);
        return false;
    }
    return true;
}

static vb_status row_grow(vb_agg *agg, size_t need)
{
    if (need <= agg->row_cap) return VB_OK;
    const vb_allocator *a = &agg->alloc;
    size_t cap = agg->row_cap == 0 ? 16 : agg->row_cap;
    while (cap < need)
        cap *= 2;
    if (vb_mul_overflows(cap, sizeof(double)) || vb_mul_overflows(cap, sizeof(void *)))
        return VB_ENOMEM;
    uint32_t *t = vb_realloc(a, agg->row_themes, cap * sizeof *t);
    if (t != NULL) agg->row_themes = t;
    double *s = vb_realloc(a, agg->row_sentiment, cap * sizeof *s);
    if (s != NULL) agg->row_sentiment = s;
    const vb_range **sp = vb_realloc(a, (void *)agg->row_spans, cap * sizeof *sp);
    if (sp != NULL) agg->row_spans = sp;
    size_t *ns = vb_realloc(a, agg->row_n_spans, cap * sizeof *ns);
    if (ns != NULL) agg->row_n_spans = ns;
    if (t == NULL || s == NULL || sp == NULL || ns == NULL) return VB_ENOMEM;
    agg->row_cap = cap;
    return VB_OK;
}

/* Appends theme `t` unless listed. Inline: a few times a row. */
static inline vb_status row_theme(vb_agg *agg, size_t *n, uint32_t t, double sentiment,
                                  const vb_range *spans, size_t n_spans)
{
    if (agg->row_listed[t]) return VB_OK;
    if (*n >= agg->row_cap && row_grow(agg, *n + 1) != VB_OK) return VB_ENOMEM;
    agg->row_themes[*n] = t;
    agg->row_sentiment[*n] = sentiment;
    agg->row_spans[*n] = spans;
    agg->row_n_spans[*n] = n_spans;
    agg->row_listed[t] = 1;
    (*n)++;
    return VB_OK;
}

/* Lists the row's themes in agg->row_*, each once, every ancestor after
 * the first of its descendants (sentiment: that descendant's). A listed
 * theme's ancestors are listed already, so a walk up stops at the first. */
static vb_status list_themes(vb_agg *agg, const vb_report_row *row, size_t *n)
{
    for (size_t i = 0; i < row->n_themes; i++) {
        const vb_report_theme *rt = &row->themes[i];
        if (rt->id == NULL || rt->id[0] == '\0') continue;
        uint32_t t;
        if (vb_agg_theme_index(agg, rt->id, rt->label, rt->parent, &t) != VB_OK) return VB_ENOMEM;
        if (agg->row_listed[t]) continue;
        double s = isfinite(rt->sentiment) ? rt->sentiment : 0;
        if (row_theme(agg, n, t, s, rt->spans, rt->spans != NULL ? rt->n_spans : 0) != VB_OK)
            return VB_ENOMEM;
        for (int32_t p = agg->themes[t].parent; p >= 0 && !agg->row_listed[p];
             p = agg->themes[p].parent)
            if (row_theme(agg, n, (uint32_t)p, s, NULL, 0) != VB_OK) return VB_ENOMEM;
    }
    return VB_OK;
}

/* Resolves the row's themes into agg->row_*; returns how many. */
static vb_status resolve_themes(vb_agg *agg, const vb_report_row *row, size_t *n_out)
{
    size_t n = 0;
    const vb_status st = list_themes(agg, row, &n);
    for (size_t i = 0; i < n; i++) /* zero between rows, whatever happened */
        agg->row_listed[agg->row_themes[i]] = 0;
    *n_out = n;
    return st;
}

/* Makes agg->last_day the day of `t`, working out its period label and
 * day number only when the day changes. */
static void set_day(vb_agg *agg, const vb_datetime *t)
{
    if (t->day == agg->last_day.day && t->month == agg->last_day.month &&
        t->year == agg->last_day.year)
        return;
    agg->last_day.year = t->year;
    agg->last_day.month = t->month;
    agg->last_day.day = t->day;
    agg->last_day.days = vb_days_from_civil(t->year, t->month, t->day);
    agg->last_day.label_len = vb_period_label(agg->opts.period, t, agg->last_day.label);
}

vb_status vb_agg_add(vb_agg *agg, const vb_report_row *row, vb_report_issue *issues,
                     size_t *n_issues)
{
    const vb_report_options *o = &agg->opts;
    *n_issues = 0;
    vb_agg_input in;
    memset(&in, 0, sizeof in);
    in.w = 1;
    if (o->score_col != NULL) {
        in.scored = check_score(agg, &row->score, &in.x, issues, n_issues);
        if (in.scored && o->weight_col != NULL)
            in.scored = check_weight(agg, &row->weight, &in.w, issues, n_issues);
    }
    if (o->date_col != NULL) {
        vb_datetime t;
        if (blank(&row->date)) {
            add_issue(issues, n_issues, o->date_col, "missing", NULL);
        } else if (!vb_date_parse(row->date.data, row->date.len, o->date_format, &t)) {
            char what[96];
            if (o->date_format != NULL)
                snprintf(what, sizeof what, "not a date in the form \"%.60s\"", o->date_format);
            else
                snprintf(what, sizeof what, "not an ISO 8601 date");
            add_issue(issues, n_issues, o->date_col, what, &row->date);
            agg->dates_unread++;
            agg->date_guesses =
                vb_date_guesses_narrow(agg->date_guesses, row->date.data, row->date.len);
        } else {
            set_day(agg, &t);
            in.period_len = agg->last_day.label_len;
            in.period = agg->last_day.label;
            /* Quotes are dated, placed in periods and ordered by the
             * date as written, as the record is bucketed: the offset is
             * not applied, so a quote never shows a day of another
             * period than its record's. */
            t.has_tz = false;
            in.has_time = true;
            in.time = vb_datetime_seconds_on(&t, agg->last_day.days);
        }
    }
    if (o->segment_col != NULL) {
        static const char missing[] = "(missing)";
        if (row->segment.data == NULL) agg->segments_absent++;
        size_t s = 0, e = row->segment.data != NULL ? row->segment.len : 0;
        while (s < e && (row->segment.data[s] == ' ' || row->segment.data[s] == '\t'))
            s++;
        while (e > s && (row->segment.data[e - 1] == ' ' || row->segment.data[e - 1] == '\t' ||
                         row->segment.data[e - 1] == '\r'))
            e--;
        in.segment = e > s ? row->segment.data + s : missing;
        in.segment_len = e > s ? e - s : sizeof missing - 1;
        if (as_text(&agg->row_segment, &in.segment, &in.segment_len, true) != VB_OK)
            return VB_ENOMEM;
    }
    vb_field id = row->id, text = row->text;
    if (id.data != NULL && as_text(&agg->row_id, &id.data, &id.len, true) != VB_OK)
        return VB_ENOMEM;
    /* Spans are offsets into the text as given: a repaired copy drops them. */
    const char *given = text.data;
    if (text.data != NULL && !row->text_is_utf8 &&
        as_text(&agg->row_text, &text.data, &text.len, false) != VB_OK)
        return VB_ENOMEM;
    if (resolve_themes(agg, row, &in.n_themes) != VB_OK) return VB_ENOMEM;
    in.themes = agg->row_themes;
    in.sentiment = agg->row_sentiment;
    in.spans = text.data == given ? agg->row_spans : NULL;
    in.n_spans = agg->row_n_spans;
    in.id = &id;
    in.text = &text;
    return vb_agg_add_input(agg, &in);
}

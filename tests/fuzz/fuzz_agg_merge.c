/* fuzz_agg_merge.c: the report state (agg.c, agg_row.c, quotes.c) and
 * its merge, then the report (report*.c) made from it.
 *
 * Input: an options byte (metric, period, segment and weight columns,
 * lower-is-better), a mode byte, then rows. Mode bit 0: the rows are
 * `analyze` JSON lines for vb_agg_add_json(); else each row is read from
 * the bytes (score, date, segment, weight, sentiment, themes with spans,
 * text; values from a table of typical ones or raw bytes). Mode bit 2:
 * scores and weights are read with a decimal comma. Every row goes
 * into `all` and into `a` or `b` (a bit of the input decides); then
 * b is merged into a, and a must hold what `all` holds: the same counts,
 * groups, cells, theme tree and quote lists (exactly), the same sums
 * (up to rounding), and the same state text (vb_agg_write_state() is
 * canonical and exact), which reads back to itself. Both are then
 * rendered in every format, and the JSON rendering must parse. */
#include "fuzz_common.h"

#include "agg.h"
#include "report.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <math.h>

static const char *pick(fuzz_in *in, const char *const *table, size_t n, size_t max_raw,
                        size_t *len, char *raw)
{
    const uint8_t b = fuzz_u8(in);
    if (b < 0xC0) {
        const char *s = table[b % n];
        *len = s != NULL ? strlen(s) : 0;
        return s;
    }
    const uint8_t *p;
    *len = fuzz_bytes(in, max_raw, &p);
    memcpy(raw, p, *len);
    return raw;
}

static bool near(double x, double y)
{
    if (isnan(x) || isnan(y)) return isnan(x) && isnan(y);
    return fabs(x - y) <= 1e-6 * (1.0 + fabs(x) + fabs(y));
}

static void same_moments(const vb_moments *x, const vb_moments *y)
{
    FUZZ_CHECK(x->n == y->n);
    FUZZ_CHECK(near(x->sw, y->sw) && near(x->sw2, y->sw2));
    FUZZ_CHECK(near(x->swx, y->swx) && near(x->swx2, y->swx2));
}

/* Index in `agg` of the theme with the id of theme `t` of `other`. */
static size_t theme_of(const vb_agg *agg, const vb_agg *other, size_t t)
{
    for (size_t i = 0; i < agg->n_themes; i++)
        if (strcmp(agg->themes[i].id, other->themes[t].id) == 0) return i;
    FUZZ_CHECK(!"theme missing after merge");
    return 0;
}

static void same_group(const vb_agg *m, const vb_agg_group *gm, const vb_agg *o,
                       const vb_agg_group *go)
{
    FUZZ_CHECK(gm->records == go->records);
    same_moments(&gm->score, &go->score);
    FUZZ_CHECK(near(gm->none_w, go->none_w) && near(gm->none_wx, go->none_wx));
    for (size_t t = 0; t < o->n_themes; t++) {
        const vb_agg_cell *cm = vb_agg_cell_of(gm, theme_of(m, o, t));
        const vb_agg_cell *co = vb_agg_cell_of(go, t);
        FUZZ_CHECK(cm->mentions == co->mentions);
        FUZZ_CHECK(cm->sent_sum == co->sent_sum);
        same_moments(&cm->score, &co->score);
        FUZZ_CHECK(near(cm->fw, co->fw) && near(cm->fwx, co->fwx));
        FUZZ_CHECK(near(cm->ow, co->ow) && near(cm->owx, co->owx));
    }
}

static void same_groups(const vb_agg *m, const vb_agg_groups *gm, const vb_agg *o,
                        const vb_agg_groups *go)
{
    FUZZ_CHECK(gm->n == go->n);
    for (size_t i = 0; i < go->n; i++) {
        const vb_agg_group *g = go->items[i];
        const vb_agg_group *f = vb_agg_find(gm, g->key, g->key_len);
        FUZZ_CHECK(f != NULL);
        same_group(m, f, o, g);
    }
}

static void same_quotes(const vb_quote_list *x, const vb_quote_list *y)
{
    FUZZ_CHECK(x->n == y->n);
    for (size_t i = 0; i < x->n; i++) {
        const vb_quote *p = vb_quote_list_at(x, i), *q = vb_quote_list_at(y, i);
        FUZZ_CHECK(p->len == q->len && memcmp(p->text, q->text, p->len) == 0);
        FUZZ_CHECK(p->id_len == q->id_len && memcmp(p->id, q->id, p->id_len) == 0);
        FUZZ_CHECK(p->sentiment == q->sentiment && p->key == q->key);
        FUZZ_CHECK(p->n_spans == q->n_spans);
    }
}

static void same_agg(const vb_agg *m, const vb_agg *o)
{
    /* The cached doubles first, as vb_report_new() would. */
    vb_agg_refresh((vb_agg *)m);
    vb_agg_refresh((vb_agg *)o);
    size_t r1, s1, d1, r2, s2, d2;
    vb_agg_counts(m, &r1, &s1, &d1);
    vb_agg_counts(o, &r2, &s2, &d2);
    FUZZ_CHECK(r1 == r2 && s1 == s2 && d1 == d2);
    FUZZ_CHECK(m->n_themes == o->n_themes);
    for (size_t t = 0; t < o->n_themes; t++) {
        const size_t mt = theme_of(m, o, t);
        const int32_t po = o->themes[t].parent, pm = m->themes[mt].parent;
        FUZZ_CHECK((po < 0) == (pm < 0));
        if (po >= 0) FUZZ_CHECK(strcmp(m->themes[pm].id, o->themes[po].id) == 0);
        same_quotes(&m->themes[mt].pos, &o->themes[t].pos);
        same_quotes(&m->themes[mt].neg, &o->themes[t].neg);
        for (size_t u = 0; u < o->n_themes; u++)
            FUZZ_CHECK(near(vb_agg_sxx(m, mt, theme_of(m, o, u)), vb_agg_sxx(o, t, u)));
    }
    same_group(m, &m->overall, o, &o->overall);
    same_groups(m, &m->periods, o, &o->periods);
    same_groups(m, &m->segments, o, &o->segments);
}

static vb_status to_str(const char *data, size_t len, void *ctx)
{
    fuzz_put(ctx, data, len);
    return VB_OK;
}

/* The state text of `agg`, checked to read back to the same text. */
static void state_of(const vb_agg *agg, fuzz_str *out)
{
    FUZZ_CHECK(vb_agg_write_state(agg, to_str, out) == VB_OK);
    vb_error err = {0};
    vb_agg *back = vb_agg_read_state(out->p, out->len, NULL, &err);
    if (back == NULL)
        fprintf(stderr, "state does not read back: line %zu: %s\n%s\n", err.line, err.message,
                out->p);
    FUZZ_CHECK(back != NULL);
    fuzz_str again = {0};
    FUZZ_CHECK(vb_agg_write_state(back, to_str, &again) == VB_OK);
    FUZZ_CHECK(again.len == out->len && memcmp(again.p, out->p, out->len) == 0);
    fuzz_str_free(&again);
    vb_agg_free(back);
}

static void render_all(vb_agg *agg, bool utf8_in)
{
    vb_error err = {0};
    vb_report *rep = vb_report_new(agg, &err);
    if (rep == NULL) {
        FUZZ_CHECK(err.code == VB_EINVAL && err.message[0] != '\0');
        return;
    }
    static const vb_report_format formats[] = {VB_REPORT_JSON, VB_REPORT_CSV, VB_REPORT_MD,
                                               VB_REPORT_TABLE};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        const char *out = NULL;
        size_t len = 0;
        FUZZ_CHECK(vb_report_render(rep, formats[i], NULL, 0, &out, &len) == VB_OK);
        FUZZ_CHECK(out != NULL && out[len] == '\0');
        /* Rows of valid UTF-8 make reports of valid UTF-8. */
        if (utf8_in && vb_utf8_valid_len(out, len) != len) {
            const size_t at = vb_utf8_valid_len(out, len);
            fprintf(stderr, "format %d: invalid UTF-8 at byte %zu of %zu: %.*s\n", (int)formats[i],
                    at, len, (int)(len - at < 60 ? len - at : 60), out + (at > 20 ? at - 20 : 0));
            FUZZ_CHECK(!"a report of valid rows is not valid UTF-8");
        }
        if (formats[i] == VB_REPORT_JSON) {
            cJSON *doc = cJSON_ParseWithLength(out, len);
            if (doc == NULL) fprintf(stderr, "report JSON does not parse:\n%s\n", out);
            FUZZ_CHECK(doc != NULL);
            cJSON_Delete(doc);
        }
    }
    vb_report_free(rep);
}

/* The fixed themes rows may mention: id, label, parent id. */
static const char *const theme_ids[][3] = {
    {"delivery", "Delivery", NULL},
    {"delivery.late", "Late delivery", "delivery"},
    {"staff", NULL, NULL},
    {"staff.rude", "Rude staff", "staff"},
    {"food.cold", "Cold food", NULL},
    {"price", "Price \"=1+1\"", NULL},
};
#define N_THEMES (sizeof theme_ids / sizeof *theme_ids)

static void add_rows(vb_agg *all, vb_agg *a, vb_agg *b, fuzz_in *in, bool *utf8_in)
{
    static const char *const scores[] = {"10",  "9", "0",   "6",   "7",  "5",   "3.5", "-1",
                                         "abc", "",  " 8 ", "1e3", NULL, "100", "4",   "3,5"};
    static const char *const dates[] = {
        "2026-01-05", "2026-03-31T10:00:00Z",      "2025-12-29", "2026-W01-1", "bad",
        NULL,         "2026-01-05 23:59:59 +1400", "2024-02-29", "2026-02-01"};
    static const char *const segments[] = {"north", "south", "", "=cmd", NULL, "North"};
    static const char *const weights[] = {"1", "2.5", "0", "-1", NULL, "1e308", "0.001", "2,5"};
    size_t row_no = 0;
    while (in->n > 0 && row_no < 200) {
        char raw[4][64], id[32];
        vb_report_row row;
        memset(&row, 0, sizeof row);
        const uint8_t where = fuzz_u8(in);
        row.score.data =
            pick(in, scores, sizeof scores / sizeof *scores, 8, &row.score.len, raw[0]);
        row.date.data = pick(in, dates, sizeof dates / sizeof *dates, 30, &row.date.len, raw[1]);
        row.segment.data =
            pick(in, segments, sizeof segments / sizeof *segments, 10, &row.segment.len, raw[2]);
        row.weight.data =
            pick(in, weights, sizeof weights / sizeof *weights, 8, &row.weight.len, raw[3]);
        row.sentiment = (int8_t)fuzz_u8(in) / 127.0;
        const uint8_t *text;
        row.text.len = fuzz_bytes(in, 60, &text);
        row.text.data = (const char *)text;
        snprintf(id, sizeof id, "r%zu", row_no++);
        row.id.data = id;
        row.id.len = strlen(id);
        vb_report_theme themes[N_THEMES];
        vb_range spans[N_THEMES][2];
        const uint8_t mask = fuzz_u8(in);
        size_t n = 0;
        for (size_t t = 0; t < N_THEMES; t++) {
            if (!(mask & (1u << t))) continue;
            vb_report_theme *th = &themes[n++];
            th->id = theme_ids[t][0];
            th->label = theme_ids[t][1];
            th->parent = theme_ids[t][2];
            th->sentiment = (int8_t)fuzz_u8(in) / 127.0;
            const uint8_t ns = fuzz_u8(in) % 3;
            for (size_t k = 0; k < ns; k++) {
                size_t s = row.text.len > 0 ? fuzz_u8(in) % (row.text.len + 1) : 0;
                size_t e = s + fuzz_u8(in) % 8;
                spans[t][k].start = s;
                spans[t][k].end = e <= row.text.len ? e : row.text.len;
            }
            th->spans = ns > 0 ? spans[t] : NULL;
            th->n_spans = ns;
        }
        row.themes = themes;
        row.n_themes = n;
        const vb_field *values[] = {&row.score, &row.date, &row.segment, &row.weight, &row.text};
        for (size_t i = 0; i < 5; i++)
            if (values[i]->data != NULL &&
                vb_utf8_valid_len(values[i]->data, values[i]->len) != values[i]->len)
                *utf8_in = false;
        vb_report_issue issues[VB_REPORT_MAX_ISSUES];
        size_t n_issues = 0;
        FUZZ_CHECK(vb_agg_add(all, &row, issues, &n_issues) == VB_OK);
        FUZZ_CHECK(n_issues <= VB_REPORT_MAX_ISSUES);
        for (size_t i = 0; i < n_issues; i++)
            FUZZ_CHECK(issues[i].field != NULL && strlen(issues[i].message) < 200);
        n_issues = 0;
        FUZZ_CHECK(vb_agg_add((where & 1) ? a : b, &row, issues, &n_issues) == VB_OK);
    }
}

static void add_lines(vb_agg *all, vb_agg *a, vb_agg *b, const uint8_t *data, size_t size)
{
    size_t pos = 0, i = 0;
    while (pos < size) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        const size_t len = nl != NULL ? (size_t)(nl - (data + pos)) : size - pos;
        char *line = malloc(len > 0 ? len : 1);
        FUZZ_CHECK(line != NULL);
        memcpy(line, data + pos, len);
        vb_report_issue issues[VB_REPORT_MAX_ISSUES];
        size_t n_issues = 0;
        const vb_status st = vb_agg_add_json(all, line, len, NULL, issues, &n_issues);
        FUZZ_CHECK(st == VB_OK || st == VB_EPARSE);
        if (st == VB_EPARSE) FUZZ_CHECK(n_issues >= 1 && issues[0].message[0] != '\0');
        n_issues = 0;
        vb_agg *half = (fuzz_seed((const uint8_t *)line, len) & 1) ? a : b;
        FUZZ_CHECK(vb_agg_add_json(half, line, len, NULL, issues, &n_issues) == st);
        free(line);
        pos += len + 1;
        i++;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    const uint8_t opt = data[0], mode = data[1];
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = (vb_metric)(opt & 3);
    o.period = (vb_period)(1 + (opt >> 2) % 5);
    o.score_col = "score";
    o.date_col = "date";
    o.segment_col = (opt & 32) ? "region" : NULL;
    o.weight_col = (opt & 64) ? "weight" : NULL;
    /* NPS and CSAT are refused with it: higher is better by definition. */
    o.lower_is_better = (opt & 128) && (o.metric == VB_METRIC_CES || o.metric == VB_METRIC_MEAN);
    o.min_n = 2;
    o.decimal_mark = (mode & 4) ? ',' : '.';
    vb_error err = {0};
    vb_agg *all = vb_agg_new(&o, &err), *a = vb_agg_new(&o, &err), *b = vb_agg_new(&o, &err);
    FUZZ_CHECK(all != NULL && a != NULL && b != NULL);

    /* The CLI passes repaired UTF-8 (pipeline.c) to vb_agg_add() and
     * vb_agg_add_json() repairs its lines: either way the report must be
     * valid UTF-8. Raw rows of other bytes are only checked for safety. */
    bool utf8_in = true;
    if (mode & 1) {
        add_lines(all, a, b, data + 2, size - 2);
    } else {
        fuzz_in in = {data + 2, size - 2};
        add_rows(all, a, b, &in, &utf8_in);
    }
    /* A theme given two labels (or parents) in the input makes states
     * that must not be merged: the label kept would depend on the split. */
    if (vb_agg_compatible(a, b, &err) != VB_OK) {
        FUZZ_CHECK(err.code == VB_EINVAL && err.message[0] != '\0');
        render_all(all, utf8_in);
        vb_agg_free(all);
        vb_agg_free(a);
        vb_agg_free(b);
        return 0;
    }
    FUZZ_CHECK(vb_agg_merge(a, b) == VB_OK);
    same_agg(a, all);
    fuzz_str sa = {0}, sall = {0};
    state_of(a, &sa);
    state_of(all, &sall);
    if (sa.len != sall.len || memcmp(sa.p, sall.p, sa.len) != 0) {
        fprintf(stderr, "merged:\n%s\none pass:\n%s\n", sa.p, sall.p);
        FUZZ_CHECK(!"merged state differs from one pass");
    }
    fuzz_str_free(&sa);
    fuzz_str_free(&sall);
    render_all(all, utf8_in);
    if (mode & 2) render_all(a, utf8_in);
    vb_agg_free(all);
    vb_agg_free(a);
    vb_agg_free(b);
    return 0;
}

/* Tests for the state (agg_state_write.c, agg_state_read.c,
 * agg_compatible.c) and xsum.c: exact sums in any order, the state
 * written and read back with every figure equal (and a tripwire for
 * fields added to the agg without being written), merges of shards equal
 * to one pass byte for byte in any order, option mismatches, malformed
 * and truncated input, and every out-of-memory path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg.h"
#include "quotes.h"
#include "report.h"
#include "report_rows.h"
#include "test_alloc.h"
#include "xsum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Helpers ------------------------------------------------------------------ */

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

typedef struct text_out {
    char *data;
    size_t len, cap;
    size_t fail_after; /* chunks accepted before VB_EIO; SIZE_MAX = never */
} text_out;

static vb_status collect(const char *data, size_t len, void *ctx)
{
    text_out *t = ctx;
    if (t->fail_after == 0) return VB_EIO;
    if (t->fail_after != SIZE_MAX) t->fail_after--;
    if (t->len + len + 1 > t->cap) {
        t->cap = (t->len + len + 1) * 2;
        t->data = realloc(t->data, t->cap);
        assert_non_null(t->data);
    }
    memcpy(t->data + t->len, data, len);
    t->len += len;
    t->data[t->len] = '\0';
    return VB_OK;
}

/* The state of `agg`, malloc'd, NUL-terminated. */
static char *state_of(const vb_agg *agg, size_t *len)
{
    text_out t = {NULL, 0, 0, SIZE_MAX};
    assert_int_equal(vb_agg_write_state(agg, collect, &t), VB_OK);
    assert_non_null(t.data);
    if (len != NULL) *len = t.len;
    return t.data;
}

static vb_agg *read_back(const char *text, const vb_report_options *o)
{
    vb_error err;
    vb_agg *agg = vb_agg_read_state(text, strlen(text), o, &err);
    if (agg == NULL) fail_msg("line %zu: %s", err.line, err.message);
    return agg;
}

static char *render(vb_agg *agg, vb_report_format format)
{
    vb_error err;
    vb_report *rep = vb_report_new(agg, &err);
    if (rep == NULL) fail_msg("%s", err.message);
    const char *text;
    size_t len;
    assert_int_equal(vb_report_render(rep, format, NULL, 0, &text, &len), VB_OK);
    char *copy = strdup(text);
    vb_report_free(rep);
    return copy;
}

static vb_report_options options(vb_metric metric, bool weighted)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = metric;
    o.score_col = "score";
    o.date_col = "date";
    o.segment_col = "region";
    o.weight_col = weighted ? "w" : NULL;
    o.min_n = 5;
    return o;
}

/* A reproducible respondent: fractional weights and (mean) scores, a
 * theme tree three deep, texts that repeat and differ, a few bad fields. */
static trow random_row(uint64_t *s, char buf[128], vb_metric metric)
{
    static const char *const themes[] = {"",        "a",     "a.x",   "b",       "a.y,b",
                                         "c,b.x",   "c",     "a.x,c", "d.e.f,a", "b.x,b.y,a.x",
                                         "e",       "d.e.f"};
    static const char *const texts[] = {
        "late again",          "Great app!",         "late again!!",
        "never again",         "so slow",            "lovely staff, fast and kind",
        "",                    "the x was broken",   "y y y",
        "tabs\tand \"quotes\"", "caf\xC3\xA9 f\xC3\xA9" "e",
        "a long one: the delivery was late and the app kept logging me out, which "
        "is the third time this month; the staff were kind but could not fix it, "
        "and I had to call twice before anyone told me what was going on with the "
        "order, which arrived damaged anyway. Not again, honestly, never again."};
    static const char *const regions[] = {"North", "South", "East", " East ", ""};
    const uint64_t r = next_random(s);
    char *score = buf, *date = buf + 16, *weight = buf + 48, *id = buf + 80;
    if (metric == VB_METRIC_MEAN)
        snprintf(score, 16, "%d.%d", (int)(r % 11), (int)((r >> 4) % 10));
    else
        snprintf(score, 16, "%d", (int)(r % 12) - (r % 97 == 0)); /* 11 and -1: rejected */
    if ((r >> 8) % 50 == 0)
        snprintf(date, 32, "not a date");
    else
        snprintf(date, 32, "2026-%02d-%02dT%02d:00:00", (int)((r >> 8) % 6) + 1,
                 (int)((r >> 12) % 28) + 1, (int)((r >> 20) % 24));
    snprintf(weight, 32, "%d.%02d", (int)((r >> 24) % 3), (int)((r >> 26) % 100));
    snprintf(id, 32, "R%llu", (unsigned long long)(r % 100000));
    trow t = {score,
              date,
              regions[(r >> 30) % 5],
              weight,
              themes[(r >> 33) % 12],
              texts[(r >> 37) % 12],
              ((double)((r >> 41) % 201) - 100) / 100,
              id};
    return t;
}

static void add_rows(vb_agg **aggs, size_t n_aggs, uint64_t seed, size_t n, vb_metric metric)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        trow r = random_row(&s, buf, metric);
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n_issues;
        assert_int_equal(trow_add(aggs[i % n_aggs], &r, is, &n_issues), VB_OK);
    }
}

/* ---- Exact sums ----------------------------------------------------------------- */

static void test_xsum_exact_in_any_order(void **state)
{
    (void)state;
    enum { N = 2000 };
    double terms[N];
    uint64_t s = 7;
    for (size_t i = 0; i < N; i++) {
        const uint64_t r = next_random(&s);
        const double w = (double)(r % 1000) / 100 + 0.01;
        const int k = (int)((r >> 10) % 7) + 1;
        terms[i] = (r >> 20) % 3 == 0 ? -w * 100 / k : w / k;
    }
    vb_xsum fwd = {{0, 0, 0}}, back = {{0, 0, 0}}, halves = {{0, 0, 0}}, h2 = {{0, 0, 0}};
    double naive_fwd = 0, naive_back = 0;
    for (size_t i = 0; i < N; i++) {
        vb_xsum_add(&fwd, terms[i]);
        vb_xsum_add(&back, terms[N - 1 - i]);
        vb_xsum_add(i % 2 ? &halves : &h2, terms[i]);
        naive_fwd += terms[i];
        naive_back += terms[N - 1 - i];
    }
    vb_xsum_merge(&halves, &h2);
    assert_true(vb_xsum_equal(&fwd, &back));
    assert_true(vb_xsum_equal(&fwd, &halves));
    /* the doubles do depend on the order: that is what this is for */
    assert_true(naive_fwd != naive_back);
    assert_true(fabs(vb_xsum_value(&fwd) - naive_fwd) < 1e-9 * fabs(naive_fwd));

    /* whole numbers are exact, and values are correctly rounded */
    vb_xsum x = {{0, 0, 0}};
    for (int i = 0; i < 3; i++)
        vb_xsum_add(&x, 1.0 / 3);
    assert_true(vb_xsum_value(&x) == 1.0);
    vb_xsum big = {{0, 0, 0}};
    vb_xsum_add(&big, 0x1p53);
    vb_xsum_add(&big, 1);
    assert_true(vb_xsum_value(&big) == 0x1p53);     /* tie to even */
    vb_xsum_add(&big, 0x1p-60);                      /* just above the tie */
    assert_true(vb_xsum_value(&big) == 0x1p53 + 2); /* rounds up */
    vb_xsum neg = {{0, 0, 0}};
    vb_xsum_add(&neg, -2.5);
    vb_xsum_add(&neg, 0.25);
    assert_true(vb_xsum_value(&neg) == -2.25);
    vb_xsum tiny = {{0, 0, 0}};
    vb_xsum_add(&tiny, 0x1p-66); /* below half a unit */
    vb_xsum_add(&tiny, 1e-300);
    vb_xsum_add(&tiny, NAN);
    assert_true(vb_xsum_is_zero(&tiny));
    vb_xsum_add(&tiny, 0x1p-64);
    assert_true(vb_xsum_value(&tiny) == 0x1p-64);

    /* saturation, not wrap-around */
    vb_xsum sat = {{0, 0, 0}};
    for (int i = 0; i < 4; i++)
        vb_xsum_add(&sat, INFINITY);
    assert_true(vb_xsum_value(&sat) > 1e38);
    vb_xsum_add(&sat, 1e30);
    assert_true(vb_xsum_value(&sat) > 1e38);
    vb_xsum low = {{0, 0, 0}};
    for (int i = 0; i < 4; i++)
        vb_xsum_add(&low, -1e38);
    assert_true(vb_xsum_value(&low) < -1e38);
}

/* Merging carries across every limb and saturates like adding: sums of
 * random terms split in two and merged hold the bits of one sum. */
static void test_xsum_merge_carries(void **state)
{
    (void)state;
    uint64_t s = 11;
    for (int round = 0; round < 200; round++) {
        vb_xsum one = {{0, 0, 0}}, a = {{0, 0, 0}}, b = {{0, 0, 0}};
        for (int i = 0; i < 50; i++) {
            const uint64_t r = next_random(&s);
            /* fractions, whole numbers and magnitudes up to 2^100, both signs */
            double v = ldexp((double)(r >> 11), (int)((r >> 3) % 110) - 60);
            if (r & 1) v = -v;
            vb_xsum_add(&one, v);
            vb_xsum_add((r >> 2) & 1 ? &a : &b, v);
        }
        vb_xsum ab = a;
        vb_xsum_merge(&ab, &b);
        vb_xsum_merge(&b, &a);
        assert_true(vb_xsum_equal(&ab, &one));
        assert_true(vb_xsum_equal(&b, &one));
    }
    /* a carry out of the fraction and the low integer limb at once */
    vb_xsum x = {{UINT64_MAX, UINT64_MAX, 0}}, unit = {{1, 0, 0}};
    vb_xsum_merge(&x, &unit);
    assert_true(x.limb[0] == 0 && x.limb[1] == 0 && x.limb[2] == 1);
    /* -1 unit + 1 unit = 0 */
    vb_xsum m = {{UINT64_MAX, UINT64_MAX, UINT64_MAX}};
    vb_xsum_merge(&m, &unit);
    assert_true(vb_xsum_is_zero(&m));
    /* past the top either way: saturated, not wrapped */
    vb_xsum hi = {{0, 0, 0}}, lo = {{0, 0, 0}};
    vb_xsum_add(&hi, 0x1p126);
    vb_xsum_add(&lo, -0x1p126);
    vb_xsum hi2 = hi, lo2 = lo;
    vb_xsum_merge(&hi, &hi2);
    vb_xsum_merge(&hi, &hi2);
    assert_true(vb_xsum_value(&hi) > 1e38);
    vb_xsum_merge(&lo, &lo2);
    vb_xsum_merge(&lo, &lo2);
    assert_true(vb_xsum_value(&lo) < -1e38);
}

static void test_xsum_text(void **state)
{
    (void)state;
    const double values[] = {0, 1, -1, 0.5, 1.0 / 3, -1234.5678, 3e20, -0x1p-64, 1e37};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        vb_xsum x = {{0, 0, 0}}, y;
        vb_xsum_add(&x, values[i]);
        vb_xsum_add(&x, values[i] / 7);
        char text[VB_XSUM_TEXT_MAX];
        const size_t n = vb_xsum_format(&x, text);
        assert_int_equal(n, strlen(text));
        assert_true(vb_xsum_parse(text, n, &y));
        assert_true(vb_xsum_equal(&x, &y));
    }
    vb_xsum x = {{0, 0, 0}};
    char text[VB_XSUM_TEXT_MAX];
    vb_xsum_add(&x, -31.5);
    vb_xsum_format(&x, text);
    assert_string_equal(text, "-0x1f.8");
    static const char *const bad[] = {"", "0x", "-", "1", "0x.8", "0x1.", "0xG", "0X1", "0x1 ",
                                      "0x80000000000000000000000000000000",
                                      "0x1.00000000000000001", "0x1p3", "+0x1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(vb_xsum_parse(bad[i], strlen(bad[i]), &x));
    assert_true(vb_xsum_parse("0x7fffffffffffffffffffffffffffffff.ffffffffffffffff", 51, &x));
}

/* ---- Round trip ------------------------------------------------------------------- */

static const vb_agg_theme *theme_by_id(const vb_agg *agg, const char *id, size_t *index)
{
    uint32_t t;
    if (!vb_agg_theme_find(agg, id, &t)) fail_msg("theme %s missing", id);
    *index = t;
    return &agg->themes[t];
}

/* Whole structs compared with their pointers blanked: a field added to
 * one of them and not written in the state fails here. */
static void same_cell(const vb_agg_cell *a, const vb_agg_cell *b)
{
    assert_memory_equal(a, b, sizeof *a);
}

static void same_quote(const vb_quote *a, const vb_quote *b)
{
    vb_quote x, y;
    memcpy(&x, a, sizeof x);
    memcpy(&y, b, sizeof y);
    assert_memory_equal(a->text, b->text, a->len);
    assert_memory_equal(a->id, b->id, a->id_len);
    assert_true((a->segment == NULL) == (b->segment == NULL));
    if (a->segment != NULL) assert_memory_equal(a->segment, b->segment, a->segment_len);
    x.text = y.text = NULL;
    x.id = y.id = NULL;
    x.segment = y.segment = NULL;
    assert_memory_equal(&x, &y, sizeof x);
}

static void same_group(const vb_agg *a, const vb_agg_group *ga, const vb_agg *b,
                       const vb_agg_group *gb)
{
    vb_agg_group x, y;
    memcpy(&x, ga, sizeof x);
    memcpy(&y, gb, sizeof y);
    x.key = y.key = NULL;
    x.cells = y.cells = NULL;
    x.cells_block = y.cells_block = NULL;
    x.n_cells = y.n_cells = 0;
    assert_memory_equal(&x, &y, sizeof x);
    assert_int_equal(ga->key_len, gb->key_len);
    if (ga->key_len > 0) assert_memory_equal(ga->key, gb->key, ga->key_len);
    for (size_t t = 0; t < a->n_themes; t++) {
        size_t u;
        theme_by_id(b, a->themes[t].id, &u);
        same_cell(vb_agg_cell_of(ga, t), vb_agg_cell_of(gb, u));
    }
}

static void same_groups(const vb_agg *a, const vb_agg_groups *ga, const vb_agg *b,
                        const vb_agg_groups *gb)
{
    assert_int_equal(ga->n, gb->n);
    for (size_t i = 0; i < ga->n; i++) {
        const vb_agg_group *g = ga->items[i];
        const vb_agg_group *h = vb_agg_find(gb, g->key, g->key_len);
        assert_non_null(h);
        same_group(a, g, b, h);
    }
}

static bool same_cstring(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Every figure of `a` equals the one of `b` (themes matched by id). */
static void assert_same_agg(vb_agg *a, vb_agg *b)
{
    /* The rounded doubles are compared too: bring both up to date. */
    vb_agg_refresh(a);
    vb_agg_refresh(b);
    /* The options that aggregate; the rest belongs to the report. */
    assert_int_equal(a->opts.metric, b->opts.metric);
    assert_true(a->opts.scale_min == b->opts.scale_min && a->opts.scale_max == b->opts.scale_max);
    assert_int_equal(a->opts.top_box, b->opts.top_box);
    assert_int_equal(a->opts.lower_is_better, b->opts.lower_is_better);
    assert_int_equal(a->opts.period, b->opts.period);
    assert_true(same_cstring(a->opts.score_col, b->opts.score_col));
    assert_true(same_cstring(a->opts.date_col, b->opts.date_col));
    assert_true(same_cstring(a->opts.segment_col, b->opts.segment_col));
    assert_true(same_cstring(a->opts.weight_col, b->opts.weight_col));
    assert_memory_equal(&a->metric, &b->metric, sizeof a->metric);
    assert_int_equal(a->scores_rejected, b->scores_rejected);
    assert_int_equal(a->dates_rejected, b->dates_rejected);
    assert_int_equal(a->records_rejected, b->records_rejected);
    assert_int_equal(a->taxonomy_known, b->taxonomy_known);
    assert_true(a->taxonomy == b->taxonomy);

    assert_int_equal(a->n_themes, b->n_themes);
    for (size_t t = 0; t < a->n_themes; t++) {
        const vb_agg_theme *ta = &a->themes[t];
        size_t u;
        const vb_agg_theme *tb = theme_by_id(b, ta->id, &u);
        assert_true(same_cstring(ta->label, tb->label));
        assert_true(ta->parent < 0 ? tb->parent < 0
                                   : strcmp(a->themes[ta->parent].id, b->themes[tb->parent].id) == 0);
        assert_int_equal(ta->pos.n, tb->pos.n);
        assert_int_equal(ta->neg.n, tb->neg.n);
        for (size_t i = 0; i < ta->pos.n; i++)
            same_quote(vb_quote_list_at(&ta->pos, i), vb_quote_list_at(&tb->pos, i));
        for (size_t i = 0; i < ta->neg.n; i++)
            same_quote(vb_quote_list_at(&ta->neg, i), vb_quote_list_at(&tb->neg, i));
        for (size_t s = 0; s < a->n_themes; s++) {
            size_t v;
            theme_by_id(b, a->themes[s].id, &v);
            vb_xsum xa, xb;
            vb_agg_sxx_exact(a, t, s, &xa);
            vb_agg_sxx_exact(b, u, v, &xb);
            assert_true(vb_xsum_equal(&xa, &xb));
        }
    }
    same_group(a, &a->overall, b, &b->overall);
    same_groups(a, &a->periods, b, &b->periods);
    same_groups(a, &a->segments, b, &b->segments);
}

/* The tripwire: these are the structs the state writes. A new field
 * changes their size: write it in agg_state_write.c (and read it back in
 * agg_state_read.c), check it in assert_same_agg() if it holds pointers,
 * then update the size here. */
static void test_every_field_is_written(void **state)
{
    (void)state;
    if (sizeof(void *) != 8) skip();
    assert_int_equal(sizeof(vb_agg_cell), 384);  /* counts, sums: all written */
    assert_int_equal(sizeof(vb_agg_group), 280); /* key, counts, sums, cells */
    assert_int_equal(sizeof(vb_agg_theme), 4136); /* lists: quotes; their `last` rank is derived */
    assert_int_equal(sizeof(vb_quote), 160);
    assert_int_equal(sizeof(vb_agg), 9344); /* opts, metric, themes, groups, sxx,
                                              rejected counts, taxonomy; the rest is scratch,
                                              memos (groups' `last`, shares, the
                                              last day), combos, which the writer
                                              adds in, and segments_absent, which
                                              checks this run's column name only */
}

static void test_round_trip(void **state)
{
    (void)state;
    const vb_metric metrics[] = {VB_METRIC_NPS, VB_METRIC_MEAN, VB_METRIC_CSAT};
    for (size_t m = 0; m < 3; m++) {
        for (int weighted = 0; weighted < 2; weighted++) {
            vb_report_options o = options(metrics[m], weighted);
            if (metrics[m] == VB_METRIC_CSAT) {
                o.scale_min = 0;
                o.scale_max = 10;
                o.top_box = 3;
            }
            /* ces and mean only: NPS and CSAT are higher-is-better */
            if (metrics[m] == VB_METRIC_MEAN) o.lower_is_better = true;
            vb_agg *agg = vb_agg_new(&o, NULL);
            assert_non_null(agg);
            add_rows(&agg, 1, 11 + m, 1500, metrics[m]);
            size_t len;
            char *text = state_of(agg, &len);
            vb_agg *back = read_back(text, &o);
            assert_same_agg(agg, back);
            assert_same_agg(back, agg);
            /* written again: the same bytes */
            char *again = state_of(back, NULL);
            assert_string_equal(text, again);
            /* and the same report */
            char *r1 = render(agg, VB_REPORT_JSON), *r2 = render(back, VB_REPORT_JSON);
            assert_string_equal(r1, r2);
            free(r1);
            free(r2);
            free(again);
            free(text);
            vb_agg_free(back);
            vb_agg_free(agg);
        }
    }
}

static void test_round_trip_edges(void **state)
{
    (void)state;
    /* empty, and no columns at all */
    vb_report_options o;
    vb_report_options_init(&o);
    vb_agg *agg = vb_agg_new(&o, NULL);
    char *text = state_of(agg, NULL);
    vb_agg *back = read_back(text, &o);
    assert_same_agg(agg, back);
    assert_null(back->opts.score_col);
    free(text);
    vb_agg_free(back);

    /* odd bytes in every string, an explicit parent that is not the
     * prefix, a dotted id without a parent */
    vb_report_options oo = options(VB_METRIC_NPS, false);
    oo.segment_col = "seg \"ment\"\n";
    vb_agg *odd = vb_agg_new(&oo, NULL);
    vb_report_theme th[3];
    memset(th, 0, sizeof th);
    th[0].id = "k.z";
    th[0].label = "K \\ \"z\"\t";
    th[0].parent = "other";
    th[0].sentiment = -0.75;
    th[1].id = ".dot";
    th[1].sentiment = 0.3;
    static const char text_bytes[] = "nul\0inside \x01\x7f\xff";
    vb_report_row row;
    memset(&row, 0, sizeof row);
    row.id = (vb_field){"id\0x", 4};
    row.text = (vb_field){text_bytes, sizeof text_bytes - 1};
    row.score = tfield("9");
    row.date = tfield("2026-03-01");
    row.segment = (vb_field){"a\0b", 3};
    row.themes = th;
    row.n_themes = 2;
    vb_report_issue is[VB_REPORT_MAX_ISSUES];
    size_t n;
    assert_int_equal(vb_agg_add(odd, &row, is, &n), VB_OK);
    const trow plain[] = {{"7", "2026-04-02", "x", NULL, "k.z,q", "fine", 0.5, "R2"}};
    assert_int_equal(trows_add(odd, plain, 1), 0);
    text = state_of(odd, NULL);
    size_t len = 0;
    char *t2 = state_of(odd, &len);
    back = vb_agg_read_state(t2, len, &oo, NULL);
    assert_non_null(back);
    assert_same_agg(odd, back);
    assert_string_equal(back->opts.segment_col, "seg \"ment\"\n");
    /* what the report prints is valid UTF-8: the id's and segment's NUL
     * and the text's invalid byte became U+FFFD (the text's NUL stays) */
    assert_non_null(vb_agg_find(&back->segments, "a\xEF\xBF\xBD" "b", 5));
    size_t kz;
    theme_by_id(back, "k.z", &kz);
    assert_int_equal(back->themes[kz].neg.n, 1);
    const vb_quote *oq = vb_quote_list_at(&back->themes[kz].neg, 0);
    assert_memory_equal(oq->id, "id\xEF\xBF\xBDx", 6);
    assert_int_equal(oq->len, sizeof text_bytes - 1 + 2);
    assert_memory_equal(oq->text + oq->len - 3, "\xEF\xBF\xBD", 3);
    assert_non_null(strstr(text, "segment-col \"seg \\\"ment\\\"\\n\""));
    free(text);
    free(t2);
    vb_agg_free(back);
    vb_agg_free(odd);
    vb_agg_free(agg);
}

/* ---- Merges ---------------------------------------------------------------------- */

/* Shards merged in any order, directly or through their states, give the
 * bytes of one pass: the state, and the report in every format. */
static void test_merge_is_one_pass(void **state)
{
    (void)state;
    const vb_metric metrics[] = {VB_METRIC_NPS, VB_METRIC_MEAN};
    for (size_t m = 0; m < 2; m++) {
        vb_report_options o = options(metrics[m], true);
        o.compare_from = "2026-02";
        o.compare_to = "2026-05";
        vb_agg *one = vb_agg_new(&o, NULL), *parts[3];
        for (int p = 0; p < 3; p++)
            parts[p] = vb_agg_new(&o, NULL);
        add_rows(&one, 1, 5, 3000, metrics[m]);
        add_rows(parts, 3, 5, 3000, metrics[m]);
        char *want = state_of(one, NULL);
        char *states[3];
        for (int p = 0; p < 3; p++)
            states[p] = state_of(parts[p], NULL);
        static const int orders[][3] = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}};
        for (size_t k = 0; k < 3; k++) {
            const int *ord = orders[k];
            /* through states: ((a b) c) */
            vb_agg *acc = read_back(states[ord[0]], &o);
            for (int i = 1; i < 3; i++) {
                vb_agg *more = read_back(states[ord[i]], &o);
                assert_int_equal(vb_agg_compatible(acc, more, NULL), VB_OK);
                assert_int_equal(vb_agg_merge(acc, more), VB_OK);
                vb_agg_free(more);
            }
            char *got = state_of(acc, NULL);
            assert_string_equal(want, got);
            const vb_report_format formats[] = {VB_REPORT_JSON, VB_REPORT_MD, VB_REPORT_CSV,
                                                VB_REPORT_TABLE, VB_REPORT_HTML};
            for (size_t f = 0; f < 5; f++) {
                char *r1 = render(one, formats[f]), *r2 = render(acc, formats[f]);
                assert_string_equal(r1, r2);
                free(r1);
                free(r2);
            }
            free(got);
            vb_agg_free(acc);
        }
        /* (a (b c)) in memory: associative */
        vb_agg *bc = read_back(states[1], &o), *c = read_back(states[2], &o);
        vb_agg *a = read_back(states[0], &o);
        assert_int_equal(vb_agg_merge(bc, c), VB_OK);
        assert_int_equal(vb_agg_merge(a, bc), VB_OK);
        assert_same_agg(one, a);
        char *got = state_of(a, NULL);
        assert_string_equal(want, got);
        free(got);
        vb_agg_free(a);
        vb_agg_free(bc);
        vb_agg_free(c);
        for (int p = 0; p < 3; p++) {
            free(states[p]);
            vb_agg_free(parts[p]);
        }
        free(want);
        vb_agg_free(one);
    }
}

/* ---- Mismatches ------------------------------------------------------------------- */

/* A row's cells wait in the combo of its (period, segment) pair until a
 * fold. With days as periods there are many more pairs than combos, so
 * the table fills and is folded again and again; the figures must be
 * those of folding after every row, and the state and a merge in memory
 * must count the combos still waiting. */
static void test_combos_fold_exactly(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, true);
    o.period = VB_PERIOD_DAY;
    vb_agg *one = vb_agg_new(&o, NULL), *each = vb_agg_new(&o, NULL), *parts[2];
    for (int p = 0; p < 2; p++)
        parts[p] = vb_agg_new(&o, NULL);
    add_rows(&one, 1, 9, 4000, VB_METRIC_NPS);
    add_rows(parts, 2, 9, 4000, VB_METRIC_NPS);
    uint64_t s = 9;
    for (size_t i = 0; i < 4000; i++) {
        char buf[128];
        trow r = random_row(&s, buf, VB_METRIC_NPS);
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n_issues;
        assert_int_equal(trow_add(each, &r, is, &n_issues), VB_OK);
        vb_agg_refresh(each);
    }
    assert_true(one->periods.n > VB_AGG_COMBOS);
    assert_true(one->n_combos > 0 && parts[1]->n_combos > 0);
    char *want = state_of(each, NULL), *got = state_of(one, NULL);
    assert_string_equal(want, got);
    assert_int_equal(vb_agg_merge(parts[0], parts[1]), VB_OK);
    char *merged = state_of(parts[0], NULL);
    assert_string_equal(want, merged);
    assert_same_agg(each, one);
    assert_same_agg(each, parts[0]);
    free(want);
    free(got);
    free(merged);
    vb_agg_free(one);
    vb_agg_free(each);
    for (int p = 0; p < 2; p++)
        vb_agg_free(parts[p]);
}

static void test_compatible(void **state)
{
    (void)state;
    const vb_report_options base = options(VB_METRIC_NPS, false);
    vb_agg *a = vb_agg_new(&base, NULL);
    add_rows(&a, 1, 3, 50, VB_METRIC_NPS);
    typedef struct diff {
        vb_report_options o;
        const char *message;
    } diff;
    diff diffs[8];
    size_t n = 0;
    vb_report_options o;
    vb_error err;
    o = base, o.metric = VB_METRIC_CSAT, diffs[n++] = (diff){o, "metric csat vs nps"};
    o = base, o.metric = VB_METRIC_MEAN, o.scale_min = 0, o.scale_max = 5;
    diffs[n++] = (diff){o, "metric mean vs nps"};
    o = base, o.scale_min = 0, o.scale_max = 10; /* NPS's own: the same */
    diffs[n++] = (diff){o, NULL};
    o = base, o.period = VB_PERIOD_WEEK, diffs[n++] = (diff){o, "period week vs month"};
    o = base, o.segment_col = "channel";
    diffs[n++] = (diff){o, "segment column channel vs region"};
    o = base, o.weight_col = "w", diffs[n++] = (diff){o, "weight column w vs (none)"};
    for (size_t i = 0; i < n; i++) {
        vb_agg *b = vb_agg_new(&diffs[i].o, NULL);
        assert_non_null(b);
        if (diffs[i].message == NULL) {
            assert_int_equal(vb_agg_compatible(a, b, &err), VB_OK);
        } else {
            assert_int_equal(vb_agg_compatible(a, b, &err), VB_EINVAL);
            assert_string_equal(err.message, diffs[i].message);
        }
        vb_agg_free(b);
    }
    vb_report_options csat = base;
    csat.metric = VB_METRIC_CSAT;
    vb_agg *c1 = vb_agg_new(&csat, NULL);
    csat.top_box = 1;
    vb_agg *c2 = vb_agg_new(&csat, NULL);
    assert_int_equal(vb_agg_compatible(c1, c2, &err), VB_EINVAL);
    assert_string_equal(err.message, "top box 1 vs 2");
    vb_agg_free(c1);
    vb_agg_free(c2);
    vb_report_options mean = base; /* lower-is-better is for ces and mean only */
    mean.metric = VB_METRIC_MEAN;
    vb_agg *m1 = vb_agg_new(&mean, NULL);
    mean.lower_is_better = true;
    vb_agg *m2 = vb_agg_new(&mean, NULL);
    assert_non_null(m1);
    assert_non_null(m2);
    assert_int_equal(vb_agg_compatible(m1, m2, &err), VB_EINVAL);
    assert_string_equal(err.message, "lower-is-better on vs off");
    vb_agg_free(m1);
    vb_agg_free(m2);

    /* the same theme with another label, or another parent */
    vb_agg *b = vb_agg_new(&base, NULL);
    uint32_t t;
    assert_int_equal(vb_agg_theme_index(a, "lbl", "One", NULL, &t), VB_OK);
    assert_int_equal(vb_agg_theme_index(b, "lbl", "Two", NULL, &t), VB_OK);
    assert_int_equal(vb_agg_compatible(a, b, &err), VB_EINVAL);
    assert_string_equal(err.message,
                        "theme \"lbl\": label \"Two\" vs \"One\" (not the same taxonomy?)");
    vb_agg_free(b);
    b = vb_agg_new(&base, NULL);
    assert_int_equal(vb_agg_theme_index(b, "a.x", NULL, "zz", &t), VB_OK);
    assert_int_equal(vb_agg_compatible(a, b, &err), VB_EINVAL);
    assert_string_equal(err.message, "theme \"a.x\": parent zz vs a (not the same taxonomy?)");
    vb_agg_free(b);
    /* a label on one side only is fine; so is a theme on one side only */
    b = vb_agg_new(&base, NULL);
    assert_int_equal(vb_agg_theme_index(b, "a", "Label", NULL, &t), VB_OK);
    assert_int_equal(vb_agg_theme_index(b, "new", NULL, NULL, &t), VB_OK);
    assert_int_equal(vb_agg_compatible(a, b, &err), VB_OK);
    vb_agg_free(b);
    vb_agg_free(a);
}

/* The taxonomy the themes were found with and the records rejected while
 * reading: written, read back, merged (the counts added, the taxonomy of
 * the shards with records), in any order the bytes of one pass; and two
 * aggs with records and different taxonomies do not match. */
static void test_taxonomy_and_records_rejected(void **state)
{
    (void)state;
    const vb_report_options o = options(VB_METRIC_NPS, true);
    const uint64_t tax = 0x8000000000000001ull, other = 0x00000000000000ffull;
    vb_agg *one = vb_agg_new(&o, NULL), *parts[4];
    for (int p = 0; p < 4; p++)
        parts[p] = vb_agg_new(&o, NULL);
    add_rows(&one, 1, 17, 400, VB_METRIC_NPS);
    add_rows(parts, 2, 17, 400, VB_METRIC_NPS); /* parts 2 and 3 stay empty */
    vb_agg_set_taxonomy(one, tax);
    vb_agg_add_records_rejected(one, 5);
    vb_agg_set_taxonomy(parts[0], tax);
    vb_agg_add_records_rejected(parts[0], 2);
    vb_agg_set_taxonomy(parts[1], tax);
    vb_agg_add_records_rejected(parts[1], 1);
    vb_agg_add_records_rejected(parts[2], 2); /* no records, taxonomy unknown */
    vb_agg_set_taxonomy(parts[3], other);     /* no records, another taxonomy */
    char *want = state_of(one, NULL);
    assert_non_null(strstr(want, "\ntaxonomy 8000000000000001\n"));
    assert_non_null(strstr(want, "\nrecords-rejected 5\n"));
    vb_agg *back = read_back(want, &o);
    assert_same_agg(one, back);
    vb_agg_free(back);
    char *states[4];
    for (int p = 0; p < 4; p++)
        states[p] = state_of(parts[p], NULL);
    assert_non_null(strstr(states[2], "\ntaxonomy -\n"));
    static const int orders[][4] = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {3, 1, 2, 0}};
    for (size_t k = 0; k < 4; k++) {
        vb_agg *acc = read_back(states[orders[k][0]], &o);
        for (int i = 1; i < 4; i++) {
            vb_agg *more = read_back(states[orders[k][i]], &o);
            assert_int_equal(vb_agg_compatible(acc, more, NULL), VB_OK);
            assert_int_equal(vb_agg_merge(acc, more), VB_OK);
            vb_agg_free(more);
        }
        char *got = state_of(acc, NULL);
        assert_string_equal(want, got);
        char *r1 = render(one, VB_REPORT_JSON), *r2 = render(acc, VB_REPORT_JSON);
        assert_string_equal(r1, r2);
        assert_non_null(strstr(r1, "\"records\":400,\"records_rejected\":5,"));
        free(r1);
        free(r2);
        free(got);
        vb_agg_free(acc);
    }
    /* two without records: the same state in either order */
    vb_agg *e1 = read_back(states[2], &o), *e2 = read_back(states[3], &o);
    assert_int_equal(vb_agg_merge(e1, e2), VB_OK);
    vb_agg *f1 = read_back(states[3], &o), *f2 = read_back(states[2], &o);
    assert_int_equal(vb_agg_merge(f1, f2), VB_OK);
    char *t1 = state_of(e1, NULL), *t2 = state_of(f1, NULL);
    assert_string_equal(t1, t2);
    assert_non_null(strstr(t1, "\ntaxonomy 00000000000000ff\n"));
    free(t1);
    free(t2);
    vb_agg_free(e1);
    vb_agg_free(e2);
    vb_agg_free(f1);
    vb_agg_free(f2);

    /* with records on both sides, the taxonomies must be the same */
    vb_error err;
    vb_agg *b = vb_agg_new(&o, NULL);
    add_rows(&b, 1, 19, 20, VB_METRIC_NPS);
    assert_int_equal(vb_agg_compatible(one, b, &err), VB_EINVAL);
    assert_string_equal(err.message, "taxonomy unknown vs 8000000000000001 (one is from analysed "
                                     "records, which do not say their taxonomy)");
    vb_agg_set_taxonomy(b, 0);
    assert_int_equal(vb_agg_compatible(one, b, &err), VB_EINVAL);
    assert_string_equal(err.message,
                        "taxonomy none vs 8000000000000001 (themes found with another taxonomy, "
                        "or none)");
    vb_agg_set_taxonomy(b, other);
    assert_int_equal(vb_agg_compatible(b, one, &err), VB_EINVAL);
    assert_string_equal(err.message,
                        "taxonomy 8000000000000001 vs 00000000000000ff (themes found with another "
                        "taxonomy, or none)");
    vb_agg_set_taxonomy(b, tax);
    assert_int_equal(vb_agg_compatible(one, b, &err), VB_OK);
    assert_int_equal(vb_agg_compatible(one, parts[3], &err), VB_OK); /* no records */
    vb_agg_free(b);
    for (int p = 0; p < 4; p++) {
        free(states[p]);
        vb_agg_free(parts[p]);
    }
    free(want);
    vb_agg_free(one);
}

/* ---- Malformed input ---------------------------------------------------------------- */

static const char good[] = "verbatim-state 3\n"
                           "# a comment\n"
                           "metric nps\n"
                           "scale 0x0p+0 0x0p+0\n"
                           "top-box 2\n"
                           "lower-is-better 0\n"
                           "period month\n"
                           "score-col \"score\"\n"
                           "date-col \"date\"\n"
                           "segment-col -\n"
                           "weight-col -\n"
                           "taxonomy 0123456789abcdef\n"
                           "rejected 1 0\n"
                           "records-rejected 4\n"
                           "themes 2\n"
                           "theme 0 - \"a\" \"A\"\n"
                           "theme 1 0 \"a.b\" -\n"
                           "groups 1 0\n"
                           "group overall \"\" 3 2 2\n"
                           "sums 0x2 0x2 0x64 0x2710 0x0 0x0\n"
                           "cell 0 2 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64\n"
                           "cell 1 1 -5000 1 0x1 0x1 0x0 0x0 0x1 0x0 0x0 0x0\n"
                           "group period \"2026-01\" 3 2 0\n"
                           "sums 0x2 0x2 0x64 0x2710 0x0 0x0\n"
                           "quotes 1 - 1\n"
                           "quote 00000000000000ff 9 -0x1p-1 1767225600 1 0 4 - \"R1\" \"late\\tday\"\n"
                           "drivers 1\n"
                           "sxx 0 0 0x2\n"
                           "end\n";

static void expect_error(const char *text, size_t len, size_t line, const char *message)
{
    vb_error err;
    vb_agg *agg = vb_agg_read_state(text, len, NULL, &err);
    if (agg != NULL) fail_msg("accepted: %.*s", (int)len, text);
    assert_int_equal(err.line, line);
    if (strstr(err.message, message) == NULL)
        fail_msg("line %zu: \"%s\" does not say \"%s\"", err.line, err.message, message);
}

/* `good` with line `line` (1-based) replaced by `with`. */
static void expect_line_error(size_t line, const char *with, size_t err_line, const char *message)
{
    char text[4096];
    size_t n = 0, at = 1;
    for (const char *p = good; *p != '\0'; at++) {
        const char *nl = strchr(p, '\n');
        const size_t len = (size_t)(nl - p) + 1;
        if (at == line)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s\n", with);
        else
            n += (size_t)snprintf(text + n, sizeof text - n, "%.*s", (int)len, p);
        p += len;
    }
    expect_error(text, n, err_line, message);
}

static void test_malformed(void **state)
{
    (void)state;
    vb_agg *agg = read_back(good, NULL);
    assert_int_equal(agg->n_themes, 2);
    assert_int_equal(agg->overall.records, 3);
    assert_true(agg->overall.score.swx2 == 10000);
    assert_true(agg->themes[1].neg.n == 1);
    assert_string_equal(vb_quote_list_at(&agg->themes[1].neg, 0)->text, "late\tday");
    assert_true(vb_agg_sxx(agg, 0, 0) == 2);
    assert_true(agg->taxonomy_known && agg->taxonomy == 0x0123456789abcdefull);
    assert_int_equal(agg->records_rejected, 4);
    vb_agg_free(agg);

    expect_error("", 0, 1, "not a verbatim state");
    expect_error("PK\x03\x04", 4, 1, "not a verbatim state");
    expect_error("verbatim-state 4\n", 17, 1, "state version 4: this build reads version 3");
    expect_error("verbatim-state 1\nmetric nps\n", 28, 1,
                 "state version 1: from an older verbatim, without the taxonomy");
    expect_error("verbatim-state 2\nmetric nps\n", 28, 1,
                 "state version 2: from an older verbatim, whose quotes carry no segment");
    expect_error("verbatim-state 3x\n", 18, 1, "version: not a number");
    expect_error("verbatim-state 3\n", 17, 1, "ends before \"metric\": truncated?");
    expect_line_error(3, "metric nsp", 3, "unknown metric \"nsp\"");
    expect_line_error(3, "metrics nps", 3, "expected a \"metric\" line, got \"metrics\"");
    expect_line_error(4, "scale 0x0p+0 1.5", 4, "scale: not a hex float: \"1.5\"");
    expect_line_error(4, "scale 0x1p+1 0x1p+0", 3, "scale");
    expect_line_error(5, "top-box 1001", 5, "top-box: 1001 is out of range");
    expect_line_error(6, "lower-is-better 0 0", 6, "unexpected text after the last field");
    expect_line_error(7, "period none", 3, "period none with a date column");
    expect_line_error(8, "score-col \"sc\\qore\"", 8, "unknown escape \\q");
    expect_line_error(8, "score-col \"score", 8, "unterminated string");
    expect_line_error(8, "score-col \"a\\x0\"", 8, "bad \\x escape");
    expect_line_error(8, "score-col \"a\\x00\"", 8, "a NUL byte");
    expect_line_error(8, "score-col  \"score\"", 8, "expected one space and a value");
    expect_line_error(12, "taxonomy 0123456789ABCDEF", 12, "expected 16 hex digits");
    expect_line_error(12, "taxonomy 123456789abcdef", 12, "expected 16 hex digits");
    expect_line_error(12, "taxonomy 0000000000000000", 12, "(not all 0), none or -");
    expect_line_error(12, "taxonomy nothing", 12, "expected 16 hex digits");
    expect_line_error(12, "taxonomy none x", 12, "unexpected text after the last field");
    expect_line_error(12, "rejected 1 0", 12, "expected a \"taxonomy\" line, got \"rejected\"");
    expect_line_error(13, "rejected 1 18446744073709551616", 13, "too large");
    expect_line_error(13, "rejected 01 0", 13, "not a number");
    expect_line_error(14, "records-rejected", 14, "records rejected: missing");
    expect_line_error(14, "records-rejected -1", 14, "records rejected: not a number");
    expect_line_error(14, "themes 2", 14, "expected a \"records-rejected\" line, got \"themes\"");
    expect_line_error(15, "themes 3", 18, "expected a \"theme\" line");
    expect_line_error(16, "theme 0 0 \"a\" \"A\"", 16, "the first theme has none");
    expect_line_error(17, "theme 1 - \"a.b\" -", 17, "the parent does not fit");
    expect_line_error(17, "theme 1 0 \"a\" -", 17, "theme \"a\": listed twice");
    expect_line_error(17, "theme 2 0 \"a.b\" -", 17, "theme index: 2 is out of range");
    expect_line_error(17, "theme 1 5 \"a.b\" -", 17, "theme parent: 5 is out of range");
    expect_line_error(18, "groups 1 1", 18, "segments without a segment column");
    expect_line_error(19, "group overall \"x\" 3 2 2", 19, "overall has \"\"");
    expect_line_error(19, "group overall \"\" 3 4 2", 19, "scored: 4 is out of range");
    expect_line_error(19, "group overall \"\" 3 2 3", 19, "cells: 3 is out of range");
    expect_line_error(19, "group period \"\" 3 2 2", 19, "\"period\", expected \"overall\"");
    expect_line_error(20, "sums 0x2 0x2 0x64 0x2710 0x0", 20, "sums: missing");
    expect_line_error(20, "sums 0x2 0x2 0x64 0x2710 0x0 0xZ", 20, "not an exact sum");
    /* Sums no weights >= 0 can give: negative weights or squares, or a
     * sum of w x beyond what sw and swx2 allow (Cauchy-Schwarz). */
    expect_line_error(20, "sums -0x2 0x2 0x64 0x2710 0x0 0x0", 20, "sums that no weights");
    expect_line_error(20, "sums 0x2 0x2 0x64 -0x2710 0x0 0x0", 20, "sums that no weights");
    expect_line_error(20, "sums 0x2 0x2 0x64 0x64 0x0 0x0", 20, "sums that no weights");
    expect_line_error(20, "sums 0x2 0x2 0x64 0x2710 -0x1 0x0", 20, "sums that no weights");
    expect_line_error(21, "cell 0 2 -5000 2 0x2 0x2 0x64 0x2710 -0x2 0x64 0x1 0x64", 21,
                      "cell sums: sums that no weights");
    expect_line_error(21, "cell 0 2 -5000 2 0x2 0x2 0x2710 0x2710 0x2 0x64 0x1 0x64", 21,
                      "cell sums: sums that no weights");
    expect_line_error(21, "cell 1 2 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 22,
                      "cell theme: 1 after 1");
    expect_line_error(21, "cell 0 4 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 21,
                      "mentions: 4 is out of range");
    expect_line_error(21, "cell 0 1 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 21,
                      "scored mentions: 2 is out of range");
    expect_line_error(21, "cell 0 2 -99999999999999999999 2 0x2", 21, "sentiment sum: not a whole");
    expect_line_error(25, "quotes 2 - 1", 25, "quotes theme: 2 is out of range");
    expect_line_error(25, "quotes 1 * 1", 25, "quotes side: expected + or -");
    expect_line_error(25, "quotes 1 - 13", 25, "quotes: 13 is out of range");
    expect_line_error(26, "quote 00ff 9 -0x1p-1 - 0 - \"R1\" \"x\"", 26, "expected 16 hex digits");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p+30 - 0 - \"R1\" \"x\"", 26,
                      "quote sentiment: out of range");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 99999999999999 0 - \"R1\" \"x\"", 26,
                      "quote time: out of range");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 - 1 0 9 - \"R1\" \"late\"", 26,
                      "quote span 0-9: outside the text");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 - 5 0 1 0 1 0 1 0 1 0 1 - \"R1\" \"x\"",
                      26, "quote spans: 5 is out of range");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 - 0 - \"R1\" \"\"", 26,
                      "quote text: 0 bytes");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 - 0 - - \"x\"", 26,
                      "id and text are strings");
    expect_line_error(26, "quote 00000000000000ff 9 -0x1p-1 - 0 \"North\" \"R1\" \"x\"", 26,
                      "quote segment: the state has no segment column");
    expect_line_error(27, "drivers 2", 29, "expected a \"sxx\" line, got \"end\"");
    expect_line_error(28, "sxx 0 2 0x2", 28, "sxx theme: 2 is out of range");
    expect_line_error(29, "end of it", 29, "unexpected text after the last field");
    expect_line_error(29, "end\nmore", 30, "text after the \"end\" line");
    expect_line_error(29, "fin", 29, "expected a \"end\" line");
}

/* A state whose line ends became CR LF on the way (Windows, a text-mode
 * transfer) reads as the state it was; a CR anywhere else is still refused. */
static void test_crlf_line_ends(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, 1);
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    add_rows(&agg, 1, 5, 400, VB_METRIC_NPS);
    size_t len;
    char *text = state_of(agg, &len);
    size_t n_lines = 0;
    for (size_t i = 0; i < len; i++)
        n_lines += text[i] == '\n';
    char *crlf = malloc(len + n_lines + 1);
    assert_non_null(crlf);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') crlf[k++] = '\r';
        crlf[k++] = text[i];
    }
    crlf[k] = '\0';
    vb_agg *back = read_back(crlf, &o);
    assert_same_agg(agg, back);
    char *again = state_of(back, NULL);
    assert_string_equal(text, again); /* written again with LF */

    char *cr_inside = strstr(crlf, "metric ");
    assert_non_null(cr_inside);
    cr_inside[6] = '\r'; /* "metric\rnps" */
    vb_error err;
    assert_null(vb_agg_read_state(crlf, k, &o, &err));
    assert_int_equal(err.line, 2);
    free(again);
    free(crlf);
    free(text);
    vb_agg_free(back);
    vb_agg_free(agg);
}

/* Empty and comment lines are skipped before the "verbatim-state" line as
 * after it (a "# shard 1 of 8" on top), and after the "end" line (a
 * comment appended, a CR LF blank line); other text there is still no
 * state, or text after the end. */
static void test_comments_before_magic(void **state)
{
    (void)state;
    static const char *const tops[] = {"# shard 1 of 8\n", "\n", "\n# a\n\n#\n", "# b\r\n\r\n"};
    vb_agg *want = read_back(good, NULL);
    for (size_t i = 0; i < sizeof tops / sizeof tops[0]; i++) {
        char text[sizeof good + 32];
        snprintf(text, sizeof text, "%s%s", tops[i], good);
        vb_agg *agg = read_back(text, NULL);
        assert_same_agg(want, agg);
        vb_agg_free(agg);
        snprintf(text, sizeof text, "%s%s", good, tops[i]);
        agg = read_back(text, NULL);
        assert_same_agg(want, agg);
        vb_agg_free(agg);
    }
    vb_agg_free(want);
    expect_line_error(29, "end\n# merged\n\nmore", 32, "text after the \"end\" line");

    expect_error("# shard 1 of 8\nverbatim-state 4\n", 32, 2, "state version 4");
    expect_error("\n# x\nverbatim-state 3\n", 22, 3, "ends before \"metric\": truncated?");
    expect_error("# shard 1 of 8\nPK\x03\x04", 19, 2, "not a verbatim state");
    expect_error("\nid,score,comment\n1,9,fine\n", 27, 2, "not a verbatim state");
    expect_error("#verbatim-state 2\nmetric nps\n", 29, 2, "not a verbatim state");
    expect_error("# nothing else\n", 15, 1, "not a verbatim state");
    expect_error("\n\n", 2, 2, "not a verbatim state");
}

/* Every prefix of a state is refused: the "end" line is its last. */
static void test_truncated_everywhere(void **state)
{
    (void)state;
    const size_t len = strlen(good);
    for (size_t n = 0; n < len - 1; n++) {
        vb_error err;
        vb_agg *agg = vb_agg_read_state(good, n, NULL, &err);
        if (agg != NULL) fail_msg("a state cut at %zu bytes was accepted", n);
        assert_true(err.code == VB_EPARSE || err.code == VB_EINVAL);
    }
    /* without the final newline it is whole */
    vb_agg *agg = vb_agg_read_state(good, len - 1, NULL, NULL);
    assert_non_null(agg);
    vb_agg_free(agg);
}

/* Bytes flipped, dropped and repeated at random: never a crash (the
 * sanitizer builds run this), and an error message when refused. */
static void test_garbage(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, true);
    vb_agg *agg = vb_agg_new(&o, NULL);
    add_rows(&agg, 1, 9, 60, VB_METRIC_NPS);
    size_t len;
    char *text = state_of(agg, &len);
    vb_agg_free(agg);
    char *buf = malloc(len * 2 + 16);
    uint64_t s = 1;
    size_t accepted = 0;
    for (int i = 0; i < 3000; i++) {
        memcpy(buf, text, len);
        size_t n = len;
        const int edits = 1 + (int)(next_random(&s) % 4);
        for (int e = 0; e < edits; e++) {
            const uint64_t r = next_random(&s);
            const size_t at = (size_t)(r % n);
            switch ((r >> 32) % 4) {
            case 0:
                buf[at] = (char)(r >> 40);
                break;
            case 1:
                buf[at] = "0123456789 -\"\\x\n#p.f"[(r >> 40) % 20];
                break;
            case 2:
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
                break;
            default:
                memmove(buf + at + 1, buf + at, n - at);
                n++;
                break;
            }
        }
        vb_error err;
        vb_agg *got = vb_agg_read_state(buf, n, &o, &err);
        if (got != NULL) {
            accepted++;
            char *r = render(got, VB_REPORT_JSON); /* and the report copes */
            free(r);
            vb_agg_free(got);
        } else {
            assert_true(err.message[0] != '\0');
        }
    }
    assert_true(accepted > 0);
    free(buf);
    free(text);
}

/* ---- Out of memory ------------------------------------------------------------------ */

static void test_every_oom(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, true);
    vb_agg *agg = vb_agg_new(&o, NULL);
    add_rows(&agg, 1, 21, 200, VB_METRIC_NPS);
    size_t len;
    char *text = state_of(agg, &len);

    test_alloc t;
    size_t fail_at = 0;
    for (;; fail_at++) { /* writing */
        vb_agg *copy = NULL;
        o.alloc = test_allocator(&t, SIZE_MAX);
        copy = vb_agg_read_state(text, len, &o, NULL);
        assert_non_null(copy);
        const size_t before = t.live_blocks;
        t.calls = 0;
        t.fail_at = fail_at;
        text_out out = {NULL, 0, 0, SIZE_MAX};
        const vb_status st = vb_agg_write_state(copy, collect, &out);
        assert_int_equal(t.live_blocks, before);
        t.fail_at = SIZE_MAX;
        vb_agg_free(copy);
        assert_int_equal(t.live_blocks, 0);
        if (st == VB_OK) {
            assert_string_equal(out.data, text);
            free(out.data);
            break;
        }
        assert_int_equal(st, VB_ENOMEM);
        free(out.data);
    }
    assert_true(fail_at > 2);

    for (fail_at = 0;; fail_at++) { /* reading */
        o.alloc = test_allocator(&t, fail_at);
        vb_error err;
        vb_agg *copy = vb_agg_read_state(text, len, &o, &err);
        if (copy != NULL) {
            vb_agg_free(copy);
            assert_int_equal(t.live_blocks, 0);
            break;
        }
        assert_int_equal(err.code, VB_ENOMEM);
        assert_int_equal(t.live_blocks, 0);
    }
    assert_true(fail_at > 10);

    /* the writer stops at the first failed write */
    text_out out = {NULL, 0, 0, 0};
    assert_int_equal(vb_agg_write_state(agg, collect, &out), VB_EIO);
    free(out.data);
    free(text);
    vb_agg_free(agg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xsum_exact_in_any_order),
        cmocka_unit_test(test_xsum_merge_carries),
        cmocka_unit_test(test_xsum_text),
        cmocka_unit_test(test_every_field_is_written),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_round_trip_edges),
        cmocka_unit_test(test_merge_is_one_pass),
        cmocka_unit_test(test_combos_fold_exactly),
        cmocka_unit_test(test_compatible),
        cmocka_unit_test(test_taxonomy_and_records_rejected),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_comments_before_magic),
        cmocka_unit_test(test_crlf_line_ends),
        cmocka_unit_test(test_truncated_everywhere),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

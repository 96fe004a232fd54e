/* agg_states.h: what the agg state tests share: respondents made up
 * from a seed and added to one or more aggs (report_rows.h), a state
 * written to memory and read back, a report rendered (test_render.h),
 * and two aggs compared field by field (assert_same_agg()). */
#ifndef VB_AGG_STATES_H
#define VB_AGG_STATES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg.h"
#include "quotes.h"
#include "report.h"
#include "report_rows.h"
#include "test_random.h"
#include "test_render.h"
#include "test_text.h"
#include "xsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct text_out {
    tstr text;
    size_t fail_after; /* chunks accepted before VB_EIO; SIZE_MAX = never */
} text_out;

static inline vb_status collect(const char *data, size_t len, void *ctx)
{
    text_out *t = ctx;
    if (t->fail_after == 0) return VB_EIO;
    if (t->fail_after != SIZE_MAX) t->fail_after--;
    tstr_add(&t->text, data, len);
    return VB_OK;
}

/* The state of `agg`, malloc'd, NUL-terminated. */
static inline char *state_of(const vb_agg *agg, size_t *len)
{
    text_out t = {{NULL, 0, 0}, SIZE_MAX};
    assert_int_equal(vb_agg_write_state(agg, collect, &t), VB_OK);
    assert_non_null(t.text.data);
    if (len != NULL) *len = t.text.len;
    return t.text.data;
}

static inline vb_agg *read_back(const char *text, const vb_report_options *o)
{
    vb_error err;
    vb_agg *agg = vb_agg_read_state(text, strlen(text), o, &err);
    if (agg == NULL) fail_msg("line %zu: %s", err.line, err.message);
    return agg;
}

static inline vb_report_options options(vb_metric metric, bool weighted)
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
static inline trow random_row(uint64_t *s, char buf[128], vb_metric metric)
{
    static const char *const themes[] = {"",  "a",     "a.x",     "b",           "a.y,b", "c,b.x",
                                         "c", "a.x,c", "d.e.f,a", "b.x,b.y,a.x", "e",     "d.e.f"};
    static const char *const texts[] = {
        "late again",
        "Great app!",
        "late again!!",
        "never again",
        "so slow",
        "lovely staff, fast and kind",
        "",
        "the x was broken",
        "y y y",
        "tabs\tand \"quotes\"",
        "caf\xC3\xA9 f\xC3\xA9"
        "e",
        "a long one: the delivery was late and the app kept logging me out, which "
        "is the third time this month; the staff were kind but could not fix it, "
        "and I had to call twice before anyone told me what was going on with the "
        "order, which arrived damaged anyway. Not again, honestly, never again."};
    static const char *const regions[] = {"North", "South", "East", " East ", ""};
    const uint64_t r = vb_test_random(s);
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

static inline void add_rows(vb_agg **aggs, size_t n_aggs, uint64_t seed, size_t n, vb_metric metric)
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

static inline const vb_agg_theme *theme_by_id(const vb_agg *agg, const char *id, size_t *index)
{
    uint32_t t;
    if (!vb_agg_theme_find(agg, id, &t)) fail_msg("theme %s missing", id);
    *index = t;
    return &agg->themes[t];
}

/* Whole structs compared with their pointers blanked: a field added to
 * one of them and not written in the state fails here. */
static inline void same_cell(const vb_agg_cell *a, const vb_agg_cell *b)
{
    assert_memory_equal(a, b, sizeof *a);
}

static inline void same_quote(const vb_quote *a, const vb_quote *b)
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

static inline void same_group(const vb_agg *a, const vb_agg_group *ga, const vb_agg *b,
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

static inline void same_groups(const vb_agg *a, const vb_agg_groups *ga, const vb_agg *b,
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

static inline bool same_cstring(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Every figure of `a` equals the one of `b` (themes matched by id). */
static inline void assert_same_agg(vb_agg *a, vb_agg *b)
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
        assert_true(ta->parent < 0
                        ? tb->parent < 0
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

#endif

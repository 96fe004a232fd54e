/* Tests for the state (agg_state_write.c, agg_state_read.c,
 * agg_compatible.c) on states verbatim writes: the state written and read
 * back with every figure equal (and a tripwire for fields added to the
 * agg without being written), merges of shards equal to one pass byte for
 * byte in any order, option mismatches, and every out-of-memory path.
 * What the reader refuses is in test_agg_state_read.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg_states.h"
#include "test_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    assert_int_equal(sizeof(vb_agg), 9376); /* opts, metric, themes, groups, sxx,
                                              rejected counts, taxonomy; the rest is scratch,
                                              memos (groups' `last`, shares, the
                                              last day), combos, which the writer
                                              adds in, segments_absent, which
                                              checks this run's column name only,
                                              the unread dates' layouts, which
                                              this run's note names, and how rows
                                              are read (the decimal mark, score
                                              labels) */
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
        text_out out = {{NULL, 0, 0}, SIZE_MAX};
        const vb_status st = vb_agg_write_state(copy, collect, &out);
        assert_int_equal(t.live_blocks, before);
        t.fail_at = SIZE_MAX;
        vb_agg_free(copy);
        assert_int_equal(t.live_blocks, 0);
        if (st == VB_OK) {
            assert_string_equal(out.text.data, text);
            free(out.text.data);
            break;
        }
        assert_int_equal(st, VB_ENOMEM);
        free(out.text.data);
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
    text_out out = {{NULL, 0, 0}, 0};
    assert_int_equal(vb_agg_write_state(agg, collect, &out), VB_EIO);
    free(out.text.data);
    free(text);
    vb_agg_free(agg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_is_written),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_round_trip_edges),
        cmocka_unit_test(test_merge_is_one_pass),
        cmocka_unit_test(test_combos_fold_exactly),
        cmocka_unit_test(test_compatible),
        cmocka_unit_test(test_taxonomy_and_records_rejected),
        cmocka_unit_test(test_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

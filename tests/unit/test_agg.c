/* Tests for agg.c, agg_row.c, quotes.c and analyzed.c: validation and its
 * messages, grouping, the merge that must equal one pass, quote lists
 * that do not depend on the order of input, reading analyze's JSONL, and
 * every out-of-memory path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg.h"
#include "alloc.h"
#include "quotes.h"
#include "report.h"
#include "report_rows.h"
#include "test_alloc.h"
#include "test_random.h"
#include "test_render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vb_report_options options(void)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.date_col = "date";
    o.segment_col = "region";
    return o;
}

static void test_issues(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.weight_col = "revenue";
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    vb_report_issue is[VB_REPORT_MAX_ISSUES];
    size_t n;
    const trow bad_score = {"abc", "2026-01-05", "North", "1", "a", "x", 0, "1"};
    assert_int_equal(trow_add(agg, &bad_score, is, &n), VB_OK);
    assert_int_equal(n, 1);
    assert_string_equal(is[0].field, "score");
    assert_string_equal(is[0].message,
                        "not a number (--score-label gives words their score): \"abc\"");
    const trow nan_score = {"NaN", "2026-01-05", "North", "1", "", "", 0, "1"};
    assert_int_equal(trow_add(agg, &nan_score, is, &n), VB_OK);
    assert_string_equal(is[0].message, "not a number: \"NaN\"");

    const trow many = {"11", "31/01/2026", "North", "1", "", "", 0, "2"};
    assert_int_equal(trow_add(agg, &many, is, &n), VB_OK);
    assert_int_equal(n, 2);
    assert_string_equal(is[0].message, "outside the scale 0-10: \"11\"");
    assert_string_equal(is[1].field, "date");
    assert_string_equal(is[1].message, "not an ISO 8601 date: \"31/01/2026\"");

    const trow missing = {NULL, NULL, NULL, "1", "", "", 0, "3"};
    assert_int_equal(trow_add(agg, &missing, is, &n), VB_OK);
    assert_int_equal(n, 2);
    assert_string_equal(is[0].message, "missing");
    assert_string_equal(is[1].message, "missing");

    const trow weights[] = {{"9", "2026-01-05", "N", "-2", "", "", 0, "4"},
                            {"9", "2026-01-05", "N", "lots", "", "", 0, "5"},
                            {"7.5", "2026-01-05", "N", "1", "", "", 0, "6"}};
    const char *want[] = {"negative: \"-2\"", "not a number: \"lots\"",
                          "not a whole number: \"7.5\""};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(trow_add(agg, &weights[i], is, &n), VB_OK);
        assert_int_equal(n, 1);
        assert_string_equal(is[0].message, want[i]);
    }
    assert_string_equal(is[0].field, "score");

    /* long values are cut, quotes and controls escaped */
    const trow odd = {"\"quoted\"\x1b[31m and a very long tail that goes on and on and on",
                      NULL,
                      NULL,
                      "1",
                      "",
                      "",
                      0,
                      "7"};
    trow_add(agg, &odd, is, &n);
    assert_string_equal(is[0].message, "not a number: \"\\\"quoted\\\"\\x1b[31m and a very long "
                                       "tail that \xE2\x80\xA6\"");

    size_t records, scores, dates;
    vb_agg_counts(agg, &records, &scores, &dates);
    assert_int_equal(records, 8);
    assert_int_equal(scores, 8);
    assert_int_equal(dates, 3);
    /* bad rows still count for themes */
    vb_agg_refresh(agg); /* cells are complete once the combos are folded */
    assert_int_equal(vb_agg_cell_of(&agg->overall, 0)->mentions, 1);
    assert_int_equal(agg->overall.score.n, 0);
    vb_agg_free(agg);
}

/* --decimal-comma: scores and weights with a comma; a point is named as
 * the wrong mark, and so is a comma without the option. */
static void test_decimal_comma(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.metric = VB_METRIC_MEAN;
    o.weight_col = "revenue";
    o.decimal_mark = ',';
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    vb_report_issue is[VB_REPORT_MAX_ISSUES];
    size_t n;
    const trow rows[] = {{"4,5", "2026-01-05", "N", "2,5", "", "", 0, "1"},
                         {"3", "2026-01-05", "N", "1", "", "", 0, "2"}};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(trow_add(agg, &rows[i], is, &n), VB_OK);
        assert_int_equal(n, 0);
    }
    const trow points[] = {{"4.5", "2026-01-05", "N", "1", "", "", 0, "3"},
                           {"4", "2026-01-05", "N", "1.000", "", "", 0, "4"}};
    const char *want[] = {"not a number with ',' as the decimal mark: \"4.5\"",
                          "not a number with ',' as the decimal mark: \"1.000\""};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(trow_add(agg, &points[i], is, &n), VB_OK);
        assert_int_equal(n, 1);
        assert_string_equal(is[0].field, i == 0 ? "score" : "revenue");
        assert_string_equal(is[0].message, want[i]);
    }
    vb_agg_refresh(agg);
    assert_int_equal(agg->overall.score.n, 2);
    assert_float_equal(agg->overall.score.swx / agg->overall.score.sw, (4.5 * 2.5 + 3) / 3.5,
                       1e-12);
    vb_agg_free(agg);

    o.decimal_mark = '.';
    agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    assert_int_equal(trow_add(agg, &rows[0], is, &n), VB_OK);
    assert_int_equal(n, 1);
    assert_string_equal(is[0].message, "not a number with '.' as the decimal mark: \"4,5\"");
    vb_agg_free(agg);

    o.decimal_mark = ';';
    vb_error err;
    assert_null(vb_agg_new(&o, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.message, "the decimal mark must be '.' or ','");
}

/* A theme listed twice, or listed and also reached as an ancestor, is one
 * mention; ancestors come in however deep the theme. */
static void test_row_themes_once(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"10", "2026-01-05", "North", NULL, "a.b.c,a.b,a.b.c,a", "x", 0.5, "1"},
        {"0", "2026-01-06", "North", NULL, "a.b.c", "y", -0.5, "2"},
        {"9", "2026-01-07", "North", NULL, "a,a,a.d", "z", 0.1, "3"},
    };
    assert_int_equal(trows_add(agg, rows, 3), 0);
    vb_agg_refresh(agg);
    assert_int_equal(agg->n_themes, 4);
    const char *ids[] = {"a", "a.b", "a.b.c", "a.d"};
    const uint64_t mentions[] = {3, 2, 2, 1};
    for (size_t t = 0; t < 4; t++) {
        assert_string_equal(agg->themes[t].id, ids[t]);
        assert_int_equal(vb_agg_cell_of(&agg->overall, t)->mentions, mentions[t]);
    }
    assert_int_equal(agg->themes[2].parent, 1);
    assert_int_equal(agg->themes[1].parent, 0);
    assert_true(vb_agg_sxx(agg, 0, 0) == 3); /* each row once */
    assert_true(vb_agg_sxx(agg, 1, 2) == 2);
    vb_agg_free(agg);
}

static void test_groups_and_parents(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"10", "2026-01-05", "North", NULL, "delivery.late", "it came late", -0.5, "1"},
        {"0", "2026-01-20T10:00:00Z", " North ", NULL, "delivery,delivery.late,app", "", -0.7, "2"},
        {"7", "2026-02-01", "", NULL, "app", "", 0.1, "3"},
    };
    assert_int_equal(trows_add(agg, rows, 3), 0);
    vb_agg_refresh(agg); /* the doubles below are rounded on demand */
    assert_int_equal(agg->periods.n, 2);
    const vb_agg_group *jan = vb_agg_find(&agg->periods, "2026-01", 7);
    assert_non_null(jan);
    assert_int_equal(jan->records, 2);
    assert_int_equal(jan->score.n, 2);
    assert_true(jan->score.swx == 0);                         /* +100 - 100 */
    assert_non_null(vb_agg_find(&agg->segments, "North", 5)); /* trimmed */
    assert_non_null(vb_agg_find(&agg->segments, "(missing)", 9));
    /* "delivery" was registered as the parent of "delivery.late" */
    assert_string_equal(agg->themes[0].id, "delivery");
    assert_int_equal(agg->themes[1].parent, 0);
    assert_int_equal(vb_agg_cell_of(&agg->overall, 0)->mentions, 2);
    /* row 2: k = 2 top-level themes (delivery, app); late is delivery's only child */
    const vb_agg_cell *late = vb_agg_cell_of(jan, 1);
    assert_true(late->fw == 1 + 0.5);
    assert_true(late->fwx == 100 - 50);
    assert_true(vb_agg_sxx(agg, 0, 2) == 1); /* delivery with app: row 2 */
    assert_true(vb_agg_sxx(agg, 0, 0) == 2);
    vb_agg_free(agg);
}

/* A group is remembered as the last one found: a row back in an earlier
 * period or segment must still find its own. */
static void test_groups_found_again(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"9", "2026-01-05", "North", NULL, "app", "", 0.1, "1"},
        {"9", "2026-02-05", "South", NULL, "app", "", 0.1, "2"},
        {"9", "2026-01-06", "South", NULL, "app", "", 0.1, "3"},
        {"9", "2026-01-07", "North", NULL, "app", "", 0.1, "4"},
        {"9", "2026-03-01", "North", NULL, "app", "", 0.1, "5"},
        {"9", "2026-02-09", "Nort", NULL, "app", "", 0.1, "6"},
    };
    assert_int_equal(trows_add(agg, rows, 6), 0);
    const char *periods[] = {"2026-01", "2026-02", "2026-03"}, *segments[] = {"North", "South", "Nort"};
    const uint64_t per_period[] = {3, 2, 1}, per_segment[] = {3, 2, 1};
    assert_int_equal(agg->periods.n, 3);
    assert_int_equal(agg->segments.n, 3);
    for (size_t i = 0; i < 3; i++) {
        const vb_agg_group *p = vb_agg_find(&agg->periods, periods[i], 7);
        const vb_agg_group *s = vb_agg_find(&agg->segments, segments[i], strlen(segments[i]));
        assert_non_null(p);
        assert_non_null(s);
        assert_int_equal(p->records, per_period[i]);
        assert_int_equal(s->records, per_segment[i]);
    }
    vb_agg_free(agg);
}

/* Pair sums of whole weights are counted per unordered pair; a count
 * about to overflow moves to the exact sums, both orders, with nothing
 * lost. Fractional weights add to the exact sums directly. */
static void test_pair_sums(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.weight_col = "w";
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"9", "2026-01-05", "N", "2", "app,price", "", 0.5, "1"},
        {"9", "2026-01-05", "N", "0.5", "app,price", "", 0.5, "2"},
        {"9", "2026-01-05", "N", "3", "price", "", 0.5, "3"},
    };
    assert_int_equal(trows_add(agg, rows, 3), 0);
    assert_true(vb_agg_sxx(agg, 0, 1) == 2.5 && vb_agg_sxx(agg, 1, 0) == 2.5);
    assert_true(vb_agg_sxx(agg, 0, 0) == 2.5);
    assert_true(vb_agg_sxx(agg, 1, 1) == 5.5);

    /* the app-price count at the brink: the next row carries it over */
    int64_t *c = &agg->sxx_whole[0 * agg->sxx_dim + 1];
    *c = INT64_MAX - 1; /* app-price is now 0.5 + 2^63 - 2 */
    assert_int_equal(trows_add(agg, rows, 1), 0);
    vb_xsum x, want = {{0, 0, 0}};
    vb_xsum_add(&want, 0x1p63);
    vb_xsum_add(&want, 0.5); /* 0.5 + 2^63 - 2, and row 1's 2 */
    vb_agg_sxx_exact(agg, 0, 1, &x);
    assert_true(vb_xsum_equal(&x, &want));
    vb_agg_sxx_exact(agg, 1, 0, &x);
    assert_true(vb_xsum_equal(&x, &want));
    assert_int_equal(*c, 2);
    vb_agg_free(agg);
}

/* Moments of whole rows add up as int64 counts beside the exact sums,
 * their shares as fixed point; a count about to overflow moves to the
 * exact sum, and a fractional row adds to the exact sums directly.
 * Refreshing folds the counts in. (Overall only, so that the rows add to
 * its cells directly, not through a combo.) */
static void test_whole_moments(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.date_col = NULL;
    o.segment_col = NULL;
    o.weight_col = "w";
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"9", "2026-01-05", "N", "2", "app", "", 0.5, "1"},   /* w 2, x 100 */
        {"0", "2026-01-05", "N", "0.5", "app", "", 0.5, "2"}, /* w 0.5, x -100 */
    };
    assert_int_equal(trows_add(agg, rows, 2), 0);
    vb_agg_group *g = &agg->overall;
    vb_agg_cell *c = &g->cells[0];
    assert_true(g->whole[VB_SUM_W] == 2 && g->whole[VB_SUM_WX2] == 20000);
    assert_true(c->whole[VB_SUM_WX] == 200);
    vb_xsum x, want = {{0, 0, 0}};
    vb_agg_cell_sum(c, VB_SUM_WX, &x);
    vb_xsum_add(&want, 150); /* 2 * 100 + 0.5 * -100 */
    assert_true(vb_xsum_equal(&x, &want));

    /* the cell's w x^2 count at the brink: the next row carries it over */
    c->whole[VB_SUM_WX2] = INT64_MAX - 1;
    assert_int_equal(trows_add(agg, rows, 1), 0);
    assert_true(c->whole[VB_SUM_WX2] == 20000);
    vb_agg_cell_sum(c, VB_SUM_WX2, &x);
    want = (vb_xsum){{0, 0, 0}};
    vb_xsum_add(&want, 0x1p63);
    vb_xsum_add(&want, 5000 - 2 + 20000); /* the fractional row, the brink, the new row */
    assert_true(vb_xsum_equal(&x, &want));

    /* the shares likewise, as fixed point: fw = 2 + 0.5 + 2 */
    vb_agg_cell_sum(c, VB_SUM_FW, &x);
    assert_true(vb_xsum_value(&x) == 4.5);
    const vb_xsum_fixed brink = (vb_xsum_fixed)(((vb_xsum_ufixed)1 << 127) - 1) - 1;
    vb_xsum_add_fixed(&x, brink - c->share[0]);
    c->share[0] = brink;
    assert_int_equal(trows_add(agg, rows, 1), 0);
    vb_xsum_add(&x, 2);
    vb_xsum fw;
    vb_agg_cell_sum(c, VB_SUM_FW, &fw);
    assert_true(vb_xsum_equal(&fw, &x));
    assert_true(c->share[0] == (vb_xsum_fixed)2 << 64);
    vb_xsum_add(&want, 20000); /* that row's w x^2 */

    vb_agg_refresh(agg);
    for (size_t s = 0; s < VB_MOMENT_SUMS; s++)
        assert_true(c->whole[s] == 0 && g->whole[s] == 0);
    for (size_t s = 0; s < VB_SHARE_SUMS; s++)
        assert_true(c->share[s] == 0);
    assert_true(c->score.sw == 6.5 && g->score.swx == 550);
    assert_true(c->score.swx2 == vb_xsum_value(&want));
    vb_agg_free(agg);
}

/* A whole row's shares w/s and w x/s come from a small memo keyed by w,
 * x and s. More combinations than it has entries, each seen twice, must
 * add exactly what rounding every quotient anew adds: top-level themes
 * share by k, and two children of "a" by k m. */
static void test_whole_shares_memo(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.weight_col = "w";
    vb_agg *agg = vb_agg_new(&o, NULL);
    static const char *const scores[] = {"0", "8", "10"}; /* x = -100, 0, 100 */
    static const char *const themes[] = {"a", "a,b", "a,b,c,a.one,a.two", "a,b,c,d"};
    static const char *const ids[] = {"a", "b", "c", "d", "a.one"};
    vb_xsum want_fw[5], want_fwx[5];
    memset(want_fw, 0, sizeof want_fw);
    memset(want_fwx, 0, sizeof want_fwx);
    char weight[8];
    trow r = {NULL, "2026-01-05", "N", weight, NULL, "", 0.5, "1"};
    for (int pass = 0; pass < 2; pass++)
        for (int w = 1; w <= 20; w++)
            for (size_t si = 0; si < 3; si++)
                for (size_t k = 1; k <= 4; k++) {
                    snprintf(weight, sizeof weight, "%d", w);
                    r.score = scores[si];
                    r.themes = themes[k - 1];
                    assert_int_equal(trows_add(agg, &r, 1), 0);
                    const double x = si == 0 ? -100 : si == 1 ? 0 : 100;
                    for (size_t t = 0; t < 5; t++) {
                        if (t >= k && !(t == 4 && k == 3)) continue;
                        const double s = t == 4 ? (double)k * 2 : (double)k;
                        vb_xsum_add(&want_fw[t], w / s);
                        vb_xsum_add(&want_fwx[t], w * x / s);
                    }
                }
    vb_agg_refresh(agg);
    for (size_t t = 0; t < 5; t++) {
        uint32_t i;
        assert_true(vb_agg_theme_find(agg, ids[t], &i));
        vb_xsum fw, fwx;
        vb_agg_cell_sum(&agg->overall.cells[i], VB_SUM_FW, &fw);
        vb_agg_cell_sum(&agg->overall.cells[i], VB_SUM_FWX, &fwx);
        assert_true(vb_xsum_equal(&fw, &want_fw[t]));
        assert_true(vb_xsum_equal(&fwx, &want_fwx[t]));
    }
    vb_agg_free(agg);
}

/* Ids are remembered by address but checked by content: a caller that
 * reuses one buffer for every id gets each theme right. */
static void test_theme_ids_by_address(void **state)
{
    (void)state;
    vb_agg *agg = vb_agg_new(NULL, NULL);
    char buf[16];
    uint32_t delivery, price, again;
    strcpy(buf, "delivery");
    assert_int_equal(vb_agg_theme_index(agg, buf, NULL, NULL, &delivery), VB_OK);
    strcpy(buf, "price");
    assert_int_equal(vb_agg_theme_index(agg, buf, NULL, NULL, &price), VB_OK);
    assert_true(price != delivery);
    strcpy(buf, "delivery");
    assert_int_equal(vb_agg_theme_index(agg, buf, NULL, NULL, &again), VB_OK);
    assert_int_equal(again, delivery);
    strcpy(buf, "price");
    assert_int_equal(vb_agg_theme_index(agg, buf, "Price", NULL, &again), VB_OK);
    assert_int_equal(again, price);
    assert_string_equal(agg->themes[price].label, "Price"); /* a label given late is kept */
    assert_int_equal(agg->n_themes, 2);
    vb_agg_free(agg);
}

/* A reproducible stream of respondents. */
static trow random_row(uint64_t *s, char *buf, size_t size, bool weighted)
{
    static const char *const themes[] = {"", "a", "a.x", "b", "a.y,b", "c,b.x", "c", "a.x,c"};
    static const char *const texts[] = {
        "late again", "Great app!", "late again!!", "never again", "so slow", "lovely staff", ""};
    static const char *const regions[] = {"North", "South", "East"};
    const uint64_t r = vb_test_random(s);
    char *score = buf, *date = buf + 8, *weight = buf + 32, *id = buf + 48;
    (void)size;
    snprintf(score, 8, "%d", (int)(r % 11));
    snprintf(date, 24, "2026-%02d-%02dT%02d:00:00", (int)((r >> 8) % 6) + 1,
             (int)((r >> 12) % 28) + 1, (int)((r >> 20) % 24));
    snprintf(weight, 16, "%d", (int)((r >> 24) % 5) + 1);
    snprintf(id, 16, "R%llu", (unsigned long long)(r % 100000));
    trow t = {score,
              date,
              regions[(r >> 30) % 3],
              weighted ? weight : NULL,
              themes[(r >> 33) % 8],
              texts[(r >> 37) % 7],
              ((double)((r >> 40) % 201) - 100) / 100,
              id};
    return t;
}

/* The two documents are equal but for numbers that differ by at most
 * 1e-12 relative: sums of fractional shares (w/k) in another order. */
static void assert_same_report(const char *a, const char *b)
{
    const char *pa = a, *pb = b;
    while (*pa != '\0' && *pb != '\0') {
        const bool num_a =
            (*pa >= '0' && *pa <= '9') || (*pa == '-' && pa[1] >= '0' && pa[1] <= '9');
        const bool num_b =
            (*pb >= '0' && *pb <= '9') || (*pb == '-' && pb[1] >= '0' && pb[1] <= '9');
        if (num_a && num_b && (pa == a || pa[-1] != '"')) {
            char *ea, *eb;
            const double x = strtod(pa, &ea), y = strtod(pb, &eb);
            if (fabs(x - y) > 1e-12 * fmax(1, fmax(fabs(x), fabs(y))))
                fail_msg("at %td: %.17g vs %.17g", pa - a, x, y);
            pa = ea;
            pb = eb;
            continue;
        }
        if (*pa != *pb) fail_msg("differ at %td: ...%.60s vs ...%.60s", pa - a, pa, pb);
        pa++;
        pb++;
    }
    assert_true(*pa == *pb);
}

static void test_merge_equals_one_pass(void **state)
{
    (void)state;
    for (int weighted = 0; weighted < 2; weighted++) {
        vb_report_options o = options();
        o.weight_col = weighted ? "w" : NULL;
        o.compare_from = "2026-02";
        o.compare_to = "2026-05";
        vb_agg *one = vb_agg_new(&o, NULL), *parts[3];
        for (int p = 0; p < 3; p++)
            parts[p] = vb_agg_new(&o, NULL);
        uint64_t s = 42;
        for (int i = 0; i < 3000; i++) {
            char buf[80];
            trow r = random_row(&s, buf, sizeof buf, weighted);
            vb_report_issue is[VB_REPORT_MAX_ISSUES];
            size_t n;
            assert_int_equal(trow_add(one, &r, is, &n), VB_OK);
            /* shards see the rows in different orders of arrival */
            assert_int_equal(trow_add(parts[(i * 7 + i / 13) % 3], &r, is, &n), VB_OK);
        }
        /* merge in an order that differs from the shards' numbering */
        assert_int_equal(vb_agg_merge(parts[2], parts[0]), VB_OK);
        assert_int_equal(vb_agg_merge(parts[2], parts[1]), VB_OK);
        char *a = render(one, VB_REPORT_JSON), *b = render(parts[2], VB_REPORT_JSON);
        /* counts, score sums (integer scores and weights) and sentiment
         * (fixed point) are exact; attribution shares w/k to rounding */
        assert_same_report(a, b);
        assert_true(one->overall.score.swx == parts[2]->overall.score.swx);
        assert_true(one->overall.score.swx2 == parts[2]->overall.score.swx2);
        assert_true(one->overall.cells[0].sent_sum == parts[2]->overall.cells[0].sent_sum);
        free(a);
        free(b);
        vb_agg_free(one);
        for (int p = 0; p < 3; p++)
            vb_agg_free(parts[p]);
    }
}

/* The theme x segment cells of two halves merged are those of one pass,
 * exactly: they are counts and integer-valued sums. */
static void test_heatmap_merge(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *one = vb_agg_new(&o, NULL), *a = vb_agg_new(&o, NULL), *b = vb_agg_new(&o, NULL);
    uint64_t s = 99;
    for (int i = 0; i < 2000; i++) {
        char buf[80];
        trow r = random_row(&s, buf, sizeof buf, false);
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n;
        assert_int_equal(trow_add(one, &r, is, &n), VB_OK);
        assert_int_equal(trow_add(i < 1000 ? a : b, &r, is, &n), VB_OK);
    }
    assert_int_equal(vb_agg_merge(b, a), VB_OK); /* the second half first */
    vb_report *r1 = vb_report_new(one, NULL), *r2 = vb_report_new(b, NULL);
    assert_non_null(r1);
    assert_non_null(r2);
    assert_int_equal(r1->n_segments, 3);
    assert_int_equal(r1->n_heat_rows, 3); /* a, b, c */
    assert_int_equal(r2->n_heat_rows, r1->n_heat_rows);
    assert_int_equal(r2->n_segments, r1->n_segments);
    for (size_t r = 0; r < r1->n_heat_rows; r++) {
        assert_string_equal(r1->themes[r1->heat_rows[r]].id, r2->themes[r2->heat_rows[r]].id);
        for (size_t g = 0; g < r1->n_segments; g++) {
            const vb_rep_heat *x = vb_rep_heat_at(r1, r, g), *y = vb_rep_heat_at(r2, r, g);
            assert_string_equal(r1->segments[g].key, r2->segments[g].key);
            assert_true(x->n > 0);
            assert_int_equal(x->n, y->n);
            assert_true(x->share == y->share);
            assert_true(x->sentiment == y->sentiment);
            assert_int_equal(x->score.n, y->score.n);
            assert_true(x->score.value == y->score.value);
            assert_true(x->score.se == y->score.se);
            assert_int_equal(x->small, y->small);
        }
    }
    vb_report_free(r1);
    vb_report_free(r2);
    vb_agg_free(one);
    vb_agg_free(a);
    vb_agg_free(b);
}

static void test_quotes_do_not_depend_on_order(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *fwd = vb_agg_new(&o, NULL), *rev = vb_agg_new(&o, NULL);
    enum { N = 500 };
    static char bufs[N][80];
    trow rows[N];
    uint64_t s = 7;
    for (int i = 0; i < N; i++)
        rows[i] = random_row(&s, bufs[i], sizeof bufs[i], false);
    for (int i = 0; i < N; i++) {
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n;
        trow_add(fwd, &rows[i], is, &n);
        trow_add(rev, &rows[N - 1 - i], is, &n);
    }
    char *a = render(fwd, VB_REPORT_JSON), *b = render(rev, VB_REPORT_JSON);
    assert_same_report(a, b);
    /* the same comment is quoted once per theme */
    const char *q = strstr(a, "\"quotes\":[");
    assert_non_null(q);
    free(a);
    free(b);
    const vb_quote_list *l = &fwd->themes[0].neg;
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = i + 1; j < l->n; j++)
            assert_true(l->items[i].key != l->items[j].key);
    vb_agg_free(fwd);
    vb_agg_free(rev);
}

/* A full list keeps exactly the best offers by its order, whatever the
 * order they come in: the strongest sentiment step first (1.0 above 0.8),
 * then the newest. Most offers are turned away by the rank of the list's
 * last alone, which must therefore always be the last's. */
static void test_quote_list_keeps_the_best(void **state)
{
    (void)state;
    const vb_allocator *a = vb_allocator_or_default(NULL);
    enum { N = 40 };
    int order[N];
    for (int i = 0; i < N; i++)
        order[i] = i;
    uint64_t seed = 11;
    for (int round = 0; round < 20; round++) {
        for (int i = N - 1; i > 0; i--) { /* a new shuffle each round */
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const int j = (int)((seed >> 33) % (uint64_t)(i + 1)), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        vb_agg_theme theme;
        memset(&theme, 0, sizeof theme);
        for (int i = 0; i < N; i++) {
            const int time = order[i];
            char text[32];
            snprintf(text, sizeof text, "comment number %d", time);
            vb_quote_offer o = {.text = text,
                                .len = strlen(text),
                                .sentiment = time % 7 == 0 ? 1.0 : 0.8,
                                .has_time = true,
                                .time = time};
            assert_int_equal(vb_quote_offer_to(a, &theme, &o), VB_OK);
        }
        static const int64_t want[VB_QUOTE_KEEP] = {35, 28, 21, 14, 7, 0, 39, 38, 37, 36, 34, 33};
        assert_int_equal(theme.pos.n, VB_QUOTE_KEEP);
        for (size_t i = 0; i < VB_QUOTE_KEEP; i++)
            assert_int_equal(vb_quote_list_at(&theme.pos, i)->time, want[i]);
        assert_int_equal(theme.neg.n, 0);
        vb_quote_list_free(a, &theme.pos);
    }
}

static void test_long_comment_excerpt(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    char text[1200];
    memset(text, 0, sizeof text);
    for (int i = 0; i < 100; i++)
        strcat(text, "word ");
    strcat(text, "the parcel was late ");
    for (int i = 0; i < 100; i++)
        strcat(text, "more ");
    trow r = {"3", "2026-01-01", "N", NULL, "delivery.late", text, -0.6, "x"};
    assert_int_equal(trows_add(agg, &r, 1), 0);
    const vb_quote *q = vb_quote_list_at(&agg->themes[1].neg, 0);
    assert_true(q->len <= VB_QUOTE_MAX_BYTES + 6);
    assert_memory_equal(q->text, "\xE2\x80\xA6", 3);
    assert_memory_equal(q->text + q->len - 3, "\xE2\x80\xA6", 3);
    assert_int_equal(q->n_spans, 1);
    assert_memory_equal(q->text + q->spans[0].start, "late", 4);
    vb_agg_free(agg);
}

static void test_analyzed_json(void **state)
{
    (void)state;
    vb_report_options o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    vb_report_issue is[VB_REPORT_MAX_ISSUES];
    size_t n;
    const char *line =
        "{\"id\":\"R1\",\"fields\":{\"score\":\"2\",\"date\":\"2026-03-01\",\"region\":\"North\","
        "\"comment\":\"The parcel was late\"},\"sentiment\":{\"compound\":-0.4},"
        "\"themes\":[{\"id\":\"delivery\",\"label\":\"Delivery\",\"sentiment\":-0.4,"
        "\"spans\":[[4,10]]},{\"id\":\"delivery.late\",\"label\":\"Late delivery\","
        "\"sentiment\":-0.5,\"spans\":[[15,19],[99,120]]}]}";
    assert_int_equal(vb_agg_add_json(agg, line, strlen(line), NULL, is, &n), VB_OK);
    assert_int_equal(n, 0);
    assert_int_equal(agg->n_themes, 2);
    assert_string_equal(agg->themes[1].label, "Late delivery");
    assert_int_equal(agg->themes[1].parent, 0);
    const vb_quote *q = vb_quote_list_at(&agg->themes[1].neg, 0);
    assert_string_equal(q->text, "The parcel was late");
    assert_string_equal(q->id, "R1");
    assert_int_equal(q->n_spans, 1); /* [99,120] is outside the text */
    vb_agg_refresh(agg);
    assert_true(agg->overall.score.swx == -100);

    const char *numeric = "{\"id\":7,\"fields\":{\"score\":9,\"date\":null}}";
    assert_int_equal(vb_agg_add_json(agg, numeric, strlen(numeric), NULL, is, &n), VB_OK);
    assert_int_equal(n, 1);
    assert_string_equal(is[0].field, "date");

    const char *bad[] = {"not json", "[1,2]", "{\"fields\":3}", "{\"id\":1} x"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(vb_agg_add_json(agg, bad[i], strlen(bad[i]), NULL, is, &n), VB_EPARSE);
        assert_int_equal(n, 1);
    }
    vb_agg_free(agg);
}

static void test_options(void **state)
{
    (void)state;
    vb_report_options o = options();
    o.date_format = "%d/%m";
    vb_error err;
    assert_null(vb_agg_new(&o, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.message, "date format \"%d/%m\" needs a year, a month and a day");
    o.date_format = "%Y-%q";
    assert_null(vb_agg_new(&o, &err));
    assert_string_equal(err.message, "date format \"%Y-%q\": unknown directive \"%q\"");
    o = options();
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_int_equal(agg->opts.period, VB_PERIOD_MONTH); /* the default with a date */
    vb_report_options other = options();
    other.metric = VB_METRIC_CSAT;
    vb_agg *csat = vb_agg_new(&other, NULL);
    assert_int_equal(vb_agg_merge(agg, csat), VB_EINVAL);
    vb_agg_free(csat);
    vb_agg_free(agg);
}

static void test_every_oom(void **state)
{
    (void)state;
    test_alloc ta;
    for (size_t fail_at = 0;; fail_at++) {
        vb_report_options o = options();
        o.alloc = test_allocator(&ta, fail_at);
        vb_status st = VB_OK;
        vb_agg *agg = vb_agg_new(&o, NULL);
        vb_report *rep = NULL;
        if (agg == NULL) {
            st = VB_ENOMEM;
        } else {
            uint64_t s = 3;
            for (int i = 0; i < 40 && st == VB_OK; i++) {
                char buf[80];
                trow r = random_row(&s, buf, sizeof buf, false);
                vb_report_issue is[VB_REPORT_MAX_ISSUES];
                size_t n;
                st = trow_add(agg, &r, is, &n);
            }
            if (st == VB_OK) {
                vb_error err;
                rep = vb_report_new(agg, &err);
                if (rep == NULL) st = err.code;
            }
            const char *text;
            size_t len;
            for (int f = 0; f <= VB_REPORT_HTML && st == VB_OK; f++)
                st = vb_report_render(rep, (vb_report_format)f, NULL, 0, &text, &len);
        }
        vb_report_free(rep);
        vb_agg_free(agg);
        assert_int_equal(ta.live_blocks, 0);
        if (st == VB_OK) break;
        assert_int_equal(st, VB_ENOMEM);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issues),
        cmocka_unit_test(test_decimal_comma),
        cmocka_unit_test(test_row_themes_once),
        cmocka_unit_test(test_groups_and_parents),
        cmocka_unit_test(test_groups_found_again),
        cmocka_unit_test(test_pair_sums),
        cmocka_unit_test(test_whole_moments),
        cmocka_unit_test(test_whole_shares_memo),
        cmocka_unit_test(test_theme_ids_by_address),
        cmocka_unit_test(test_merge_equals_one_pass),
        cmocka_unit_test(test_heatmap_merge),
        cmocka_unit_test(test_quotes_do_not_depend_on_order),
        cmocka_unit_test(test_quote_list_keeps_the_best),
        cmocka_unit_test(test_long_comment_excerpt),
        cmocka_unit_test(test_analyzed_json),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests for metric.c: score parsing and validation, and each metric with
 * its standard error, against figures worked out by hand (the working is
 * in the comments; DESIGN.md gives the NPS formula). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "metric.h"
#include "score_words.h"
#include "test_metric_spec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9
#define assert_close(a, b, eps)                                                                    \
    do {                                                                                           \
        const double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%s = %.17g, want %.17g", #a, a_, b_);             \
    } while (0)

static double x_of(const vb_metric_spec *m, const char *s)
{
    double x;
    vb_score_status st = vb_metric_score(m, s, strlen(s), &x);
    if (st != VB_SCORE_OK) fail_msg("\"%s\" rejected (%d)", s, (int)st);
    return x;
}

/* Each good[i] parses with decimal mark `mark` to exactly want[i]. */
static void expect_numbers(const char *const *good, const double *want, size_t n, char mark)
{
    for (size_t i = 0; i < n; i++) {
        double v;
        if (!vb_parse_number(good[i], strlen(good[i]), mark, &v))
            fail_msg("refused \"%s\"", good[i]);
        if (v != want[i]) fail_msg("\"%s\" = %.17g, want %.17g", good[i], v, want[i]);
    }
}

/* No bad[i] parses with decimal mark `mark`. */
static void expect_not_numbers(const char *const *bad, size_t n, char mark)
{
    for (size_t i = 0; i < n; i++) {
        double v;
        if (vb_parse_number(bad[i], strlen(bad[i]), mark, &v)) fail_msg("accepted \"%s\"", bad[i]);
    }
}

static void test_numbers(void **state)
{
    (void)state;
    const char *good[] = {"7", " 7 ", "7.0", "+3", "-2.5", ".5", "5.", "007", "4.2\r"};
    const double want[] = {7, 7, 7, 3, -2.5, 0.5, 5, 7, 4.2}; /* 4.2 correctly rounded */
    expect_numbers(good, want, sizeof good / sizeof good[0], '.');
    const char *bad[] = {"",
                         " ",
                         "abc",
                         "1e3",
                         "7,5",
                         "0x10",
                         "nan",
                         "inf",
                         "--1",
                         "+",
                         ".",
                         "1 2",
                         "12345678901234567890e1",
                         "9.00000000000000000000x",
                         "0.000012345678901234567e-5",
                         "1.00000000000000000000.5"};
    expect_not_numbers(bad, sizeof bad / sizeof bad[0], '.');
}

/* With a decimal comma, the numbers of a point, and the point refused:
 * where the comma is the decimal mark, "1.000" is a thousand. */
static void test_decimal_comma(void **state)
{
    (void)state;
    const char *good[] = {"7", " 7 ", "7,0", "+3", "-2,5", ",5", "5,", "007", "4,2\r"};
    const double want[] = {7, 7, 7, 3, -2.5, 0.5, 5, 7, 4.2};
    expect_numbers(good, want, sizeof good / sizeof good[0], ',');
    const char *bad[] = {"4.5", "1.000", "1,2,3", "1.234,5", ",", "7,5e1", "7,5 ,"};
    expect_not_numbers(bad, sizeof bad / sizeof bad[0], ',');
    /* Past the fast path, the same double as the point's. */
    const char *comma = "-12345678901234567890,5";
    double v;
    assert_true(vb_parse_number(comma, strlen(comma), ',', &v));
    assert_true(v == strtod("-12345678901234567890.5", NULL));

    /* A score is read with its metric's mark. */
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = VB_METRIC_MEAN;
    o.decimal_mark = ',';
    vb_metric_spec m;
    char why[200];
    assert_true(vb_metric_spec_init(&m, &o, why, sizeof why));
    double x;
    assert_int_equal(vb_metric_score(&m, "4,5", 3, &x), VB_SCORE_OK);
    assert_true(x == 4.5);
    assert_int_equal(vb_metric_score(&m, "4.5", 3, &x), VB_SCORE_NOT_NUMBER);
    o.decimal_mark = ';';
    assert_false(vb_metric_spec_init(&m, &o, why, sizeof why));
    assert_string_equal(why, "the decimal mark must be '.' or ','");
}

/* Scores written as words (a help desk's "Good" / "Bad", a survey's choice
 * text) read as the scores the user gave them, ignoring ASCII case and
 * surrounding spaces; numbers still read as numbers. A label must be
 * LABEL=N with N on the scale, and given once. */
static void test_score_labels(void **state)
{
    (void)state;
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = VB_METRIC_CSAT;
    o.score_labels = "Good=5\nBad = 1\nNeither satisfied nor dissatisfied=3\nRating=3=4";
    vb_metric_spec m;
    char why[200];
    if (!vb_metric_spec_init(&m, &o, why, sizeof why)) fail_msg("spec: %s", why);
    static const struct {
        const char *text;
        vb_score_status status;
        double x;
    } scores[] = {
        {"good", VB_SCORE_OK, 100},
        {" BAD\r", VB_SCORE_OK, 0},
        {"Neither satisfied nor dissatisfied", VB_SCORE_OK, 0},
        {"Rating=3", VB_SCORE_OK, 100}, /* split at the last '=' */
        {"4", VB_SCORE_OK, 100},
        {"Offered", VB_SCORE_NOT_NUMBER, 0},
        {"Goo", VB_SCORE_NOT_NUMBER, 0},
    };
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        double x = -1;
        assert_int_equal(vb_metric_score(&m, scores[i].text, strlen(scores[i].text), &x),
                         scores[i].status);
        if (scores[i].status == VB_SCORE_OK) assert_true(x == scores[i].x);
    }

    static const struct {
        const char *labels, *why;
    } bad[] = {
        {"Good=6", "score label \"Good\": 6 is not a score of the scale 1-5"},
        {"Good=4.5", "score label \"Good\": 4.5 is not a score of the scale 1-5"},
        {"Good", "score label \"Good\": expected LABEL=SCORE"},
        {"=5", "score label \"\": expected LABEL=SCORE"},
        {"Good=five", "score label \"Good\": \"five\" is not a number"},
        {"Good=5\ngood=4", "score label \"good\" is given twice"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        o.score_labels = bad[i].labels;
        assert_false(vb_metric_spec_init(&m, &o, why, sizeof why));
        assert_string_equal(why, bad[i].why);
    }
}

/* Past 19 digits, or where one division would round twice, a number is
 * strtod's: the same double as strtod of the same text, so a value reads
 * the same however many digits it is written with. */
/* Survey exports write a choice's text; the number in it is the score. */
static void test_worded_scores(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        char mark;
        bool ok;
        double v, out_of;
    } cases[] = {
        {"10 - Extremely likely", '.', true, 10, 0},
        {"0 - Not at all likely", '.', true, 0, 0},
        {"5 (Very satisfied)", '.', true, 5, 0},
        {"4: Agree", '.', true, 4, 0},
        {"1. Very dissatisfied", '.', true, 1, 0},
        {"7 = Extremely easy", '.', true, 7, 0},
        {"3 \xe2\x80\x93 Neutral", '.', true, 3, 0}, /* en dash */
        {"2) Dissatisfied", '.', true, 2, 0},
        {"4 stars", '.', true, 4, 0},
        {"1 Star", '.', true, 1, 0},
        {"9 points", '.', true, 9, 0},
        {"4/5", '.', true, 4, 5},
        {" 8 / 10 ", '.', true, 8, 10},
        {"4 out of 5 stars", '.', true, 4, 5},
        {"3.5 out of 5", '.', true, 3.5, 5},
        {"4,5 / 5", ',', true, 4.5, 5},
        {"4, Satisfied", ',', true, 4, 0},
        {"\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86\xe2\x98\x86", '.', true, 3, 5},
        {"\xe2\xad\x90\xef\xb8\x8f\xe2\xad\x90\xef\xb8\x8f", '.', true, 2, 0}, /* emoji stars */
        /* Not scores: a range, a quantity, no words, no number first. */
        {"1-2 days", '.', false, 0, 0},
        {"10 days", '.', false, 0, 0},
        {"5 -", '.', false, 0, 0},
        {"4/", '.', false, 0, 0},
        {"4 out of", '.', false, 0, 0},
        {"4/5 days", '.', false, 0, 0},
        {"4 stars points", '.', false, 0, 0},
        {"Extremely likely", '.', false, 0, 0},
        {"stars", '.', false, 0, 0},
        {"-3 - Bad", '.', false, 0, 0},
        {"\xe2\x98\x85 great", '.', false, 0, 0},
        {"", '.', false, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -1, out_of = -1;
        const bool ok = vb_parse_worded_score(cases[i].text, strlen(cases[i].text), cases[i].mark,
                                              &v, &out_of);
        if (ok != cases[i].ok) fail_msg("\"%s\": %s", cases[i].text, ok ? "read" : "refused");
        if (ok && (v != cases[i].v || out_of != cases[i].out_of))
            fail_msg("\"%s\": %g out of %g", cases[i].text, v, out_of);
    }

    /* On a metric: the scale the text names must be the metric's. */
    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = VB_METRIC_CSAT;
    vb_metric_spec m;
    char why[200];
    if (!vb_metric_spec_init(&m, &o, why, sizeof why)) fail_msg("spec: %s", why);
    double x = -1;
    assert_int_equal(vb_metric_score(&m, "5 - Very satisfied", 18, &x), VB_SCORE_OK);
    assert_true(x == 100);
    assert_int_equal(vb_metric_score(&m, "3/5", 3, &x), VB_SCORE_OK);
    assert_true(x == 0);
    assert_int_equal(vb_metric_score(&m, "8/10", 4, &x), VB_SCORE_OTHER_SCALE);
    assert_int_equal(vb_metric_score(&m, "6 - Best", 8, &x), VB_SCORE_OUT_OF_RANGE);
    assert_int_equal(vb_metric_score(&m, "4.5 stars", 9, &x), VB_SCORE_NOT_WHOLE);
}

static void test_long_numbers(void **state)
{
    (void)state;
    const char *texts[] = {"9.00000000000000000000",
                           "0.000012345678901234567",
                           "12345678901234567890",
                           "-12345678901234567890.5",
                           "1.8098783705214538", /* was rounded twice */
                           "8369136594558395.9",
                           "0.0000000000000000000000001",
                           "00000000000000000000000000.25",
                           " 4.50000000000000000000000000000000000000 ",
                           "179769313486231570814527423731704356798070567525844996598917476803157260780028"
                           "538760589558632766878171540458953514382464234321326889464182768467546703537516"
                           "986049910576551282076245490090389328944075868508455133942304583236903222948165"
                           "808559332123348274797826204144723168738177180919299881250404026184124858368"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        double v;
        if (!vb_parse_number(texts[i], strlen(texts[i]), '.', &v))
            fail_msg("refused \"%s\"", texts[i]);
        const double want = strtod(texts[i], NULL);
        if (memcmp(&v, &want, sizeof v) != 0) fail_msg("\"%s\": %a, strtod %a", texts[i], v, want);
    }
    double v;
    assert_true(vb_parse_number("9.00000000000000000000", 22, '.', &v) && v == 9);
    assert_true(vb_parse_number("-0.000000000000000000000000", 27, '.', &v) && v == 0 &&
                signbit(v));

    /* 1 + 2^-53, halfway between 1 and the next double, rounds to even;
     * a 1 after 850 zeros, past the digits kept, tips it up. */
    static const char half[] = "1.00000000000000011102230246251565404236316680908203125";
    char text[sizeof half - 1 + 851];
    memcpy(text, half, sizeof half - 1);
    assert_true(vb_parse_number(text, sizeof half - 1, '.', &v) && v == 1);
    memset(text + sizeof half - 1, '0', 850);
    text[sizeof half - 1 + 850] = '1';
    assert_true(vb_parse_number(text, sizeof text, '.', &v) && v == 1 + 0x1p-52);

    /* Beyond the largest double is not a number either. */
    char big[401];
    memset(big, '9', sizeof big);
    assert_false(vb_parse_number(big, sizeof big, '.', &v));
}

static void test_nps_values_and_rejections(void **state)
{
    (void)state;
    vb_metric_spec m = test_metric_spec(VB_METRIC_NPS, 0, 0, 0);
    const double want[11] = {-100, -100, -100, -100, -100, -100, -100, 0, 0, 100, 100};
    for (int s = 0; s <= 10; s++) {
        char buf[4];
        snprintf(buf, sizeof buf, "%d", s);
        assert_true(x_of(&m, buf) == want[s]);
    }
    double x;
    assert_int_equal(vb_metric_score(&m, NULL, 0, &x), VB_SCORE_MISSING);
    assert_int_equal(vb_metric_score(&m, "  ", 2, &x), VB_SCORE_MISSING);
    assert_int_equal(vb_metric_score(&m, "abc", 3, &x), VB_SCORE_NOT_NUMBER);
    assert_int_equal(vb_metric_score(&m, "11", 2, &x), VB_SCORE_OUT_OF_RANGE);
    assert_int_equal(vb_metric_score(&m, "-1", 2, &x), VB_SCORE_OUT_OF_RANGE);
    assert_int_equal(vb_metric_score(&m, "7.5", 3, &x), VB_SCORE_NOT_WHOLE);
    assert_true(x_of(&m, "9.0") == 100);

    /* NPS is 0-10 by definition */
    vb_report_options o;
    vb_report_options_init(&o);
    o.scale_min = 1;
    o.scale_max = 10;
    vb_metric_spec s;
    char why[200];
    assert_false(vb_metric_spec_init(&s, &o, why, sizeof why));

    /* and higher is better by definition, as for CSAT; CES may be asked
     * either way */
    vb_report_options_init(&o);
    o.lower_is_better = true;
    assert_false(vb_metric_spec_init(&s, &o, why, sizeof why));
    assert_non_null(strstr(why, "NPS is higher-is-better"));
    o.metric = VB_METRIC_CSAT;
    assert_false(vb_metric_spec_init(&s, &o, why, sizeof why));
    o.metric = VB_METRIC_CES;
    assert_true(vb_metric_spec_init(&s, &o, why, sizeof why));
}

static vb_moments moments_of(const vb_metric_spec *m, const char *const *scores, size_t n)
{
    vb_moments g = {0};
    for (size_t i = 0; i < n; i++)
        vb_moments_add(&g, 1, x_of(m, scores[i]));
    return g;
}

/* A score of one or two bytes is read by a shortcut; with a space before
 * it, the same text goes the general way. Both must agree on every such
 * text, for a bounded whole-number metric and an unbounded one. */
static void test_short_scores_read_as_padded(void **state)
{
    (void)state;
    const vb_metric_spec specs[] = {test_metric_spec(VB_METRIC_NPS, 0, 0, 0),
                                    test_metric_spec(VB_METRIC_MEAN, 0, 0, 0)};
    const char bytes[] = "0123456789 .+-a\t\r";
    const size_t n_bytes = sizeof bytes - 1;
    for (size_t m = 0; m < 2; m++) {
        for (size_t i = 0; i <= n_bytes; i++) {
            for (size_t j = 0; j <= n_bytes; j++) {
                char text[3] = {0}, padded[4] = {' ', 0};
                size_t len = 0;
                if (i < n_bytes) text[len++] = bytes[i];
                if (j < n_bytes) text[len++] = bytes[j];
                memcpy(padded + 1, text, len);
                double x = -1, y = -2;
                const vb_score_status a = vb_metric_score(&specs[m], text, len, &x);
                const vb_score_status b = vb_metric_score(&specs[m], padded, len + 1, &y);
                if (a != b || (a == VB_SCORE_OK && x != y))
                    fail_msg("\"%s\": %d (%g) but \" %s\": %d (%g)", text, (int)a, x, text, (int)b,
                             y);
            }
        }
    }
}

static void test_nps_estimate(void **state)
{
    (void)state;
    /* 5 promoters, 3 detractors, 2 passives: NPS = 100 (5 - 3) / 10 = 20;
     * SE = 100 sqrt((0.5 + 0.3 - 0.2^2) / 10) = 100 sqrt(0.076) = 27.5680975...
     * The interval is Rocks's adjusted Wald: P' = 5.75 / 13, D' = 3.75 / 13,
     * NPS' = 2 / 13 = 0.1538462, half = 1.96 sqrt((P' + D' - NPS'^2) / 13)
     * = 1.96 x 0.2332217 = 0.4571145: [-30.3268344, 61.0960652]. */
    vb_metric_spec m = test_metric_spec(VB_METRIC_NPS, 0, 0, 0);
    const char *scores[] = {"10", "9", "9", "10", "9", "0", "6", "3", "7", "8"};
    vb_moments g = moments_of(&m, scores, 10);
    vb_estimate e = vb_metric_estimate(&m, &g);
    assert_int_equal(e.n, 10);
    assert_close(e.value, 20, EPS);
    assert_close(e.n_eff, 10, EPS);
    assert_close(e.se, 27.568097504180443, EPS);
    assert_close(e.lo, -30.326834394120784, EPS);
    assert_close(e.hi, 61.096065163351554, EPS);
    /* DESIGN.md's formula, literally */
    const double P = 5, D = 3, n = 10, nps = 20;
    assert_close(e.se, 100 * sqrt((P / n + D / n - (nps / 100) * (nps / 100)) / n), EPS);
}

static void test_csat_top_box(void **state)
{
    (void)state;
    /* 1-5, top 2 boxes (4 and 5): 5 of 8 satisfied = 62.5 %;
     * SE = 100 sqrt(0.625 x 0.375 / 8) = 17.1163299... */
    vb_metric_spec m = test_metric_spec(VB_METRIC_CSAT, 0, 0, 0);
    assert_true(m.top_from == 4);
    const char *scores[] = {"5", "4", "3", "2", "1", "4", "5", "5"};
    vb_moments g = moments_of(&m, scores, 8);
    vb_estimate e = vb_metric_estimate(&m, &g);
    assert_close(e.value, 62.5, EPS);
    assert_close(e.se, 17.116329922036442, EPS);
    double x;
    assert_int_equal(vb_metric_score(&m, "6", 1, &x), VB_SCORE_OUT_OF_RANGE);
    assert_int_equal(vb_metric_score(&m, "0", 1, &x), VB_SCORE_OUT_OF_RANGE);

    /* a 1-7 scale with top-3 boxes: 5, 6, 7 */
    vb_metric_spec m7 = test_metric_spec(VB_METRIC_CSAT, 1, 7, 3);
    assert_true(x_of(&m7, "5") == 100);
    assert_true(x_of(&m7, "4") == 0);

    vb_report_options o;
    vb_report_options_init(&o);
    o.metric = VB_METRIC_CSAT;
    o.top_box = 5; /* more boxes than a 1-5 scale has above its bottom */
    vb_metric_spec s;
    char why[200];
    assert_false(vb_metric_spec_init(&s, &o, why, sizeof why));
}

static void test_ces_and_mean(void **state)
{
    (void)state;
    /* CES 1-7: 2 3 4 5 6: mean 4, sample variance (4+1+0+1+4)/4 = 2.5,
     * SE = sqrt(2.5 / 5) = 0.70710678... */
    vb_metric_spec m = test_metric_spec(VB_METRIC_CES, 0, 0, 0);
    assert_true(m.lo == 1 && m.hi == 7);
    const char *scores[] = {"2", "3", "4", "5", "6"};
    vb_moments g = moments_of(&m, scores, 5);
    vb_estimate e = vb_metric_estimate(&m, &g);
    assert_close(e.value, 4, EPS);
    assert_close(e.se, sqrt(0.5), EPS);
    assert_true(x_of(&m, "3.5") == 3.5); /* CES may be fractional */
    double x;
    assert_int_equal(vb_metric_score(&m, "8", 1, &x), VB_SCORE_OUT_OF_RANGE);

    /* mean: any number, no scale */
    vb_metric_spec mean = test_metric_spec(VB_METRIC_MEAN, 0, 0, 0);
    assert_false(mean.bounded);
    assert_true(x_of(&mean, "-1000.5") == -1000.5);
    const char *one[] = {"3"};
    g = moments_of(&mean, one, 1);
    e = vb_metric_estimate(&mean, &g);
    assert_close(e.value, 3, EPS);
    assert_true(isnan(e.se)); /* one value: no sample variance */
    vb_moments empty = {0};
    e = vb_metric_estimate(&mean, &empty);
    assert_true(isnan(e.value));
}

/* A group of 4 equal scores has no variance of its own: alone, "5 to
 * 5". Among all scores (2 3 4 5 6, and the four fives: pool variance
 * (190 - 9 x 4.444^2) / 8 = 1.528), its variance is moderated: (3 x 0 +
 * 2 x 1.528) / 5 = 0.611, 5 -/+ 1.96 sqrt(0.611 / 4). A pool of the
 * group itself changes nothing. */
static void test_mean_in_a_pool(void **state)
{
    (void)state;
    vb_metric_spec mean = test_metric_spec(VB_METRIC_MEAN, 0, 0, 0);
    const char *fives[] = {"5", "5", "5", "5"};
    const char *all[] = {"2", "3", "4", "5", "6", "5", "5", "5", "5"};
    const vb_moments g = moments_of(&mean, fives, 4), pool = moments_of(&mean, all, 9);
    vb_estimate e = vb_metric_estimate(&mean, &g);
    assert_true(e.lo == 5 && e.hi == 5);
    e = vb_metric_estimate_in(&mean, &g, &pool);
    const double v_pool = (4 + 9 + 16 + 25 + 36 + 4 * 25 - 9 * (40.0 / 9) * (40.0 / 9)) / 8;
    const double half = 1.96 * sqrt(2 * v_pool / 5 / 4);
    assert_close(e.value, 5, EPS);
    assert_true(e.se == 0); /* the SE printed is the group's own */
    assert_close(e.lo, 5 - half, EPS);
    assert_close(e.hi, 5 + half, EPS);

    /* On a 1-5 scale the interval ends at 5. */
    vb_metric_spec stars = test_metric_spec(VB_METRIC_MEAN, 1, 5, 0);
    e = vb_metric_estimate_in(&stars, &g, &pool);
    assert_close(e.lo, 5 - half, EPS);
    assert_true(e.hi == 5);

    /* One score has no variance of its own: the pool's gives the
     * interval, and the score's own SE stays undefined. */
    const vb_moments one = moments_of(&mean, fives, 1);
    e = vb_metric_estimate(&mean, &one);
    assert_true(isnan(e.lo) && isnan(e.hi));
    e = vb_metric_estimate_in(&mean, &one, &pool);
    assert_true(isnan(e.se));
    assert_close(e.lo, 5 - 1.96 * sqrt(v_pool), EPS);
    assert_close(e.hi, 5 + 1.96 * sqrt(v_pool), EPS);
    /* ... and not where the pool has none either. */
    e = vb_metric_estimate_in(&mean, &one, &one);
    assert_true(isnan(e.lo) && isnan(e.hi));

    const char *some[] = {"2", "3", "4", "5", "6"};
    const vb_moments h = moments_of(&mean, some, 5);
    const vb_estimate alone = vb_metric_estimate(&mean, &h),
                      in = vb_metric_estimate_in(&mean, &h, &h);
    assert_close(in.lo, alone.lo, EPS);
    assert_close(in.hi, alone.hi, EPS);
}

static void test_weights_use_kish_n(void **state)
{
    (void)state;
    /* A promoter of weight 3, a detractor and a passive of weight 1:
     * NPS = (3 x 100 - 100) / 5 = 40; n_eff = 5^2 / (9 + 1 + 1) = 25/11;
     * v = (3 x 10^4 + 10^4) / 5 - 40^2 = 6400; SE = sqrt(6400 / (25/11))
     * = sqrt(2816) = 53.0659966... */
    vb_metric_spec m = test_metric_spec(VB_METRIC_NPS, 0, 0, 0);
    vb_moments g = {0};
    vb_moments_add(&g, 3, 100);
    vb_moments_add(&g, 1, -100);
    vb_moments_add(&g, 1, 0);
    vb_estimate e = vb_metric_estimate(&m, &g);
    assert_close(e.value, 40, EPS);
    assert_close(e.n_eff, 25.0 / 11, EPS);
    assert_close(e.se, sqrt(2816), EPS);
    /* unit weights give exactly the unweighted figures */
    vb_moments u = {0}, w = {0};
    for (int i = 0; i < 7; i++) {
        vb_moments_add(&u, 1, i % 3 == 0 ? 100 : -100);
        vb_moments_add(&w, 1, i % 3 == 0 ? 100 : -100);
    }
    vb_estimate a = vb_metric_estimate(&m, &u), b = vb_metric_estimate(&m, &w);
    assert_true(a.se == b.se && a.n_eff == 7);
}

/* A normal interval near an end of the scale would pass it or shrink to
 * a point: shares get Wilson's (CSAT) or the adjusted Wald (NPS), every
 * interval stops at what the score can be, and the standard error is
 * left as it is. */
static void test_interval_within_scale(void **state)
{
    (void)state;
    /* CSAT 18 of 20 satisfied = 90: SE = 100 sqrt(0.9 x 0.1 / 20) =
     * 6.7082039..., whose normal interval, 76.9 to 103.1, passes 100.
     * Wilson's: z^2 = 3.8416, d = 1 + z^2/20 = 1.19208, centre =
     * (0.9 + z^2/40) / d = 0.835545, half = 1.96 sqrt(0.0045 +
     * z^2/1600) / d = 0.136587: 69.896 to 97.213. */
    vb_metric_spec csat = test_metric_spec(VB_METRIC_CSAT, 0, 0, 0);
    vb_moments g = {0};
    for (int i = 0; i < 20; i++)
        vb_moments_add(&g, 1, i < 18 ? 100 : 0);
    vb_estimate e = vb_metric_estimate(&csat, &g);
    assert_close(e.se, 6.708203932499369, EPS);
    assert_close(e.lo, 69.89617935882066, 1e-9);
    assert_close(e.hi, 97.21341060158468, 1e-9);

    /* CSAT 100 of 5: no spread, yet not a sure 100: (1 + z^2/10) / (1 +
     * z^2/5) - 1.96 sqrt(z^2/100) / (1 + z^2/5) = 0.565509 to 1. */
    vb_moments all = {0};
    for (int i = 0; i < 5; i++)
        vb_moments_add(&all, 1, 100);
    e = vb_metric_estimate(&csat, &all);
    assert_close(e.lo, 56.550850524791905, 1e-9);
    assert_true(e.hi == 100);

    /* NPS -80 of 10 (9 detractors, 1 passive): P' = 0.75 / 13, D' =
     * 9.75 / 13, NPS' = -0.6923077, half = 1.96 sqrt(0.0252617) =
     * 0.3115212: -100.38 to -38.0786547; the low end stops at -100. */
    vb_metric_spec nps = test_metric_spec(VB_METRIC_NPS, 0, 0, 0);
    vb_moments d = {0};
    for (int i = 0; i < 10; i++)
        vb_moments_add(&d, 1, i < 9 ? -100 : 0);
    e = vb_metric_estimate(&nps, &d);
    assert_true(e.lo == -100);
    assert_close(e.hi, -38.078654442149045, 1e-9);

    /* NPS +100 of 3: no spread, yet not a sure +100 (the normal interval
     * is "+100 to +100"): P' = 3.75 / 6, D' = 0.75 / 6, half = 1.96
     * sqrt(0.5 / 6) = 0.5658033: -6.5803264 to 100 (106.58 cut). */
    vb_moments three = {0};
    for (int i = 0; i < 3; i++)
        vb_moments_add(&three, 1, 100);
    e = vb_metric_estimate(&nps, &three);
    assert_true(e.se == 0);
    assert_close(e.lo, -6.580326380583323, 1e-9);
    assert_true(e.hi == 100);

    /* One promoter: P' = 1.75 / 4, D' = 0.75 / 4, half = 1.96 x 0.375:
     * -48.5 to +98.5, which leaves out the +100 seen; the interval
     * reaches it. */
    vb_moments one = {0};
    vb_moments_add(&one, 1, 100);
    e = vb_metric_estimate(&nps, &one);
    assert_close(e.lo, -48.5, 1e-9);
    assert_true(e.hi == 100);

    /* Weighted: two promoters of weight 2, a detractor and a passive of
     * weight 1. P = 4/6, D = 1/6 of the weight, n_eff = 36 / 10 = 3.6:
     * P' = 3.15 / 6.6, D' = 1.35 / 6.6, half = 1.96 sqrt(0.0920361) =
     * 0.5946070: -32.1886669 to +86.7341215. */
    vb_moments w = {0};
    vb_moments_add(&w, 2, 100);
    vb_moments_add(&w, 2, 100);
    vb_moments_add(&w, 1, -100);
    vb_moments_add(&w, 1, 0);
    e = vb_metric_estimate(&nps, &w);
    assert_close(e.n_eff, 3.6, EPS);
    assert_close(e.lo, -32.18866692931604, 1e-9);
    assert_close(e.hi, 86.73412147477059, 1e-9);

    /* CES 1-7, six 7s and a 1: the high end stops at 7; a mean without
     * a scale has no end to stop at. */
    vb_metric_spec ces = test_metric_spec(VB_METRIC_CES, 0, 0, 0);
    vb_metric_spec mean = test_metric_spec(VB_METRIC_MEAN, 0, 0, 0);
    vb_moments c = {0};
    for (int i = 0; i < 7; i++)
        vb_moments_add(&c, 1, i < 6 ? 7 : 1);
    e = vb_metric_estimate(&ces, &c);
    assert_true(e.hi == 7);
    assert_true(e.lo > 4 && e.lo < e.value);
    e = vb_metric_estimate(&mean, &c);
    assert_true(e.hi > 7);
}

static void test_moments_minus(void **state)
{
    (void)state;
    vb_moments all = {0}, part = {0};
    vb_moments_add(&all, 1, 100);
    vb_moments_add(&all, 2, -100);
    vb_moments_add(&part, 2, -100);
    vb_moments rest = vb_moments_minus(&all, &part);
    assert_int_equal(rest.n, 1);
    assert_true(rest.sw == 1 && rest.swx == 100 && rest.swx2 == 10000);
    rest = vb_moments_minus(&all, &all);
    assert_true(rest.n == 0 && rest.sw == 0);
}

static void test_names(void **state)
{
    (void)state;
    vb_metric m;
    assert_true(vb_metric_parse("csat", &m) && m == VB_METRIC_CSAT);
    assert_false(vb_metric_parse("NPS", &m));
    assert_string_equal(vb_metric_name(VB_METRIC_CES), "ces");
    vb_period p;
    assert_true(vb_period_parse("quarter", &p) && p == VB_PERIOD_QUARTER);
    assert_string_equal(vb_period_name(VB_PERIOD_WEEK), "week");
    vb_report_format f;
    assert_true(vb_report_format_parse("markdown", &f) && f == VB_REPORT_MD);
    assert_false(vb_report_format_parse("pdf", &f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_decimal_comma),
        cmocka_unit_test(test_score_labels),
        cmocka_unit_test(test_worded_scores),
        cmocka_unit_test(test_long_numbers),
        cmocka_unit_test(test_nps_values_and_rejections),
        cmocka_unit_test(test_nps_estimate),
        cmocka_unit_test(test_csat_top_box),
        cmocka_unit_test(test_ces_and_mean),
        cmocka_unit_test(test_mean_in_a_pool),
        cmocka_unit_test(test_weights_use_kish_n),
        cmocka_unit_test(test_interval_within_scale),
        cmocka_unit_test(test_moments_minus),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_short_scores_read_as_padded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests for change.c and report_change.c: the decomposition of a score
 * change into themes, worked out by hand on a small case, and its
 * identities (parts add up to the change, children to their parent) on
 * random data with a fixed seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "change.h"
#include "report.h"
#include "report_rows.h"
#include "test_metric_spec.h"
#include "test_random.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define assert_close(a, b, eps)                                                                    \
    do {                                                                                           \
        const double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%s = %.17g, want %.17g", #a, a_, b_);             \
    } while (0)

static vb_agg *new_agg(const char *from, const char *to)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.date_col = "date";
    o.weight_col = "weight";
    o.compare_from = from;
    o.compare_to = to;
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    return agg;
}

static const vb_rep_contrib *contrib(const vb_report *rep, const char *id)
{
    for (size_t i = 0; i < rep->change.n_contributions; i++)
        if (strcmp(rep->themes[rep->change.contributions[i].part.theme].id, id) == 0)
            return &rep->change.contributions[i];
    fail_msg("no contribution for %s", id);
    return NULL;
}

/* Period A (2026-01): four respondents, NPS S_A = (100 - 100 + 0 - 100)/4 = -25
 *   r1 {delivery} +100; r2 {delivery, app} -100; r3 {} 0; r4 {app} -100
 *   delivery: v = (1 + 1/2)/4 = 0.375, r = (100 - 50)/1.5 = 33.33
 *   app:      v = 0.375,               r = (-50 - 100)/1.5 = -100
 *   no theme: v = 0.25,                r = 0
 * Period B (2026-02): r5 {delivery} -100; r6 {app} +100: S_B = 0,
 *   delivery v = 0.5 r = -100; app v = 0.5 r = 100; no theme v = 0.
 * Delta = 25, mean score s = -12.5. With the midpoint split:
 *   delivery volume (0.5-0.375)((33.33-100)/2 + 12.5) = -2.6041667
 *            rate   (-100-33.33)(0.375+0.5)/2        = -58.333333
 *   app      volume 0.125 (0 + 12.5)                  = +1.5625
 *            rate   200 x 0.4375                      = +87.5
 *   no theme volume -0.25 (0 + 12.5) (absent in B)    = -3.125
 *   total -60.9375 + 89.0625 - 3.125 = 25. */
static void test_hand_worked_case(void **state)
{
    (void)state;
    vb_agg *agg = new_agg(NULL, NULL);
    const trow rows[] = {
        {"10", "2026-01-03", NULL, "1", "delivery", "", 0, "r1"},
        {"0", "2026-01-04", NULL, "1", "delivery,app", "", 0, "r2"},
        {"8", "2026-01-05", NULL, "1", "", "", 0, "r3"},
        {"2", "2026-01-06", NULL, "1", "app", "", 0, "r4"},
        {"1", "2026-02-01", NULL, "1", "delivery", "", 0, "r5"},
        {"9", "2026-02-02", NULL, "1", "app", "", 0, "r6"},
    };
    assert_int_equal(trows_add(agg, rows, 6), 0);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    const vb_rep_change *ch = &rep->change;
    assert_true(ch->present);
    assert_string_equal(ch->from, "2026-01");
    assert_string_equal(ch->to, "2026-02");
    assert_close(ch->delta.delta, 25, 1e-12);
    const vb_rep_contrib *d = contrib(rep, "delivery"), *a = contrib(rep, "app");
    assert_close(d->part.p.v_from, 0.375, 1e-12);
    assert_close(d->part.p.r_from, 100.0 / 3, 1e-12);
    assert_close(d->part.p.volume_effect, -2.6041666666666667, 1e-12);
    assert_close(d->part.p.rate_effect, -58.333333333333333, 1e-12);
    assert_close(d->part.p.contribution, -60.9375, 1e-12);
    assert_close(a->part.p.volume_effect, 1.5625, 1e-12);
    assert_close(a->part.p.rate_effect, 87.5, 1e-12);
    assert_close(ch->no_theme.p.contribution, -3.125, 1e-12);
    assert_close(ch->no_theme.p.rate_effect, 0, 0);
    assert_true(isnan(ch->no_theme.p.r_to));
    /* largest |contribution| first */
    assert_string_equal(rep->themes[ch->contributions[0].part.theme].id, "app");
    vb_report_free(rep);
    vb_agg_free(agg);
}

static void test_part_formulas(void **state)
{
    (void)state;
    /* present on both sides: volume + rate = v_B r_B - v_A r_A - s (v_B - v_A) */
    vb_change_part p = vb_change_part_of(2, 50, 10, 3, -60, 8, 5);
    const double va = 0.2, vbb = 0.375, ra = 25, rb = -20;
    assert_close(p.volume_effect, (vbb - va) * ((ra + rb) / 2 - 5), 1e-12);
    assert_close(p.rate_effect, (rb - ra) * (va + vbb) / 2, 1e-12);
    assert_close(p.contribution, vbb * rb - va * ra - 5 * (vbb - va), 1e-12);
    /* only in B: all volume */
    p = vb_change_part_of(0, 0, 10, 2, 100, 8, 10);
    assert_close(p.volume_effect, 0.25 * (50 - 10), 1e-12);
    assert_close(p.rate_effect, 0, 0);
    /* in neither */
    p = vb_change_part_of(0, 0, 10, 0, 0, 8, 10);
    assert_close(p.contribution, 0, 0);

    vb_diff d = vb_diff_of(10, 3, 20, 4); /* se 5 */
    assert_close(d.se, 5, 1e-12);
    assert_close(d.lo, 10 - 9.8, 1e-12);
    assert_true(d.significant);
}

/* Agresti and Caffo's interval, worked by hand: 11/102 against 21/102,
 * se = sqrt(0.107843 x 0.892157 / 102 + 0.205882 x 0.794118 / 102) =
 * 0.0504594, 0.0980392 -/+ 0.0989005. Wald's, 0.1 -/+ 1.96 x 0.05,
 * would call it a change; Fisher's exact test does not (p = 0.073). */
static void test_share_change_interval(void **state)
{
    (void)state;
    vb_diff d = vb_diff_proportions(10, 100, 20, 100);
    assert_close(d.delta, 0.1, 1e-12);
    assert_close(d.se, 0.050459438640814404, 1e-12);
    assert_close(d.lo, -0.0008612840497217306, 1e-12);
    assert_close(d.hi, 0.19693971542227073, 1e-12);
    assert_false(d.significant);

    /* 0 of 60 against 4 of 60: 1/62 against 5/62, -0.0102 to 0.1392;
     * Wald's, 0.0036 to 0.1298, would call it a change (Fisher: p =
     * 0.12). */
    d = vb_diff_proportions(0, 60, 4, 60);
    assert_close(d.delta, 4.0 / 60, 1e-12);
    assert_close(d.lo, -0.010164262554264586, 1e-12);
    assert_close(d.hi, 0.1391965206187807, 1e-12);
    assert_false(d.significant);

    /* 5 of 200 against 30 of 200: 6/202 against 31/202, a change. */
    d = vb_diff_proportions(5, 200, 30, 200);
    assert_close(d.delta, 0.125, 1e-12);
    assert_close(d.lo, 0.06881892122450364, 1e-12);
    assert_close(d.hi, 0.17870583125074388, 1e-12);
    assert_true(d.significant);

    /* 0 of 2 against 2 of 2: 1/4 against 3/4, -0.1001 to 1.1001, which
     * ends at 1; the change seen (1) is inside. */
    d = vb_diff_proportions(0, 2, 2, 2);
    assert_close(d.delta, 1, 1e-12);
    assert_close(d.lo, -0.10012498698187855, 1e-12);
    assert_true(d.hi == 1);
    assert_false(d.significant);

    /* nothing on one side: undefined */
    d = vb_diff_proportions(0, 0, 2, 2);
    assert_true(isnan(d.delta) && isnan(d.lo) && !d.significant);
}

static vb_moments scores_of(int promoters, int passives, int detractors)
{
    vb_moments g = {0};
    for (int i = 0; i < promoters + passives + detractors; i++)
        vb_moments_add(&g, 1, i < promoters ? 100 : i < promoters + passives ? 0 : -100);
    return g;
}

static vb_diff diff_scores(const vb_metric_spec *m, const vb_moments *from, const vb_moments *to)
{
    const vb_estimate a = vb_metric_estimate(m, from), b = vb_metric_estimate(m, to);
    return vb_diff_scores(m, from, &a, to, &b);
}

/* The change of a share score is the difference of the adjusted
 * estimates, worked by hand. */
static void test_score_change_interval(void **state)
{
    (void)state;
    const vb_metric_spec nps = test_metric_spec(VB_METRIC_NPS, 0, 0, 0);
    /* 50 promoters, 30 detractors of 100, then 30 and 40: 50.75/103 -
     * 30.75/103 = 19.417 and -9.709, variances 1e4 (p + d - (p - d)^2) /
     * 103 = 66.67 and 72.97; -29.126 -/+ 1.96 x 11.817 = -52.29 to -5.96
     * (the normal interval: -53.60 to -6.40). */
    vb_moments a = scores_of(50, 20, 30), b = scores_of(30, 30, 40);
    vb_diff d = diff_scores(&nps, &a, &b);
    assert_close(d.delta, -30, 1e-9);
    assert_close(d.se, 11.816999018392893, 1e-9);
    assert_close(d.lo, -52.28753166828309, 1e-9);
    assert_close(d.hi, -5.964895516182942, 1e-9);
    assert_true(d.significant);

    /* Two promoters, then two detractors: the normal interval is "-200
     * to -200". Adjusted: +40 and -40, variances 1080 each: -80 -/+ 1.96
     * x 46.476 = -171.1 to +11.1, taken out to the -200 seen. */
    a = scores_of(2, 0, 0);
    b = scores_of(0, 0, 2);
    d = diff_scores(&nps, &a, &b);
    assert_close(d.delta, -200, 1e-9);
    assert_true(d.lo == -200);
    assert_close(d.hi, 11.09256830279844, 1e-9);
    assert_false(d.significant);

    /* CSAT 18 of 20, then 10 of 20 (Agresti and Caffo): 19/22 and 11/22,
     * -36.364 -/+ 1.96 x 12.929 = -61.71 to -11.02. */
    const vb_metric_spec csat = test_metric_spec(VB_METRIC_CSAT, 0, 0, 0);
    vb_moments c = {0}, e = {0};
    for (int i = 0; i < 20; i++) {
        vb_moments_add(&c, 1, i < 18 ? 100 : 0);
        vb_moments_add(&e, 1, i < 10 ? 100 : 0);
    }
    d = diff_scores(&csat, &c, &e);
    assert_close(d.delta, -40, 1e-9);
    assert_close(d.lo, -61.70512081027896, 1e-9);
    assert_close(d.hi, -11.022151916993757, 1e-9);

    /* Two five-star reviews, then two four-star: the normal interval is
     * "-1 to -1". A mean gains two respondents with the mean (4.5) and
     * mean square (20.5) of both groups: 19/4 and 17/4, variances
     * (91/4 - 4.75^2) / 4 and (73/4 - 4.25^2) / 4 = 0.046875 each; -0.5
     * -/+ 1.96 x 0.306186 = -1.100 to +0.100. */
    const vb_metric_spec mean = test_metric_spec(VB_METRIC_MEAN, 0, 0, 0);
    vb_moments five = {0}, four = {0};
    for (int i = 0; i < 2; i++) {
        vb_moments_add(&five, 1, 5);
        vb_moments_add(&four, 1, 4);
    }
    assert_true(vb_metric_estimate(&mean, &five).se == 0);
    d = diff_scores(&mean, &five, &four);
    assert_close(d.delta, -1, 1e-12);
    assert_close(d.se, sqrt(0.09375), 1e-12);
    assert_close(d.lo, -0.5 - 1.96 * sqrt(0.09375), 1e-12);
    assert_close(d.hi, -0.5 + 1.96 * sqrt(0.09375), 1e-12);
    assert_false(d.significant);

    /* Three fives, then three ones, on a 1-5 scale: 21/5 and 9/5, -2.4
     * -/+ 1.96 x 1.0119 = -4.38 to -0.42; taken out to the -4 seen, but
     * no further than the scale's span. */
    const vb_metric_spec stars = test_metric_spec(VB_METRIC_MEAN, 1, 5, 0);
    vb_moments fives = {0}, ones = {0};
    for (int i = 0; i < 3; i++) {
        vb_moments_add(&fives, 1, 5);
        vb_moments_add(&ones, 1, 1);
    }
    d = diff_scores(&stars, &fives, &ones);
    assert_close(d.se, sqrt(1.024), 1e-12);
    assert_true(d.lo == -4);
    assert_close(d.hi, -2.4 + 1.96 * sqrt(1.024), 1e-12);
    assert_true(d.significant);
}

static void test_identity_on_random_data(void **state)
{
    (void)state;
    static const char *const themes[] = {"a", "a.x", "a.y", "b", "b.x", "c", "c.x", "c.y", "d"};
    const uint64_t seed = 20260314;
    uint64_t s = seed;
    for (int round = 0; round < 20; round++) {
        vb_agg *agg = new_agg("2026-01", "2026-03");
        for (int i = 0; i < 400; i++) {
            char score[8], weight[16], list[64] = "";
            snprintf(score, sizeof score, "%d", (int)(vb_test_random(&s) % 11));
            snprintf(weight, sizeof weight, "%.3f",
                     0.25 + (double)(vb_test_random(&s) % 4000) / 1000);
            for (size_t t = 0; t < 9; t++)
                if (vb_test_random(&s) % 4 == 0) {
                    if (list[0] != '\0') strcat(list, ",");
                    strcat(list, themes[t]);
                }
            const char *dates[] = {"2026-01-10", "2026-02-10", "2026-03-10"};
            trow r = {score, dates[vb_test_random(&s) % 3], NULL, weight, list, "", 0, "r"};
            vb_report_issue issues[VB_REPORT_MAX_ISSUES];
            size_t n_issues;
            assert_int_equal(trow_add(agg, &r, issues, &n_issues), VB_OK);
            assert_int_equal(n_issues, 0);
        }
        vb_report *rep = vb_report_new(agg, NULL);
        assert_non_null(rep);
        const vb_rep_change *ch = &rep->change;
        double total = ch->no_theme.p.contribution;
        double effects = ch->no_theme.p.volume_effect + ch->no_theme.p.rate_effect;
        double volume = ch->no_theme.p.v_to - ch->no_theme.p.v_from;
        for (size_t i = 0; i < ch->n_contributions; i++) {
            const vb_rep_contrib *c = &ch->contributions[i];
            total += c->part.p.contribution;
            effects += c->part.p.volume_effect + c->part.p.rate_effect;
            volume += c->part.p.v_to - c->part.p.v_from;
            double kids = c->other.p.contribution;
            for (size_t k = 0; k < c->n_children; k++)
                kids += c->children[k].p.contribution;
            if (fabs(kids - c->part.p.contribution) > 1e-9)
                fail_msg("seed %llu round %d: children of %s add up to %.17g, not %.17g",
                         (unsigned long long)seed, round, rep->themes[c->part.theme].id, kids,
                         c->part.p.contribution);
        }
        if (fabs(total - ch->delta.delta) > 1e-9 || fabs(effects - ch->delta.delta) > 1e-9)
            fail_msg("seed %llu round %d: parts add up to %.17g, delta is %.17g",
                     (unsigned long long)seed, round, total, ch->delta.delta);
        assert_close(volume, 0, 1e-12); /* volumes are shares of 1 on both sides */
        vb_report_free(rep);
        vb_agg_free(agg);
    }
}

static void test_compare_groups(void **state)
{
    (void)state;
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.date_col = "date";
    o.segment_col = "region";
    o.compare_from = "North";
    o.compare_to = "South";
    vb_agg *agg = vb_agg_new(&o, NULL);
    const trow rows[] = {
        {"10", "2026-01-03", "North", NULL, "a", "", 0, "1"},
        {"0", "2026-02-03", "South", NULL, "a", "", 0, "2"},
        {"5", "2026-02-04", "South", NULL, "", "", 0, "3"},
    };
    assert_int_equal(trows_add(agg, rows, 3), 0);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    assert_string_equal(rep->change.kind, "segment");
    assert_close(rep->change.delta.delta, -100 - 100, 1e-12); /* +100 -> -100 */
    vb_report_free(rep);

    /* unknown names list what there is */
    o.compare_from = "2026-01";
    o.compare_to = "2027-01";
    vb_agg *agg2 = vb_agg_new(&o, NULL);
    assert_int_equal(trows_add(agg2, rows, 3), 0);
    vb_error err;
    assert_null(vb_report_new(agg2, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.message, "--compare 2026-01..2027-01: not two periods or two "
                                     "segments; periods: 2026-01 2026-02; segments: South North");
    vb_agg_free(agg2);

    /* no comparison without two periods */
    o.compare_from = o.compare_to = NULL;
    o.date_col = NULL;
    vb_agg *agg3 = vb_agg_new(&o, NULL);
    assert_int_equal(trows_add(agg3, rows, 3), 0);
    rep = vb_report_new(agg3, NULL);
    assert_false(rep->change.present);
    vb_report_free(rep);
    vb_agg_free(agg3);
    vb_agg_free(agg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked_case),
        cmocka_unit_test(test_part_formulas),
        cmocka_unit_test(test_share_change_interval),
        cmocka_unit_test(test_score_change_interval),
        cmocka_unit_test(test_identity_on_random_data),
        cmocka_unit_test(test_compare_groups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

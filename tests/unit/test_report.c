/* Tests for report.c and the renderers: impact and its interval worked
 * out by hand, key drivers through the report, the focus sentence, the
 * JSON keys the README documents, CSV formula-injection safety, Markdown
 * escaping and the terminal table's width and hygiene. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report.h"
#include "report_rows.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_close(a, b, eps)                                                                    \
    do {                                                                                           \
        const double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%s = %.17g, want %.17g", #a, a_, b_);             \
    } while (0)

static vb_agg *agg_with(const trow *rows, size_t n, const vb_report_options *o)
{
    vb_agg *agg = vb_agg_new(o, NULL);
    assert_non_null(agg);
    assert_int_equal(trows_add(agg, rows, n), 0);
    return agg;
}

static vb_agg *agg_of(const trow *rows, size_t n, const char *segment_col, const char *date_col)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.segment_col = segment_col;
    o.date_col = date_col;
    return agg_with(rows, n, &o);
}

static const vb_rep_theme *theme(const vb_report *rep, const char *id)
{
    for (size_t i = 0; i < rep->n_themes; i++)
        if (strcmp(rep->themes[i].id, id) == 0) return &rep->themes[i];
    fail_msg("no theme %s", id);
    return NULL;
}

/* Ten respondents, NPS 20 (5 promoters, 3 detractors, 2 passives). Theme
 * "t" is mentioned by 4 of them: 1 promoter, 3 detractors, S_m = -50;
 * the other 6 (4 promoters, 2 passives) have S_r = 66.667. So
 *   impact = 20 - 66.667 = -46.667 = p (S_m - S_r) = 0.4 x -116.667
 * and its interval is that of Rocks's adjusted estimates (n + 3 of whom
 * P + 3/4 promoters and D + 3/4 detractors):
 *   S_m' = 100 (1.75 - 3.75) / 7 = -28.571, SE_m'^2 = 10^4 (5.5/7 - 0.2857^2) / 7 = 1005.831
 *   S_r' = 100 (4.75 - 0.75) / 9 = 44.444, SE_r'^2 = 10^4 (5.5/9 - 0.4444^2) / 9 = 459.534
 *   SE^2 = 73.016^2 x 0.4 x 0.6 / 10 + 0.4^2 (1005.831 + 459.534) = 362.410
 *   SE = 19.0370677, interval 0.4 x -73.016 -/+ 37.313: includes 0. */
static void test_impact_by_hand(void **state)
{
    (void)state;
    const trow rows[] = {
        {"10", NULL, NULL, NULL, "t", "", -0.5, "1"}, {"0", NULL, NULL, NULL, "t", "", -0.5, "2"},
        {"3", NULL, NULL, NULL, "t", "", -0.5, "3"},  {"6", NULL, NULL, NULL, "t", "", -0.5, "4"},
        {"9", NULL, NULL, NULL, "", "", 0, "5"},      {"9", NULL, NULL, NULL, "", "", 0, "6"},
        {"10", NULL, NULL, NULL, "", "", 0, "7"},     {"9", NULL, NULL, NULL, "", "", 0, "8"},
        {"7", NULL, NULL, NULL, "", "", 0, "9"},      {"8", NULL, NULL, NULL, "", "", 0, "10"},
    };
    vb_agg *agg = agg_of(rows, 10, NULL, NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    assert_close(rep->overall.value, 20, 1e-12);
    const vb_rep_theme *t = theme(rep, "t");
    assert_int_equal(t->n, 4);
    assert_close(t->share, 0.4, 1e-12);
    assert_close(t->sentiment, -0.5, 1e-12);
    assert_close(t->score.value, -50, 1e-12);
    assert_close(t->impact, 20 - 400.0 / 6, 1e-12);
    assert_close(t->impact_se, 19.03706770828893, 1e-9);
    const double centre = 0.4 * (100 * (1.75 - 3.75) / 7 - 100 * (4.75 - 0.75) / 9);
    assert_close(t->impact_lo, centre - 1.96 * t->impact_se, 1e-12);
    assert_close(t->impact_hi, centre + 1.96 * t->impact_se, 1e-12);
    assert_false(t->impact_significant);
    assert_true(t->small);
    assert_int_equal(t->direction, -1);
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* 4 detractors of 400 mention "t"; 200 promoters and 196 passives do not
 * (S_r = 50.5). The impact, 0.01 x -150.5 = -1.5, is not significant:
 * the normal SE of 4 who agree is 0 and made it so (-2.97 to -0.04);
 * Rocks's adjusted estimates (S_m' = -57.1 of 7, S_r' = 50.1 of 399)
 * give 0.01 x -107.3 -/+ 1.16, which reaches the -1.5 seen. */
static void test_impact_of_a_few_who_agree(void **state)
{
    (void)state;
    static trow rows[400];
    static char ids[400][8];
    for (int i = 0; i < 400; i++) {
        snprintf(ids[i], sizeof ids[i], "R%03d", i);
        rows[i] = (trow){i < 4 ? "0" : i < 204 ? "10" : "8",
                         NULL,
                         NULL,
                         NULL,
                         i < 4 ? "t" : "",
                         "fine",
                         0.0,
                         ids[i]};
    }
    vb_agg *agg = agg_of(rows, 400, NULL, NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    const vb_rep_theme *t = theme(rep, "t");
    assert_close(t->impact, 49 - 100 * 200.0 / 396, 1e-9);
    const double d = 100 * (0.75 - 4.75) / 7 - 100 * (200.75 - 0.75) / 399;
    const double var_m = 1e4 * (5.5 / 7 - (4.0 / 7) * (4.0 / 7)) / 7;
    const double var_r = 1e4 * (201.5 / 399 - (200.0 / 399) * (200.0 / 399)) / 399;
    assert_close(t->impact_se, sqrt(d * d * 0.01 * 0.99 / 400 + 1e-4 * (var_m + var_r)), 1e-9);
    assert_close(t->impact_lo, 0.01 * d - 1.96 * t->impact_se, 1e-9);
    assert_close(t->impact_hi, 0.01 * d + 1.96 * t->impact_se, 1e-9);
    assert_true(t->impact_lo < -2 && t->impact_hi > 0);
    assert_false(t->impact_significant);
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* A mean as well: 4 one-star reviews of 3,000 mention "t", the rest are
 * 1,498 fives and 1,498 fours. Their SE is 0, and the plain interval,
 * -0.0092 to -0.0001, called the theme significant. Each side gains two
 * respondents with the mean (13486/3000) and mean square (61422/3000) of
 * all 3,000. */
static void test_impact_of_a_few_stars_who_agree(void **state)
{
    (void)state;
    static trow rows[3000];
    for (int i = 0; i < 3000; i++)
        rows[i] = (trow){
            i < 4 ? "1" : i % 2 ? "5" : "4", NULL, NULL, NULL, i < 4 ? "t" : "", "fine", 0.0, "R"};
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.metric = VB_METRIC_MEAN;
    vb_agg *agg = agg_with(rows, 3000, &o);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    const vb_rep_theme *t = theme(rep, "t");
    const double mean = 13486.0 / 3000, square = 61422.0 / 3000;
    assert_close(t->impact, mean - 4.5, 1e-9);
    const double s_m = (4 + 2 * mean) / 6, s_r = (2996 * 4.5 + 2 * mean) / 2998;
    const double var_m = ((4 + 2 * square) / 6 - s_m * s_m) / 6;
    const double var_r = ((2996 * 20.5 + 2 * square) / 2998 - s_r * s_r) / 2998;
    const double p = 4.0 / 3000, d = s_m - s_r;
    const double se = sqrt(d * d * p * (1 - p) / 3000 + p * p * (var_m + var_r));
    assert_close(t->impact_se, se, 1e-12);
    assert_close(t->impact_lo, p * d - 1.96 * se, 1e-12);
    assert_close(t->impact_hi, p * d + 1.96 * se, 1e-12);
    assert_true(t->impact_lo < -0.006 && t->impact_hi > 0);
    assert_false(t->impact_significant);
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* 40 respondents: 10 detractors mention "delivery.late", 20 promoters and
 * 10 passives mention nothing. NPS = (20 - 10)/40 = 25; without the
 * mentioners (30 people, 20 promoters) it is 66.7, so the theme costs
 * 41.7 points, significantly. */
static vb_agg *late_delivery_case(void)
{
    static trow rows[40];
    static char ids[40][8];
    for (int i = 0; i < 40; i++) {
        snprintf(ids[i], sizeof ids[i], "R%02d", i);
        trow r = {i < 10   ? "2"
                  : i < 30 ? "10"
                           : "8",
                  NULL,
                  i % 2 ? "North" : "South",
                  NULL,
                  i < 10 ? "delivery.late" : "",
                  i < 10 ? "parcel arrived late again" : "fine",
                  i < 10 ? -0.6 : 0.3,
                  ids[i]};
        rows[i] = r;
    }
    return agg_of(rows, 40, "region", NULL);
}

/* `n` respondents scored scores[i % n_scores], weighted `weight`. */
static bool no_promoters(const char *const *scores, size_t n_scores, size_t n, vb_metric metric,
                         const char *weight)
{
    trow rows[64];
    char ids[64][24]; /* room for any size_t, as -Wformat-truncation asks */
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++) {
        snprintf(ids[i], sizeof ids[i], "R%02zu", i);
        rows[i] = (trow){scores[i % n_scores], NULL, NULL, weight, "", "fine", 0.0, ids[i]};
    }
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.metric = metric;
    o.weight_col = weight != NULL ? "weight" : NULL;
    vb_agg *agg = agg_with(rows, n, &o);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    const bool flagged = vb_report_no_promoters(rep);
    vb_report_free(rep);
    vb_agg_free(agg);
    return flagged;
}

/* Star ratings read as NPS are all detractors, 1-7 ones detractors and
 * passives: flagged once the scores reach min_n (30), and only for NPS. */
static void test_no_promoters_flags_a_shorter_scale(void **state)
{
    (void)state;
    const char *const stars[] = {"1", "2", "3", "4", "5"};
    const char *const seven[] = {"1", "3", "5", "7"};
    const char *const one_nine[] = {"9", "1", "2", "3", "4", "5"};
    assert_true(no_promoters(stars, 5, 40, VB_METRIC_NPS, NULL));
    assert_true(no_promoters(seven, 4, 40, VB_METRIC_NPS, NULL));
    assert_true(no_promoters(stars, 5, 40, VB_METRIC_NPS, "2.5"));
    assert_false(no_promoters(stars, 5, 29, VB_METRIC_NPS, NULL)); /* below min_n */
    assert_false(no_promoters(one_nine, 6, 40, VB_METRIC_NPS, NULL));
    assert_false(no_promoters(one_nine, 6, 40, VB_METRIC_NPS, "0.001"));
    assert_false(no_promoters(stars, 5, 40, VB_METRIC_CSAT, NULL));
    assert_false(no_promoters(stars, 5, 40, VB_METRIC_MEAN, NULL));
    /* weights of 0 leave no promoter to count, and no scale to judge */
    const char *const nines[] = {"9"};
    assert_false(no_promoters(nines, 1, 40, VB_METRIC_NPS, "0"));
}

static void test_focus_sentence(void **state)
{
    (void)state;
    vb_agg *agg = late_delivery_case();
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    assert_int_equal(rep->n_focus, 1); /* the parent is dropped for its child */
    const vb_rep_focus *f = &rep->focus[0];
    assert_string_equal(rep->themes[f->theme].id, "delivery.late");
    assert_string_equal(f->sentence, "delivery.late: mentioned by 25% of customers; their NPS is "
                                     "-100 (only 10 scored); it costs 41.7 points of NPS.");
    assert_close(f->impact, 25 - 200.0 / 3, 1e-12);
    assert_true(rep->themes[f->theme].n_quotes == 1); /* ten copies of one comment */
    assert_string_equal(rep->themes[f->theme].quotes[0].text, "parcel arrived late again");
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* A parent whose listed child loses a sliver of its points stays in the
 * focus: 200 respondents, 60 detractors mention returns (the parent
 * alone), 10 exchanges (its child), 130 promoters nothing. Returns:
 * impact 0.35 x (-100 - 100) = -70; exchanges: 0.05 x (-100 - 36.84)
 * = -6.84, significant too. Dropping the parent for that child would
 * hide nine tenths of the loss. */
static void test_focus_keeps_a_parent_its_children_barely_explain(void **state)
{
    (void)state;
    static trow rows[200];
    for (int i = 0; i < 200; i++) {
        trow r = {i < 70 ? "2" : "10",
                  NULL,
                  NULL,
                  NULL,
                  i < 60   ? "returns"
                  : i < 70 ? "returns.exchange"
                           : "",
                  i < 70 ? "sent it back" : "fine",
                  i < 70 ? -0.5 : 0.3,
                  NULL};
        rows[i] = r;
    }
    vb_agg *agg = agg_of(rows, 200, NULL, NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    assert_int_equal(rep->n_focus, 2);
    assert_string_equal(rep->themes[rep->focus[0].theme].id, "returns");
    assert_close(rep->focus[0].impact, -70, 1e-9);
    assert_string_equal(rep->themes[rep->focus[1].theme].id, "returns.exchange");
    assert_close(rep->focus[1].impact, 0.05 * (-100 - 7000.0 / 190), 1e-9);
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* Late deliveries in January from the North (strongly negative) and in
 * February from the South (mildly; dated `feb_date`, which falls on
 * `feb_day` as written), each with as many happy customers. The theme's
 * quotes are January's, the strongest; the focus, on February (or with
 * `by_segment`, on the South against the North), quotes February's
 * first. */
static void check_focus_quotes(const char *feb_date, const char *feb_day, bool by_segment)
{
    static trow rows[40];
    static char ids[40][8], texts[40][48];
    for (int i = 0; i < 40; i++) {
        const bool jan = i < 20, late = i % 2 == 0;
        snprintf(ids[i], sizeof ids[i], "R%02d", i);
        snprintf(texts[i], sizeof texts[i], "%s late again, order %d",
                 jan ? "january parcel" : "february box", i);
        rows[i] = (trow){late ? "2" : "10",
                         jan ? "2026-01-10" : feb_date,
                         jan ? "North" : "South",
                         NULL,
                         late ? "delivery.late" : "",
                         late ? texts[i] : "fine",
                         late ? (jan ? -0.9 : -0.5) : 0.3,
                         ids[i]};
    }
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.date_col = "date";
    if (by_segment) {
        o.segment_col = "region";
        o.compare_from = "North";
        o.compare_to = "South";
    }
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    assert_int_equal(trows_add(agg, rows, 40), 0);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_non_null(rep);
    assert_string_equal(rep->focus_where, by_segment ? "South" : "2026-02");
    assert_true(rep->n_focus >= 1);
    const vb_rep_focus *f = &rep->focus[0];
    const vb_rep_theme *t = &rep->themes[f->theme];
    assert_string_equal(t->id, "delivery.late");
    assert_int_equal(t->n_quotes, 3);
    for (size_t k = 0; k < t->n_quotes; k++)
        assert_string_equal(t->quotes[k].date, "2026-01-10");
    /* The candidates kept are January's ten and the two best of February
     * (VB_QUOTE_KEEP 12): February's two first, then January fills up. */
    assert_int_equal(f->n_quotes, 3);
    for (size_t k = 0; k < 2; k++) {
        assert_string_equal(f->quotes[k].date, feb_day);
        assert_non_null(strstr(f->quotes[k].text, "february"));
    }
    assert_string_equal(f->quotes[2].date, "2026-01-10");
    vb_report_free(rep);
    vb_agg_free(agg);
}

static void test_focus_quotes_come_from_its_period(void **state)
{
    (void)state;
    check_focus_quotes("2026-02-10", "2026-02-10", false);
}

/* Quotes carry their record's segment: a segment's focus quotes it first. */
static void test_focus_quotes_come_from_its_segment(void **state)
{
    (void)state;
    check_focus_quotes("2026-02-10", "2026-02-10", true);
}

/* A record is bucketed by its date as written, offset or not; its quote
 * is dated, and counted for a period, by the same day (in UTC this one
 * is 2026-01-31). */
static void test_quote_dated_as_written(void **state)
{
    (void)state;
    check_focus_quotes("2026-02-01T02:00:00+05:00", "2026-02-01", false);
}

static void test_drivers_in_report(void **state)
{
    (void)state;
    /* the rows of test_drivers.c's three-predictor case, as themes a b c */
    static const char *const t[] = {"a", "a,b",   "b", "c", "a,c", "b,c",
                                    "",  "a,b,c", "",  "a", "b",   "c"};
    static const char *const s[] = {"0", "0", "10", "7", "0", "10", "10", "8", "8", "8", "10", "0"};
    trow rows[12];
    for (int i = 0; i < 12; i++) {
        trow r = {s[i], NULL, NULL, NULL, t[i], "", 0, "x"};
        rows[i] = r;
    }
    vb_agg *agg = agg_of(rows, 12, NULL, NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    assert_int_equal(rep->n_drivers, 3);
    assert_close(rep->r2, 0.588383838383838, 1e-12);
    assert_string_equal(rep->themes[rep->drivers[0].theme].id, "a");
    assert_close(rep->drivers[0].importance, 0.382331823225083, 1e-12);
    assert_int_equal(rep->drivers[0].direction, -1);
    assert_close(rep->drivers[2].share, 0.0442680378247203 / 0.588383838383838, 1e-12);
    vb_report_free(rep);
    vb_agg_free(agg);
}

static const char *render(vb_report *rep, vb_report_format f, const char *section, unsigned flags)
{
    const char *text;
    size_t len;
    assert_int_equal(vb_report_render(rep, f, section, flags, &text, &len), VB_OK);
    assert_int_equal(strlen(text), len);
    return text;
}

static void test_json_keys(void **state)
{
    (void)state;
    vb_agg *agg = late_delivery_case();
    vb_report *rep = vb_report_new(agg, NULL);
    cJSON *doc = cJSON_Parse(render(rep, VB_REPORT_JSON, NULL, 0));
    assert_non_null(doc);
    const char *top[] = {"schema",   "metric", "n",       "score",  "ci95",
                         "rejected", "themes", "drivers", "r2",     "periods",
                         "segments", "change", "focus",   "records"};
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        if (!cJSON_HasObjectItem(doc, top[i])) fail_msg("no key %s", top[i]);
    const cJSON *th = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "themes"), 0);
    const char *tk[] = {"id",        "label",  "n",           "share",  "score",
                        "sentiment", "impact", "impact_ci95", "quotes", "parent"};
    for (size_t i = 0; i < sizeof tk / sizeof tk[0]; i++)
        if (!cJSON_HasObjectItem(th, tk[i])) fail_msg("no theme key %s", tk[i]);
    /* a quote names its record's segment: R<even> are South, R<odd> North */
    const cJSON *q;
    size_t n_quotes = 0;
    cJSON_ArrayForEach(q, cJSON_GetObjectItem(th, "quotes")) {
        const char *id = cJSON_GetObjectItem(q, "id")->valuestring;
        const cJSON *segment = cJSON_GetObjectItem(q, "segment");
        assert_true(cJSON_IsString(segment));
        assert_string_equal(segment->valuestring, (id[2] - '0') % 2 ? "North" : "South");
        assert_true(cJSON_IsNull(cJSON_GetObjectItem(q, "date")));
        n_quotes++;
    }
    assert_true(n_quotes > 0);
    const cJSON *seg = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "segments"), 0);
    assert_true(cJSON_HasObjectItem(seg, "segment") && cJSON_HasObjectItem(seg, "ci95"));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(doc, "change")));
    assert_string_equal(cJSON_GetObjectItem(doc, "metric")->valuestring, "nps");
    assert_true(cJSON_GetObjectItem(doc, "score")->valuedouble == 25);
    cJSON_Delete(doc);
    vb_report_free(rep);
    vb_agg_free(agg);
}

static void test_csv_is_injection_safe(void **state)
{
    (void)state;
    const trow rows[] = {
        {"9", NULL, "=HYPERLINK(\"http://x\",\"y\")", NULL, "a", "-2+3 awful, \"really\"", -0.8,
         "@1"},
        {"2", NULL, "+cmd", NULL, "a", "@everyone terrible", -0.9, "2"},
        {"5", NULL, "-1 region", NULL, "", "fine", 0, "3"},
    };
    vb_agg *agg = agg_of(rows, 3, "region", NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    const char *seg = render(rep, VB_REPORT_CSV, "segments", 0);
    assert_non_null(strstr(seg, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    assert_non_null(strstr(seg, "\n'+cmd,"));
    assert_non_null(strstr(seg, "\n'-1 region,"));
    const char *q = render(rep, VB_REPORT_CSV, "quotes", 0);
    assert_non_null(strstr(q, "\"'-2+3 awful, \"\"really\"\"\""));
    assert_non_null(strstr(q, ",'@everyone terrible"));
    assert_non_null(strstr(q, ",'@1,")); /* the id too */
    /* no cell may start with a formula character */
    for (const char *p = q; *p != '\0'; p++)
        if ((p == q || p[-1] == ',' || p[-1] == '\n') && strchr("=+@", *p) != NULL)
            fail_msg("unsafe cell at: %.30s", p);
    const char *all = render(rep, VB_REPORT_CSV, NULL, 0);
    assert_non_null(strstr(all, "# overall\n"));
    assert_non_null(strstr(all, "\n\n# quotes\n"));
    const char *text;
    size_t len;
    assert_int_equal(vb_report_render(rep, VB_REPORT_CSV, "nope", 0, &text, &len), VB_EINVAL);
    assert_int_equal(vb_report_render(rep, VB_REPORT_JSON, "themes", 0, &text, &len), VB_EINVAL);
    assert_int_equal(vb_report_render(rep, VB_REPORT_HTML, "themes", 0, &text, &len), VB_EINVAL);
    vb_report_free(rep);
    vb_agg_free(agg);
}

static void test_markdown_escapes_and_highlights(void **state)
{
    (void)state;
    const trow rows[] = {
        {"1", NULL, NULL, NULL, "delivery.late", "*so* late [x](http://e) <b>|", -0.9, "1"},
        {"10", NULL, NULL, NULL, "", "- fine", 0.5, "2"},
    };
    vb_agg *agg = agg_of(rows, 2, NULL, NULL);
    vb_report *rep = vb_report_new(agg, NULL);
    const char *md = render(rep, VB_REPORT_MD, NULL, 0);
    assert_non_null(strstr(md, "> \\*so\\* **late** \\[x\\](http://e) \\<b\\>\\|\n"));
    assert_null(strstr(md, "<b>"));
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* Two segments of four comments each, min_n 2:
 *   North: 10 "t", 0 "t", 9 -, 8 "u"        NPS (2 - 1)/4 = +25
 *   South: 2 "t", 9 "u", 10 "u,t", -- "t"   NPS (2 - 1)/3 = +33.3 (one unscored)
 * t: North 2 of 4 (50%), NPS (1 - 1)/2 = 0; South 3 of 4 (75%), scored 2 -> 0
 * u: North 1 of 4 (25%), NPS 0, small; South 2 of 4 (50%), NPS +100 */
static vb_report *heat_case(vb_agg **agg)
{
    const trow rows[] = {
        {"10", NULL, "North", NULL, "t", "", -0.5, "1"},
        {"0", NULL, "North", NULL, "t", "", -0.25, "2"},
        {"9", NULL, "North", NULL, "", "", 0, "3"},
        {"8", NULL, "North", NULL, "u", "", 0.5, "4"},
        {"2", NULL, "South", NULL, "t", "", -1, "5"},
        {"9", NULL, "South", NULL, "u", "", 0.5, "6"},
        {"10", NULL, "South", NULL, "u,t", "", 0.25, "7"},
        {NULL, NULL, "South", NULL, "t", "", 0.5, "8"},
    };
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.segment_col = "region";
    o.min_n = 2;
    *agg = vb_agg_new(&o, NULL);
    assert_non_null(*agg);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n;
        assert_int_equal(trow_add(*agg, &rows[i], is, &n), VB_OK);
    }
    vb_report *rep = vb_report_new(*agg, NULL);
    assert_non_null(rep);
    return rep;
}

static void test_heatmap_by_hand(void **state)
{
    (void)state;
    vb_agg *agg;
    vb_report *rep = heat_case(&agg);
    assert_int_equal(rep->n_segments, 2);
    assert_string_equal(rep->segments[0].key, "North"); /* equal size: by name */
    assert_close(rep->segments[0].score.value, 25, 1e-12);
    assert_close(rep->segments[1].score.value, 100.0 / 3, 1e-12);
    assert_int_equal(rep->n_heat_rows, 2);
    assert_string_equal(rep->themes[rep->heat_rows[0]].id, "t"); /* 5 mentions */
    assert_string_equal(rep->themes[rep->heat_rows[1]].id, "u"); /* 3 */
    const vb_rep_heat *tn = vb_rep_heat_at(rep, 0, 0), *ts = vb_rep_heat_at(rep, 0, 1);
    const vb_rep_heat *un = vb_rep_heat_at(rep, 1, 0), *us = vb_rep_heat_at(rep, 1, 1);
    assert_int_equal(tn->n, 2);
    assert_close(tn->share, 0.5, 1e-15);
    assert_int_equal(tn->score.n, 2);
    assert_close(tn->score.value, 0, 1e-12);
    assert_close(tn->sentiment, -0.375, 1e-12);
    assert_false(tn->small);
    assert_int_equal(ts->n, 3);
    assert_close(ts->share, 0.75, 1e-15);
    assert_int_equal(ts->score.n, 2); /* the unscored comment counts for the share only */
    assert_close(ts->score.value, 0, 1e-12);
    assert_close(ts->sentiment, -0.25 / 3, 1e-12);
    assert_int_equal(un->n, 1);
    assert_close(un->share, 0.25, 1e-15);
    assert_close(un->score.value, 0, 1e-12);
    assert_true(un->small); /* one score, min_n 2 */
    assert_int_equal(us->n, 2);
    assert_close(us->share, 0.5, 1e-15);
    assert_close(us->score.value, 100, 1e-12);
    assert_false(us->small);

    /* every renderer shows it */
    cJSON *doc = cJSON_Parse(render(rep, VB_REPORT_JSON, NULL, 0));
    assert_non_null(doc);
    const cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "heatmap"), 1);
    assert_string_equal(cJSON_GetObjectItem(row, "theme")->valuestring, "u");
    const cJSON *cell = cJSON_GetArrayItem(cJSON_GetObjectItem(row, "cells"), 1);
    assert_string_equal(cJSON_GetObjectItem(cell, "segment")->valuestring, "South");
    assert_true(cJSON_GetObjectItem(cell, "n")->valuedouble == 2);
    assert_true(cJSON_GetObjectItem(cell, "share")->valuedouble == 0.5);
    assert_true(cJSON_GetObjectItem(cell, "score")->valuedouble == 100);
    assert_true(cJSON_GetObjectItem(cell, "score_n")->valuedouble == 2);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cell, "small")));
    assert_true(fabs(cJSON_GetObjectItem(cell, "segment_score")->valuedouble - 100.0 / 3) < 1e-9);
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(cell, "ci95")));
    cJSON_Delete(doc);
    const char *csv = render(rep, VB_REPORT_CSV, "heatmap", 0);
    assert_non_null(strstr(csv, "theme,label,segment,n,share,sentiment,score_n,score,ci95_low,"
                                "ci95_high,segment_score,small\n"));
    /* one passive: NPS 0, whose adjusted Wald interval is 0 -/+ 1.96
     * sqrt((0.1875 + 0.1875) / 4) = 0 -/+ 60.012499 */
    assert_non_null(strstr(csv, "\nu,u,North,1,0.25,0.5,1,0,-60.012499,60.012499,25,true\n"));
    const char *md = render(rep, VB_REPORT_MD, NULL, 0);
    assert_non_null(strstr(md, "| Theme | North (+25.0) | South (+33.3) |\n"));
    assert_non_null(strstr(md, "| u | 25.0% · 0.0 *small* | 50.0% · +100.0 |\n"));
    const char *tab = render(rep, VB_REPORT_TABLE, NULL, 0);
    assert_non_null(strstr(tab, "THEMES BY SEGMENT"));
    assert_non_null(strstr(tab, " 25%    0.0*"));
    vb_report_free(rep);
    vb_agg_free(agg);

    /* no segment column, no heatmap */
    const trow plain[] = {{"9", NULL, NULL, NULL, "t", "", 0, "1"}};
    agg = agg_of(plain, 1, NULL, NULL);
    rep = vb_report_new(agg, NULL);
    assert_int_equal(rep->n_heat_rows, 0);
    doc = cJSON_Parse(render(rep, VB_REPORT_JSON, NULL, 0));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "heatmap")), 0);
    cJSON_Delete(doc);
    assert_null(strstr(render(rep, VB_REPORT_MD, NULL, 0), "Themes by"));
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* Everything from the input is escaped; a quote's matches are marked
 * between escaped pieces, and a span that starts inside a UTF-8 sequence
 * is left unmarked. */
static void test_html_escapes_and_marks(void **state)
{
    (void)state;
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "sc<o>re";
    o.segment_col = "reg\"ion";
    o.date_col = "date";
    vb_agg *agg = vb_agg_new(&o, NULL);
    const char *lines[] = {
        "{\"id\":\"<i>1\",\"fields\":{\"sc<o>re\":\"1\",\"date\":\"2026-01-02\","
        "\"reg\\\"ion\":\"<script>x</script>\",\"comment\":\"<b>\\\"late\\\"</b> & 'x'\"},"
        "\"themes\":[{\"id\":\"d<1>\",\"label\":\"A'B\\\"C&D\",\"sentiment\":-0.5,"
        "\"spans\":[[4,8],[9,11],[12,16]]}]}",
        "{\"id\":\"2\",\"fields\":{\"sc<o>re\":\"0\",\"date\":\"2026-02-02\","
        "\"reg\\\"ion\":\"N\",\"comment\":\"\u00e9a late\"},"
        "\"themes\":[{\"id\":\"d<1>\",\"label\":\"A'B\\\"C&D\",\"sentiment\":-0.9,"
        "\"spans\":[[1,3],[4,8]]}]}",
    };
    for (size_t i = 0; i < 2; i++) {
        vb_report_issue is[VB_REPORT_MAX_ISSUES];
        size_t n;
        assert_int_equal(vb_agg_add_json(agg, lines[i], strlen(lines[i]), NULL, is, &n), VB_OK);
        assert_int_equal(n, 0);
    }
    vb_report *rep = vb_report_new(agg, NULL);
    const char *h = render(rep, VB_REPORT_HTML, NULL, 0);
    assert_memory_equal(h, "<!DOCTYPE html>\n", 16);
    assert_non_null(strstr(h, "</html>\n"));
    assert_non_null(strstr(h, "Content-Security-Policy"));
    assert_non_null(strstr(h, "<title>NPS report \xE2\x80\x94 sc&lt;o&gt;re</title>"));
    /* "<b>\"late\"</b> & 'x'": [4,8] "late", [9,11] "</", [12,16] "> & " */
    assert_non_null(strstr(h, "\xE2\x80\x9C&lt;b&gt;&quot;<mark>late</mark>&quot;<mark>&lt;/"
                              "</mark>b<mark>&gt; &amp; </mark>&#39;x&#39;\xE2\x80\x9D"));
    /* "éa late": [1,3] starts inside the é */
    assert_non_null(strstr(h, "\xE2\x80\x9C\xC3\xA9"
                              "a <mark>late</mark>\xE2\x80\x9D"));
    assert_non_null(strstr(h, "&lt;script&gt;x&lt;/script&gt;"));
    assert_non_null(strstr(h, "reg&quot;ion"));
    assert_non_null(strstr(h, "A&#39;B&quot;C&amp;D"));
    assert_non_null(strstr(h, "&lt;i&gt;1"));
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<b>\""));
    assert_null(strstr(h, "<i>"));
    assert_null(strstr(h, "d<1>"));
    /* the charts are there */
    size_t svgs = 0;
    for (const char *p = h; (p = strstr(p, "<svg")) != NULL; p++)
        svgs++;
    assert_int_equal(svgs, 4); /* trend, change, 2 heatmaps (no impact: all mention it) */
    vb_report_free(rep);
    vb_agg_free(agg);
}

static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static void test_table_width_and_hygiene(void **state)
{
    (void)state;
    const trow rows[] = {
        {"1", "2026-01-02", "A region with a really quite long name indeed", NULL,
         "delivery.late,a.theme.with.a.very.long.identifier.that.goes.on", "late \x1b[2J bad", -0.9,
         "1"},
        {"10", "2026-02-02", "B", NULL, "", "fine", 0.5, "2"},
    };
    vb_agg *agg = agg_of(rows, 2, "region", "date");
    vb_report *rep = vb_report_new(agg, NULL);
    const char *t = render(rep, VB_REPORT_TABLE, NULL, 0);
    assert_null(strchr(t, '\x1b'));
    for (const char *line = t; *line != '\0';) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        if (columns(line, (size_t)(end - line)) > 100)
            fail_msg("line over 100 columns: %.*s", (int)(end - line), line);
        assert_true(end == line || end[-1] != ' ');
        line = end + 1;
    }
    const char *c = render(rep, VB_REPORT_TABLE, NULL, VB_REPORT_COLOR);
    assert_non_null(strstr(c, "\x1b[1m"));
    assert_null(strstr(c, "\x1b[2J"));
    vb_report_free(rep);
    vb_agg_free(agg);
}

/* An interval's end that rounds to zero keeps its sign when it is not
 * zero, so a significant interval never reads as touching 0; a point value
 * that rounds to zero is written without a sign. */
static void test_interval_ends_keep_their_side_of_zero(void **state)
{
    (void)state;
    vb_report rep;
    memset(&rep, 0, sizeof rep);
    rep.impact_decimals = 1;
    char b[64];
    assert_string_equal(vb_rep_impact_interval(&rep, b, sizeof b, 0.04, 0.31), "+0.0 to +0.3");
    assert_string_equal(vb_rep_impact_interval(&rep, b, sizeof b, -1.43, -0.04), "-1.4 to -0.0");
    assert_string_equal(vb_rep_impact_interval(&rep, b, sizeof b, -0.5, 0.0), "-0.5 to 0.0");
    assert_string_equal(vb_rep_impact_interval(&rep, b, sizeof b, -0.5, NAN), "n/a");
    assert_string_equal(vb_rep_impact_num(&rep, b, sizeof b, -0.04), "0.0");
    rep.decimals = 1;
    rep.opts.metric = VB_METRIC_CSAT; /* unsigned: no side of zero to keep */
    assert_string_equal(vb_rep_interval(&rep, b, sizeof b, 0.04, 3.0), "0.0 to 3.0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_impact_by_hand),
        cmocka_unit_test(test_impact_of_a_few_who_agree),
        cmocka_unit_test(test_impact_of_a_few_stars_who_agree),
        cmocka_unit_test(test_focus_sentence),
        cmocka_unit_test(test_focus_keeps_a_parent_its_children_barely_explain),
        cmocka_unit_test(test_focus_quotes_come_from_its_period),
        cmocka_unit_test(test_quote_dated_as_written),
        cmocka_unit_test(test_focus_quotes_come_from_its_segment),
        cmocka_unit_test(test_drivers_in_report),
        cmocka_unit_test(test_json_keys),
        cmocka_unit_test(test_no_promoters_flags_a_shorter_scale),
        cmocka_unit_test(test_csv_is_injection_safe),
        cmocka_unit_test(test_markdown_escapes_and_highlights),
        cmocka_unit_test(test_table_width_and_hygiene),
        cmocka_unit_test(test_interval_ends_keep_their_side_of_zero),
        cmocka_unit_test(test_heatmap_by_hand),
        cmocka_unit_test(test_html_escapes_and_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

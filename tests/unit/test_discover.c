/* test_discover.c: theme discovery. Candidate extraction runs on records of
 * the real pipeline; counting, grouping, scoring, memory and output run on
 * records built here (stem = word), so each expectation can be worked out
 * by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "discover.h"
#include "metric.h" /* vb_parse_number: what a report reads */
#include "score_words.h"
#include "test_alloc.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Records built by hand ------------------------------------------------ */

#define MAX_TOKENS 256

/* A record of space-separated words: stem = lookup = the word; "the", "a",
 * "is", "was", "to", "it" are stopwords; a word written "+word" is a
 * one-word sentiment cue; "|" starts a new clause. */
typedef struct fake {
    vb_record rec;
    vb_token tokens[MAX_TOKENS];
    vb_span clauses[MAX_TOKENS];
    vb_sentiment clause_sentiment[MAX_TOKENS];
    vb_cue cues[MAX_TOKENS];
    vb_theme_hit hit;
    char text[4096];  /* the comment */
    char store[4096]; /* the words the tokens point to */
} fake;

static bool is_stop(const char *w, size_t len)
{
    static const char *const stop[] = {"the", "a", "is", "was", "to", "it"};
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (strlen(stop[i]) == len && memcmp(stop[i], w, len) == 0)
            return true;
    return false;
}

/* Builds `f` from `words`; the text is `words` without '+' and '|' (a
 * test may rewrite it, the tokens keep their words). Every
 * clause gets compound `senti`; `covered` gives it one theme hit. */
static const vb_record *make(fake *f, const char *words, double senti, bool covered)
{
    memset(f, 0, sizeof *f);
    size_t o = 0, n = 0, clause = 0;
    for (const char *p = words; *p != '\0';) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        if (*p == '|') {
            clause++;
            p++;
            continue;
        }
        bool cue = *p == '+';
        p += cue;
        const char *w = p;
        while (*p != ' ' && *p != '\0')
            p++;
        size_t len = (size_t)(p - w);
        assert_true(n < MAX_TOKENS && o + len + 1 < sizeof f->text);
        if (o > 0)
            f->text[o++] = ' ';
        memcpy(f->text + o, w, len);
        memcpy(f->store + o, w, len);
        vb_token *t = &f->tokens[n];
        t->start = o;
        t->end = o + len;
        t->norm = t->lookup = t->stem = f->store + o; /* not NUL-terminated: lengths rule */
        t->norm_len = t->lookup_len = t->stem_len = len;
        t->kind = VB_TOKEN_WORD;
        t->flags = is_stop(w, len) ? VB_TOKEN_STOPWORD : 0;
        t->clause = (uint32_t)clause;
        if (cue) {
            vb_cue *c = &f->cues[f->rec.n_cues++];
            c->first_token = n;
            c->n_tokens = 1;
            c->valence = 2;
        }
        o += len;
        n++;
    }
    for (size_t c = 0; c <= clause; c++) {
        f->clauses[c].first_token = 0;
        f->clause_sentiment[c].compound = senti;
    }
    f->rec.status = VB_OK;
    f->rec.text = f->text;
    f->rec.text_len = o;
    f->rec.tokens = f->tokens;
    f->rec.n_tokens = n;
    f->rec.clauses = f->clauses;
    f->rec.n_clauses = clause + 1;
    f->rec.clause_sentiment = f->clause_sentiment;
    f->rec.sentiment.compound = senti;
    f->rec.cues = f->cues;
    if (covered) {
        f->rec.themes = &f->hit;
        f->rec.n_themes = 1;
    }
    return &f->rec;
}

static void add(vb_discovery *d, const char *words, int times, double senti, double score)
{
    static fake f;
    for (int i = 0; i < times; i++)
        assert_int_equal(vb_discovery_add(d, make(&f, words, senti, false), score), VB_OK);
}

static vb_discovery *new_discovery(size_t min_count, size_t top, bool uncovered)
{
    vb_discovery_options o;
    vb_discovery_options_init(&o);
    o.min_count = min_count;
    o.top = top;
    o.uncovered = uncovered;
    vb_error err;
    vb_discovery *d = vb_discovery_new(&o, &err);
    assert_non_null(d);
    return d;
}

static const vb_discovered *find(const vb_discovered *t, size_t n, const char *label)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].label, label) == 0)
            return &t[i];
    return NULL;
}

/* Ten varied filler comments, so word frequencies look like a corpus. */
static void add_filler(vb_discovery *d, int times)
{
    static const char *const filler[] = {
        "parking near station",  "opening hours sunday", "window display colours",
        "loyalty card points",   "checkout queue moved", "newsletter arrives monday",
        "website menu layout",   "store smells fresh",   "music volume loud",
        "trolley wheels squeak",
    };
    for (int k = 0; k < times; k++)
        for (size_t i = 0; i < sizeof filler / sizeof filler[0]; i++)
            add(d, filler[i], 1, 0.0, NAN);
}

/* ---- Candidate extraction on real records --------------------------------- */

static vb_lexicon *lex;
static vb_pipeline *pipe_;

static int setup(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_TEXT;
    o.explain = true;
    o.taxonomy = "";
    vb_error err;
    lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    pipe_ = lex != NULL ? vb_pipeline_new(lex, &o, &err) : NULL;
    return pipe_ == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    vb_pipeline_free(pipe_);
    vb_lexicon_free(lex);
    return 0;
}

/* The candidate keys of one comment analysed by the real pipeline. */
static void keys_of(const char *comment, char *out, size_t cap)
{
    const vb_record *rec;
    assert_int_equal(vb_pipeline_reset(pipe_, "-"), VB_OK);
    assert_int_equal(vb_pipeline_feed(pipe_, comment, strlen(comment)), VB_OK);
    assert_int_equal(vb_pipeline_finish(pipe_), VB_OK);
    assert_int_equal(vb_pipeline_next(pipe_, &rec), VB_OK);
    assert_int_equal(rec->status, VB_OK);
    vb_discovery *d = new_discovery(1, 30, false);
    vb_status st;
    vb_discover_keys(d, rec, out, cap, &st);
    assert_int_equal(st, VB_OK);
    vb_discovery_free(d);
    while (vb_pipeline_next(pipe_, &rec) == VB_OK)
        ;
}

static void test_ngrams_have_content_words_at_both_ends(void **state)
{
    (void)state;
    char keys[1024];
    /* Stopwords ("the", "is", "it"), sentiment words ("soft"), contrast
     * and generic words ("but", "really") never start or end a phrase;
     * punctuation and clauses end runs; "true to size" keeps its inner
     * stopword; "runs small" (a lexicon phrase) is one candidate. */
    keys_of("The zipper is really soft, but it runs small. Fits true to size\n", keys,
            sizeof keys);
    assert_string_equal(keys, "fit|run|run small|size|small|true|true to size|zipper");
    keys_of("a the is it but\n", keys, sizeof keys);
    assert_string_equal(keys, "");
    /* The "n't", "'ve", "'ll" and "'re" of pre-tokenised text and the
     * headings of a review form are no themes; the words between them are. */
    keys_of("Pros: battery, menus. Cons: it did n't. It happened\n", keys, sizeof keys);
    assert_string_equal(keys, "batteri|menus");
    keys_of("i 've had the zen . you 'll like it . they 're fine\n", keys, sizeof keys);
    assert_string_equal(keys, "zen");
    /* A number or an emoji breaks a run; 3 words at most. */
    keys_of("delivery van 42 driver cab window seat\n", keys, sizeof keys);
    assert_string_equal(keys, "cab|cab window|cab window seat|deliveri|deliveri van|driver|"
                              "driver cab|driver cab window|seat|van|window|window seat");
}

static void test_lexicon_phrases_are_candidates_whole(void **state)
{
    (void)state;
    char keys[1024];
    /* "never arrived" is a CX phrase: a candidate although "never" is not
     * a content word. */
    keys_of("The parcel never arrived\n", keys, sizeof keys);
    assert_non_null(strstr(keys, "never arriv"));
    assert_non_null(strstr(keys, "parcel"));
}

/* ---- Counting ------------------------------------------------------------- */

static void test_a_comment_counts_once_per_candidate(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(1, 30, false);
    add(d, "zipper zipper zipper | zipper", 3, 0.5, 4);
    add(d, "+great zipper", 2, 0.5, 2);
    uint64_t count, error;
    size_t tracked;
    assert_true(vb_discover_lookup(d, "zipper", &count, &error, &tracked));
    assert_int_equal(count, 5);
    assert_int_equal(error, 0);
    assert_true(vb_discover_lookup(d, "zipper zipper", &count, &error, &tracked));
    assert_int_equal(count, 3);
    assert_false(vb_discover_lookup(d, "great", &count, &error, &tracked));
    assert_false(vb_discover_lookup(d, "great zipper", &count, &error, &tracked));

    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    const vb_discovered *z = find(t, n, "Zipper");
    assert_non_null(z);
    assert_int_equal(z->count, 5);
    assert_float_equal(z->mean_score, (3 * 4 + 2 * 2) / 5.0, 1e-9);
    assert_int_equal(z->n_scored, 5);
    assert_float_equal(z->sentiment, 0.5, 1e-9);
    assert_float_equal(z->share, 1.0, 1e-9);
    vb_discovery_free(d);
}

static void test_scores_that_are_missing_are_left_out(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(1, 30, false);
    add(d, "refund", 2, 0, 1);
    add(d, "refund", 3, 0, NAN);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].count, 5);
    assert_int_equal(t[0].n_scored, 2);
    assert_float_equal(t[0].mean_score, 1.0, 1e-9);
    vb_discovery_free(d);
}

/* --score-col cells are read by the parser of a report's scores, so a
 * theme's mean score and a report of the same export use the same
 * scores: no exponent, hex, inf, nan or decimal comma. */
static void test_scores_are_read_as_a_report_reads_them(void **state)
{
    (void)state;
    static const struct {
        const char *cell;
        bool ok;
        double value;
    } cases[] = {
        {"4", true, 4},       {" 3 ", true, 3},    {"4.5", true, 4.5}, {"-1", true, -1},
        {"+5", true, 5},      {"10.0", true, 10},  {"7\r", true, 7},  {"1e3", false, 0},
        {"0x10", false, 0},   {"inf", false, 0},   {"nan", false, 0},  {"4,5", false, 0},
        {"", false, 0},       {"  ", false, 0},    {"5 stars", true, 5},
        {"10 - Extremely likely", true, 10},       {"8/10", true, 8},   {"10 days", false, 0},
        {"1234567890123456789", true, 1234567890123456789.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].cell;
        double v = 0, report = 0;
        const bool ok = vb_discovery_parse_score(s, strlen(s), '.', "score", &v, NULL);
        assert_int_equal(ok, cases[i].ok);
        double out_of;
        assert_int_equal(ok, vb_read_score(s, strlen(s), '.', NULL, &report, &out_of));
        if (ok)
            assert_float_equal(v, cases[i].value, 0);
        else
            assert_true(isnan(v));
    }
    double v = 0;
    vb_report_issue why;
    assert_false(vb_discovery_parse_score(NULL, 0, '.', "score", &v, &why)); /* a missing column */
    assert_true(isnan(v));
    assert_string_equal(why.field, "score");
    assert_string_equal(why.message, "missing");
    /* A rejection is worded as a report words it, with the value. */
    assert_false(vb_discovery_parse_score(" \t", 2, '.', "nps", &v, &why));
    assert_string_equal(why.field, "nps");
    assert_string_equal(why.message, "missing");
    assert_false(vb_discovery_parse_score("4,5\"", 4, '.', "nps", &v, &why));
    assert_string_equal(why.message, "not a number: \"4,5\\\"\"");
    assert_true(vb_discovery_parse_score(" 7 ", 3, '.', "nps", &v, &why));
    assert_float_equal(v, 7, 0);
    /* A number with the other decimal mark is named as such. */
    assert_false(vb_discovery_parse_score("4,5", 3, '.', "nps", &v, &why));
    assert_string_equal(why.message, "not a number with '.' as the decimal mark: \"4,5\"");
    assert_true(vb_discovery_parse_score("4,5", 3, ',', "nps", &v, &why));
    assert_float_equal(v, 4.5, 0);
    assert_false(vb_discovery_parse_score("4.5", 3, ',', "nps", &v, &why));
    assert_string_equal(why.message, "not a number with ',' as the decimal mark: \"4.5\"");
}

/* Words alone read as the labels say, as in a report (--score-label);
 * any number is a label's score, as discovery has no scale. */
static void test_scores_written_as_words_read_by_their_labels(void **state)
{
    (void)state;
    static const char labels[] = "Very likely=9\nNot at all likely = 0\nSomewhat=4.5\nHuge=1000";
    char why_labels[128];
    assert_true(vb_discovery_check_score_labels(labels, why_labels, sizeof why_labels));
    double v = 0;
    vb_report_issue why;
    assert_true(vb_discovery_read_score("very LIKELY", 11, '.', labels, "nps", &v, &why));
    assert_float_equal(v, 9, 0);
    assert_true(vb_discovery_read_score(" Not at all likely ", 19, '.', labels, "nps", &v, &why));
    assert_float_equal(v, 0, 0);
    assert_true(vb_discovery_read_score("Huge", 4, '.', labels, "nps", &v, &why));
    assert_float_equal(v, 1000, 0);
    /* Numbers still read; words no label names are rejected, with the hint. */
    assert_true(vb_discovery_read_score("7", 1, '.', labels, "nps", &v, &why));
    assert_float_equal(v, 7, 0);
    assert_false(vb_discovery_read_score("Likely", 6, '.', labels, "nps", &v, &why));
    assert_true(isnan(v));
    assert_string_equal(why.message, "not a number nor a score label: \"Likely\"");
    /* Without labels, or with none, words are rejected as before. */
    assert_false(vb_discovery_read_score("Very likely", 11, '.', NULL, "nps", &v, &why));
    assert_string_equal(why.message,
                        "not a number (--score-label gives words their score): \"Very likely\"");
    assert_false(vb_discovery_read_score("Very likely", 11, '.', "", "nps", &v, NULL));
    assert_false(vb_discovery_parse_score("Very likely", 11, '.', "nps", &v, NULL));

    static const struct {
        const char *labels;
        const char *why;
    } bad[] = {
        {"Good", "score label \"Good\": expected LABEL=SCORE"},
        {"=5", "score label \"\": expected LABEL=SCORE"},
        {"Good=five", "score label \"Good\": \"five\" is not a number"},
        {"Good=5\ngood=4", "score label \"good\" is given twice"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char msg[128] = "";
        assert_false(vb_discovery_check_score_labels(bad[i].labels, msg, sizeof msg));
        assert_string_equal(msg, bad[i].why);
    }
}

/* ---- Grouping ------------------------------------------------------------- */

static void test_near_duplicates_are_grouped(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(5, 30, false);
    add_filler(d, 10);
    /* Same content words in another order: one theme whose count adds up.
     * "late" and "delivery" alone are mostly part of the phrase: absorbed. */
    add(d, "the late delivery", 20, -0.5, 1);
    add(d, "delivery was late", 10, -0.5, 1);
    /* "size" is a theme of its own; "true to size" contains it and joins
     * it as a match entry, without adding to its count; "true" alone is
     * absorbed by "true to size". */
    add(d, "size", 40, 0, NAN);
    add(d, "fits true to size", 30, 0, NAN);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);

    const vb_discovered *late = find(t, n, "Late delivery");
    assert_non_null(late);
    assert_int_equal(late->count, 30);
    assert_int_equal(late->n_match, 2);
    assert_string_equal(late->match[0], "\"late delivery\"");
    assert_string_equal(late->match[1], "\"delivery was late\"");
    assert_null(find(t, n, "Late"));
    assert_null(find(t, n, "Delivery"));

    const vb_discovered *size = find(t, n, "Size");
    assert_non_null(size);
    assert_int_equal(size->count, 70);
    bool has_phrase = false;
    for (size_t m = 0; m < size->n_match; m++)
        has_phrase |= strcmp(size->match[m], "\"true to size\"") == 0;
    assert_true(has_phrase);
    assert_null(find(t, n, "True"));
    assert_null(find(t, n, "True to size"));
    vb_discovery_free(d);
}

/* A theme's count is of comments: one that holds two of its variants
 * ("late delivery" and "delivery was late") counts once, as analyze
 * with the draft finds the theme in it once; its sentiment is still the
 * mean over each variant's comments. */
static void test_a_comment_with_two_variants_counts_once(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(5, 30, false);
    add_filler(d, 10);
    add(d, "the late delivery", 20, -0.5, 1);
    add(d, "delivery was late", 10, -0.5, 1);
    add(d, "the late delivery | delivery was late again", 6, -0.2, 3);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    const vb_discovered *late = find(t, n, "Late delivery");
    assert_non_null(late);
    assert_int_equal(late->n_match, 2);
    assert_int_equal(late->count, 36); /* 20 + 10 + 6, not + 12 */
    assert_int_equal(late->count_error, 0);
    assert_float_equal(late->share, 36.0 / 136.0, 1e-9);
    assert_float_equal(late->sentiment, (30 * -0.5 + 12 * -0.2) / 42, 1e-9);
    assert_float_equal(late->mean_score, (30 * 1 + 12 * 3) / 42.0, 1e-9);
    vb_discovery_free(d);
}

/* Comments that hold different pairs of a theme's variants cannot be told
 * apart by the counters: the count is then a lower bound, and
 * count_error says how far the comments may be above it. */
static void test_variants_in_changing_pairs_give_a_bound(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(5, 30, false);
    add_filler(d, 10);
    add(d, "the late delivery", 20, -0.5, NAN);
    add(d, "delivery was late", 10, -0.5, NAN);
    add(d, "delivery is late", 10, -0.5, NAN);
    add(d, "the late delivery | delivery was late", 3, -0.5, NAN);
    add(d, "delivery was late | delivery is late", 2, -0.5, NAN);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    const vb_discovered *late = find(t, n, "Late delivery");
    assert_non_null(late);
    assert_int_equal(late->n_match, 3);
    /* 45 comments: 40 with one variant, 5 with two; the counters know
     * "delivery was late" shared 5, the others 3 and 2: 40 + 5 = 45, and
     * up to 5 more (3 + 2) as far as they can tell. */
    assert_int_equal(late->count, 45);
    assert_int_equal(late->count_error, 5);
    vb_discovery_free(d);
}

/* ---- Statistics ------------------------------------------------------------ */

static void test_g2_matches_hand_computation(void **state)
{
    (void)state;
    /* a = 30 of 100 target, b = 10 of 200 reference documents. Margins:
     * with 40, without 260, n 300. Expected: 13.333, 86.667, 26.667,
     * 173.333. G² = 2 (30 ln(30/13.333) + 70 ln(70/86.667)
     *                + 10 ln(10/26.667) + 190 ln(190/173.333)) = 34.0257 */
    assert_float_equal(vb_discover_g2(30, 100, 10, 200), 34.0257, 1e-3);
    assert_float_equal(vb_discover_g2(10, 100, 20, 200), 0.0, 1e-9); /* same rate */
    assert_float_equal(vb_discover_g2(0, 0, 5, 10), 0.0, 0);         /* empty margin */
    /* Collocation: 20 seen, 5 expected: 2 (20 ln 4 - 15) = 25.4518 */
    assert_float_equal(vb_discover_colloc_g2(20, 5), 25.4518, 1e-3);
    assert_float_equal(vb_discover_colloc_g2(3, 5), 0.0, 0);
}

static void test_uncovered_ranks_by_g2_against_covered(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(5, 30, true);
    static fake f;
    /* "invoice" is as common in covered as in uncovered comments; "app
     * crash" only where the taxonomy fails. */
    for (int i = 0; i < 100; i++) {
        bool covered = i % 2 == 0;
        const char *text = covered ? "invoice sent" : i % 10 == 1 ? "invoice sent" : "app crashes";
        if (covered && i % 4 == 0)
            text = "invoice copy";
        assert_int_equal(vb_discovery_add(d, make(&f, text, 0, covered), NAN), VB_OK);
    }
    vb_discovery_summary sum;
    vb_discovery_summarise(d, &sum);
    assert_int_equal(sum.target, 50);
    assert_int_equal(sum.reference, 50);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    assert_true(n >= 1);
    /* app crashes: 40 of 50 uncovered, 0 of 50 covered. */
    assert_string_equal(t[0].label, "App crashes");
    assert_float_equal(t[0].g2, vb_discover_g2(40, 50, 0, 50), 1e-9);
    assert_float_equal(t[0].score, t[0].g2, 0);
    assert_null(find(t, n, "Invoice")); /* 10/50 uncovered < 50/50 covered */
    vb_discovery_free(d);
}

/* ---- The background --------------------------------------------------------- */

/* Writes `text` to a new temporary file; the caller removes it. */
static const char *write_tmp(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/vb_test_background_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Discovery of phrases in 5 comments or more against the background at
 * `path` ("" for none), of all comments or of the uncovered ones. */
static vb_discovery *discovery_against(const char *path, bool uncovered, vb_error *err)
{
    vb_discovery_options o;
    vb_discovery_options_init(&o);
    o.min_count = 5;
    o.background = path;
    o.uncovered = uncovered;
    return vb_discovery_new(&o, err);
}

static vb_discovery *with_background(const char *path, vb_error *err)
{
    return discovery_against(path, false, err);
}

static void test_background_ranks_what_general_text_rarely_says(void **state)
{
    (void)state;
    /* "days" and "day" share the stem "day": 6,000 of the background's
     * million words. */
    const char *path = write_tmp("# general text\n@total\t1000000\nday\t5000\nDays\t1000\n"
                                 "zipper\t5\nqueue\t900000\n");
    vb_error err;
    vb_discovery *d = with_background(path, &err);
    remove(path);
    assert_non_null(d);
    add(d, "day", 20, 0.0, NAN);
    add(d, "zipper", 10, 0.0, NAN);
    add(d, "queue", 6, 0.0, NAN);
    vb_discovery_summary sum;
    vb_discovery_summarise(d, &sum);
    assert_int_equal(sum.background_words, 1000000);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    /* 36 words in the corpus: zipper 10 against 5 per million outranks
     * day 20 against 6,000; queue, 6 of 36 against 0.9 of all general
     * words, is no commoner here and is left out. */
    assert_int_equal(n, 2);
    assert_string_equal(t[0].label, "Zipper");
    assert_float_equal(t[0].g2, vb_discover_g2(10, 36, 5, 1e6), 1e-9);
    assert_float_equal(t[0].score, t[0].g2, 0);
    assert_string_equal(t[1].label, "Day");
    assert_float_equal(t[1].g2, vb_discover_g2(20, 36, 6000, 1e6), 1e-9);
    assert_true(t[0].g2 > t[1].g2);
    const char *table;
    size_t len;
    assert_int_equal(vb_discovery_write_table(d, &table, &len), VB_OK);
    assert_non_null(strstr(table, "G2 vs bg"));
    vb_discovery_free(d);

    /* No background: the comment count ranks, the queue included. */
    d = with_background("", &err);
    assert_non_null(d);
    add(d, "day", 20, 0.0, NAN);
    add(d, "zipper", 10, 0.0, NAN);
    add(d, "queue", 6, 0.0, NAN);
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    assert_int_equal(n, 3);
    assert_string_equal(t[0].label, "Day");
    assert_string_equal(t[2].label, "Queue");
    vb_discovery_summarise(d, &sum);
    assert_int_equal(sum.background_words, 0);
    vb_discovery_free(d);
}

static void test_a_phrase_is_as_common_as_its_rarest_word(void **state)
{
    (void)state;
    /* No @total: the counts listed are the background's size. The words
     * are their own stems, as the records built here take them to be. */
    const char *path = write_tmp("collar\t20\nbutton\t3000\nstaff\t7000\n");
    vb_error err;
    vb_discovery *d = with_background(path, &err);
    remove(path);
    assert_non_null(d);
    add_filler(d, 10); /* 300 words */
    add(d, "collar button", 8, 0.0, NAN);
    add(d, "staff", 5, 0.0, NAN);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    const vb_discovered *phrase = find(t, n, "Collar button");
    assert_non_null(phrase);
    assert_float_equal(phrase->g2, vb_discover_g2(8, 321, 20, 10020), 1e-9);
    /* "staff", 5 of 321 words here, is rarer than in this background. */
    assert_null(find(t, n, "Staff"));
    vb_discovery_free(d);
}

/* With --uncovered the covered comments rank, but a word the taxonomy
 * misses because it is no theme ("day") is as common in general text:
 * it is left out unless general text says it significantly less often. */
static void test_uncovered_leaves_out_what_general_text_says_as_often(void **state)
{
    (void)state;
    const char *path = write_tmp("@total\t1000\nday\t100\nzipper\t1\n");
    for (int with_bg = 1; with_bg >= 0; with_bg--) {
        vb_error err;
        vb_discovery *d = discovery_against(with_bg ? path : "", true, &err);
        assert_non_null(d);
        static fake f;
        for (int i = 0; i < 20; i++)
            assert_int_equal(vb_discovery_add(d, make(&f, "invoice sent", 0, true), NAN), VB_OK);
        add(d, "day", 6, 0.0, NAN);
        add(d, "zipper", 6, 0.0, NAN);
        add_filler(d, 1); /* 42 words in the uncovered comments */
        const vb_discovered *t;
        size_t n;
        assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
        /* Both are in 6 of 22 uncovered comments and no covered one. */
        const vb_discovered *zipper = find(t, n, "Zipper"), *day = find(t, n, "Day");
        assert_non_null(zipper);
        assert_float_equal(zipper->g2, vb_discover_g2(6, 22, 0, 20), 1e-9);
        if (with_bg) {
            /* day: 6 of 42 words against 100 of 1,000, G2 below 10.83;
             * zipper: against 1 of 1,000, far above. */
            assert_true(vb_discover_g2(6, 42, 100, 1000) < 10.83);
            assert_true(vb_discover_g2(6, 42, 1, 1000) >= 10.83);
            assert_null(day);
        } else {
            assert_non_null(day);
        }
        vb_discovery_free(d);
    }
    remove(path);
}

static void test_a_bad_background_is_named_by_file_and_line(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t line;
        const char *message;
    } cases[] = {
        {"refund\t5\nrefunds 3\n", 2, "expected a word, a tab and its count"},
        {"\trefund\n", 1, "expected a word, a tab and its count"},
        {"# c\nrefund\t5x\n", 2, "not a whole number"},
        {"refund\t0\n", 1, "not a whole number"},
        {"refund\t-3\n", 1, "not a whole number"},
        {"refund\t99999999999999999999\n", 1, "not a whole number"},
        {"@total\t9\n@total\t9\n", 2, "a second @total line"},
        {"ref\xff\t5\n", 1, "invalid UTF-8"},
        {"@total\t4\nrefund\t5\n", 0, "@total 4 is less than the counts listed (5)"},
        {"# nothing but a comment\n", 0, "no word counts"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = write_tmp(cases[i].text);
        vb_error err;
        vb_discovery *d = with_background(path, &err);
        assert_null(d);
        assert_int_equal(err.code, VB_EPARSE);
        assert_string_equal(err.source, path);
        assert_int_equal(err.line, cases[i].line);
        if (strstr(err.message, cases[i].message) == NULL)
            fail_msg("case %zu: \"%s\" has no \"%s\"", i, err.message, cases[i].message);
        remove(path);
    }
    vb_error err;
    assert_null(with_background("/nonexistent/background.tsv", &err));
    assert_int_equal(err.code, VB_EIO);
    assert_string_equal(err.source, "/nonexistent/background.tsv");
    assert_non_null(strstr(err.message, "cannot open"));
}

static void test_the_shipped_background_is_found_by_language(void **state)
{
    (void)state;
    vb_discovery_options o;
    vb_discovery_options_init(&o);
    o.data_dir = VB_TEST_DATA_DIR;
    vb_error err;
    vb_discovery *d = vb_discovery_new(&o, &err);
    assert_non_null(d);
    vb_discovery_summary sum;
    vb_discovery_summarise(d, &sum);
    assert_true(sum.background_words > 1000000); /* lexicons/en/background.tsv */
    vb_discovery_free(d);
    /* German has none: ranked by count. */
    o.language = "de";
    d = vb_discovery_new(&o, &err);
    assert_non_null(d);
    vb_discovery_summarise(d, &sum);
    assert_int_equal(sum.background_words, 0);
    vb_discovery_free(d);
    o.language = "klingon";
    assert_null(vb_discovery_new(&o, &err));
    assert_int_equal(err.code, VB_EINVAL);
}

/* The draft names its language as the lexicons' folders do, whichever
 * name the option gave: libstemmer's, in any case, or the ISO code. */
static void test_the_draft_names_the_language_by_its_code(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Lithuanian", "lt"}, {"porter", "en"}, {"DE", "de"}, {"fr", "fr"}, {"nepali", "ne"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vb_discovery_options o;
        vb_discovery_options_init(&o);
        o.language = cases[i][0];
        vb_error err;
        vb_discovery *d = vb_discovery_new(&o, &err);
        assert_non_null(d);
        const char *json;
        size_t len;
        assert_int_equal(vb_discovery_write_json(d, &json, &len), VB_OK);
        cJSON *doc = cJSON_Parse(json);
        assert_non_null(doc);
        assert_string_equal(cJSON_GetObjectItem(doc, "language")->valuestring, cases[i][1]);
        cJSON_Delete(doc);
        vb_discovery_free(d);
    }
}

/* ---- Memory --------------------------------------------------------------- */

typedef struct byte_alloc {
    size_t live, peak;
} byte_alloc;

/* The size before each block, padded so blocks stay aligned like malloc's. */
typedef union header {
    size_t size;
    max_align_t align;
} header;

static void *ba_malloc(size_t size, void *ctx)
{
    byte_alloc *b = ctx;
    header *h = malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    b->live += size;
    if (b->live > b->peak)
        b->peak = b->live;
    return h + 1;
}

static void ba_free(void *ptr, void *ctx)
{
    byte_alloc *b = ctx;
    header *h = (header *)ptr - 1;
    b->live -= h->size;
    free(h);
}

static void *ba_realloc(void *ptr, size_t size, void *ctx)
{
    if (ptr == NULL)
        return ba_malloc(size, ctx);
    void *q = ba_malloc(size, ctx);
    if (q == NULL)
        return NULL;
    size_t old = ((header *)ptr - 1)->size;
    memcpy(q, ptr, old < size ? old : size);
    ba_free(ptr, ctx);
    return q;
}

static void test_memory_is_bounded_by_the_table(void **state)
{
    (void)state;
    byte_alloc b = {0, 0};
    vb_discovery_options o;
    vb_discovery_options_init(&o);
    o.alloc = (vb_allocator){ba_malloc, ba_realloc, ba_free, &b};
    o.max_candidates = 1024;
    o.min_count = 1;
    vb_discovery *d = vb_discovery_new(&o, NULL);
    assert_non_null(d);
    size_t after_new = b.peak;

    /* 200,000 distinct one-word phrases, 20 per comment in separate
     * clauses, plus one phrase in every comment. */
    static fake f;
    char words[4096];
    unsigned next = 0;
    for (int r = 0; r < 10000; r++) {
        size_t o2 = (size_t)snprintf(words, sizeof words, "heavy");
        for (int k = 0; k < 20; k++, next++)
            o2 += (size_t)snprintf(words + o2, sizeof words - o2, " | w%c%c%c%c",
                                   'a' + next % 26, 'a' + next / 26 % 26,
                                   'a' + next / 676 % 26, 'a' + next / 17576 % 26);
        assert_int_equal(vb_discovery_add(d, make(&f, words, 0, false), NAN), VB_OK);
    }
    assert_int_equal(next, 200000);
    /* Per-record scratch is all that may come on top of the tables. */
    assert_true(b.peak - after_new < (size_t)64 << 10);
    print_message("tables %zu bytes, peak %zu bytes after 200000 phrases\n", after_new, b.peak);

    uint64_t count, error;
    size_t tracked;
    assert_true(vb_discover_lookup(d, "heavy", &count, &error, &tracked));
    assert_int_equal(count, 10000);
    assert_int_equal(error, 0);
    assert_int_equal(tracked, 1024);
    vb_discovery_summary sum;
    vb_discovery_summarise(d, &sum);
    assert_true(sum.evictions > 190000);
    /* Space-Saving: no count is off by more than N / k, N = 210,000. */
    assert_true(sum.max_error <= 210000 / 1024);

    const char *json;
    size_t len;
    assert_int_equal(vb_discovery_write_json(d, &json, &len), VB_OK);
    assert_true(b.peak - after_new < (size_t)256 << 10);
    vb_discovery_free(d);
    assert_int_equal(b.live, 0);
}

/* ---- Output ---------------------------------------------------------------- */

static void corpus(vb_discovery *d)
{
    add_filler(d, 3);
    add(d, "refund took weeks", 8, -0.6, 2);
    add(d, "refund", 4, -0.2, 3);
    add(d, "store staff | helpful staff", 6, 0.7, 9);
}

static void test_output_is_deterministic(void **state)
{
    (void)state;
    char *first = NULL;
    for (int run = 0; run < 2; run++) {
        vb_discovery *d = new_discovery(3, 30, false);
        corpus(d);
        const char *json, *table;
        size_t len, table_len;
        assert_int_equal(vb_discovery_write_json(d, &json, &len), VB_OK);
        if (run == 0) {
            first = strdup(json);
            assert_int_equal(vb_discovery_write_table(d, &table, &table_len), VB_OK);
            /* Every line of the table fits 100 columns. */
            for (const char *line = table; *line != '\0';) {
                const char *nl = strchr(line, '\n');
                assert_non_null(nl);
                assert_true(nl - line <= 100);
                line = nl + 1;
            }
        } else {
            assert_string_equal(json, first);
        }
        vb_discovery_free(d);
    }
    free(first);
}

static void test_json_draft_is_a_valid_taxonomy(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(2, 30, false);
    /* Quotes, backslashes and control characters in examples must be
     * escaped; line breaks become spaces. */
    static fake f;
    for (int i = 0; i < 3; i++) {
        const vb_record *rec = make(&f, "zipper broke", -0.4, false);
        strcpy(f.text, "zipper\x01\"broke\"");
        f.rec.text_len = strlen(f.text);
        assert_int_equal(vb_discovery_add(d, rec, 1), VB_OK);
    }
    add(d, "zipper | \"x\\y\"", 2, 0, NAN);
    const char *json;
    size_t len;
    assert_int_equal(vb_discovery_write_json(d, &json, &len), VB_OK);
    assert_int_equal(strlen(json), len);
    assert_non_null(strstr(json, "\\u0001\\\"broke\\\""));

    cJSON *doc = cJSON_Parse(json);
    assert_non_null(doc);
    assert_string_equal(cJSON_GetObjectItem(doc, "name")->valuestring, "discovered");
    assert_string_equal(cJSON_GetObjectItem(doc, "language")->valuestring, "en");
    cJSON *themes = cJSON_GetObjectItem(doc, "themes");
    assert_true(cJSON_IsArray(themes) && cJSON_GetArraySize(themes) > 0);
    cJSON *theme;
    cJSON_ArrayForEach(theme, themes)
    {
        /* Only the keys a taxonomy allows: id, label, match, x-... */
        for (cJSON *k = theme->child; k != NULL; k = k->next)
            assert_true(strcmp(k->string, "id") == 0 || strcmp(k->string, "label") == 0 ||
                        strcmp(k->string, "match") == 0 || strncmp(k->string, "x-", 2) == 0);
        assert_true(strncmp(cJSON_GetObjectItem(theme, "id")->valuestring, "discovered.", 11) == 0);
        assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(theme, "match")) >= 1);
    }
    cJSON *ex = cJSON_GetObjectItem(cJSON_GetArrayItem(themes, 0), "x-examples");
    assert_string_equal(cJSON_GetArrayItem(ex, 0)->valuestring, "zipper\x01\"broke\"");
    cJSON_Delete(doc);
    vb_discovery_free(d);
}

static void test_ids_are_unique_ascii_slugs(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(2, 30, false);
    add(d, "caf\xC3\xA9", 3, 0, NAN);  /* café -> cafe */
    add(d, "cafe", 2, 0, NAN);         /* another stem, the same slug */
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    assert_int_equal(n, 2);
    assert_string_equal(t[0].id, "discovered.cafe");
    assert_string_equal(t[0].label, "Caf\xC3\xA9");
    assert_string_equal(t[1].id, "discovered.cafe-2");
    vb_discovery_free(d);
}

static void test_examples_are_cut_around_the_mention(void **state)
{
    (void)state;
    vb_discovery *d = new_discovery(1, 30, false);
    char words[2048] = "";
    for (int i = 0; i < 60; i++)
        strcat(words, "lorem ");
    strcat(words, "| zipper |");
    for (int i = 0; i < 60; i++)
        strcat(words, " ipsum");
    add(d, words, 1, 0, NAN);
    const vb_discovered *t;
    size_t n;
    assert_int_equal(vb_discovery_result(d, &t, &n), VB_OK);
    const vb_discovered *z = find(t, n, "Zipper");
    assert_non_null(z);
    assert_int_equal(z->n_examples, 1);
    const char *ex = z->examples[0];
    assert_true(strlen(ex) <= 200 + 6);
    assert_non_null(strstr(ex, "zipper"));
    assert_memory_equal(ex, "\xE2\x80\xA6", 3);                /* cut before */
    assert_memory_equal(ex + strlen(ex) - 3, "\xE2\x80\xA6", 3); /* and after */
    vb_discovery_free(d);
}

static void test_every_allocation_failure_is_clean(void **state)
{
    (void)state;
    test_alloc ta;
    char background[64];
    snprintf(background, sizeof background, "%s", write_tmp("refund\t5\nrefunds\t3\napp\t9\n"));
    for (size_t fail_at = 0;; fail_at++) {
        vb_discovery_options o;
        vb_discovery_options_init(&o);
        o.alloc = test_allocator(&ta, fail_at);
        o.max_candidates = 16;
        o.min_count = 1;
        o.uncovered = true;
        o.background = background; /* read, and its table grown, in vb_discovery_new() */
        vb_error err;
        vb_discovery *d = vb_discovery_new(&o, &err);
        if (d == NULL) {
            assert_int_equal(err.code, VB_ENOMEM);
            assert_int_equal(ta.live_blocks, 0);
            continue;
        }
        static fake f;
        vb_status st = VB_OK;
        const char *const texts[] = {"refund took weeks", "store staff helpful", "app crashes"};
        for (int i = 0; i < 30 && st == VB_OK; i++)
            st = vb_discovery_add(d, make(&f, texts[i % 3], 0.1, i % 3 == 0), i);
        const char *out;
        size_t len;
        if (st == VB_OK)
            st = vb_discovery_write_json(d, &out, &len);
        if (st == VB_OK)
            st = vb_discovery_write_table(d, &out, &len);
        vb_discovery_free(d);
        assert_int_equal(ta.live_blocks, 0);
        if (st == VB_OK)
            break;
        assert_int_equal(st, VB_ENOMEM);
    }
    remove(background);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ngrams_have_content_words_at_both_ends),
        cmocka_unit_test(test_lexicon_phrases_are_candidates_whole),
        cmocka_unit_test(test_a_comment_counts_once_per_candidate),
        cmocka_unit_test(test_scores_that_are_missing_are_left_out),
        cmocka_unit_test(test_scores_are_read_as_a_report_reads_them),
        cmocka_unit_test(test_scores_written_as_words_read_by_their_labels),
        cmocka_unit_test(test_near_duplicates_are_grouped),
        cmocka_unit_test(test_a_comment_with_two_variants_counts_once),
        cmocka_unit_test(test_variants_in_changing_pairs_give_a_bound),
        cmocka_unit_test(test_g2_matches_hand_computation),
        cmocka_unit_test(test_uncovered_ranks_by_g2_against_covered),
        cmocka_unit_test(test_background_ranks_what_general_text_rarely_says),
        cmocka_unit_test(test_a_phrase_is_as_common_as_its_rarest_word),
        cmocka_unit_test(test_uncovered_leaves_out_what_general_text_says_as_often),
        cmocka_unit_test(test_a_bad_background_is_named_by_file_and_line),
        cmocka_unit_test(test_the_shipped_background_is_found_by_language),
        cmocka_unit_test(test_the_draft_names_the_language_by_its_code),
        cmocka_unit_test(test_memory_is_bounded_by_the_table),
        cmocka_unit_test(test_output_is_deterministic),
        cmocka_unit_test(test_json_draft_is_a_valid_taxonomy),
        cmocka_unit_test(test_ids_are_unique_ascii_slugs),
        cmocka_unit_test(test_examples_are_cut_around_the_mention),
        cmocka_unit_test(test_every_allocation_failure_is_clean),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

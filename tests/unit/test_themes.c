/* test_themes.c: the theme matcher, one behaviour per test: each kind of
 * entry, exclusion, parent/child rules, regexes and their limits, spans
 * and aspect sentiment. Runs the real text and sentiment stages with the
 * shipped English lexicons over tests/fixtures/themes/retail.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_alloc.h"
#include "themes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RETAIL VB_TEST_FIXTURES "/themes/retail.json"
#define NARROW VB_TEST_FIXTURES "/themes/narrow.json"

static vb_lang *lang;
static vb_senti_lex *senti;
static vb_text *text;
static vb_arena arena;
static vb_doc doc;
static vb_doc_sentiment ds;
static vb_theme_result res;
static vb_themes *themes;        /* retail.json */
static vb_theme_matcher *matcher;
static vb_themes *narrow;        /* narrow.json: exact terms, exclude scopes */
static vb_theme_matcher *narrow_matcher;

static vb_themes *compile_text(const char *json)
{
    char path[] = "/tmp/vb_test_themes_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(json, f);
    fclose(f);
    vb_themes *t = NULL;
    size_t n_problems = 0;
    vb_error err = {0};
    vb_status st = vb_themes_compile_file(path, lang, NULL, NULL, NULL, &t, &n_problems, &err);
    remove(path);
    assert_int_equal(st, VB_OK);
    assert_int_equal(n_problems, 0);
    assert_non_null(t);
    return t;
}

/* A matcher for a taxonomy written inline, with the taxonomy in *t; give
 * both back with drop_matcher(). */
static vb_theme_matcher *matcher_of(const char *json, vb_themes **t)
{
    *t = compile_text(json);
    vb_theme_matcher *m = vb_theme_matcher_new(*t, NULL);
    assert_non_null(m);
    return m;
}

static void drop_matcher(vb_theme_matcher *m, vb_themes *t)
{
    vb_theme_matcher_free(m);
    vb_themes_free(t);
}

static int setup(void **state)
{
    (void)state;
    vb_error err = {0};
    lang = vb_lang_load(VB_TEST_DATA_DIR, "english", NULL, &err);
    senti = vb_senti_lex_load(VB_TEST_DATA_DIR "/en", NULL, 0, NULL, &err);
    if (lang == NULL || senti == NULL)
        return -1;
    text = vb_text_new(lang, NULL);
    if (text == NULL)
        return -1;
    vb_text_set_clause_words(text, vb_senti_lex_is_contrast, senti);
    vb_arena_init(&arena, NULL, 1 << 14);
    size_t n_problems;
    if (vb_themes_compile_file(RETAIL, lang, NULL, NULL, NULL, &themes, &n_problems, &err) !=
            VB_OK ||
        themes == NULL)
        return -1;
    matcher = vb_theme_matcher_new(themes, NULL);
    if (vb_themes_compile_file(NARROW, lang, NULL, NULL, NULL, &narrow, &n_problems, &err) !=
            VB_OK ||
        narrow == NULL)
        return -1;
    narrow_matcher = vb_theme_matcher_new(narrow, NULL);
    return matcher == NULL || narrow_matcher == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    vb_theme_matcher_free(matcher);
    vb_themes_free(themes);
    vb_theme_matcher_free(narrow_matcher);
    vb_themes_free(narrow);
    vb_arena_free(&arena);
    vb_text_free(text);
    vb_senti_lex_free(senti);
    vb_lang_free(lang);
    return 0;
}

/* Analyses `s` and matches it with `m` over `t`. */
static void run_with(vb_theme_matcher *m, const char *s, size_t len)
{
    vb_arena_reset(&arena);
    assert_int_equal(vb_text_analyze(text, &arena, s, len, &doc), VB_OK);
    assert_int_equal(vb_sentiment_score(senti, &doc, &arena, false, &ds), VB_OK);
    assert_int_equal(vb_themes_match(m, &doc, &ds, &arena, &res), VB_OK);
}

/* Runs `s` through `m` and checks the number of themes found, naming the
 * comment when it differs. */
static void expect_hits(vb_theme_matcher *m, const char *s, size_t n_hits)
{
    run_with(m, s, strlen(s));
    if (res.n_hits != n_hits) fail_msg("\"%s\": %zu themes, expected %zu", s, res.n_hits, n_hits);
}

static void run(const char *s)
{
    run_with(matcher, s, strlen(s));
}

/* The hit for theme `id` in the last result, or NULL. */
static const vb_theme_hit *hit_in(const vb_themes *t, const char *id)
{
    for (size_t i = 0; i < res.n_hits; i++)
        if (strcmp(vb_themes_info(t, res.hits[i].theme)->id, id) == 0)
            return &res.hits[i];
    return NULL;
}

static const vb_theme_hit *hit(const char *id)
{
    return hit_in(themes, id);
}

/* The text of span `k` of `h`. */
static void assert_span(const vb_theme_hit *h, size_t k, const char *want)
{
    assert_non_null(h);
    assert_true(k < h->n_spans);
    size_t len = h->spans[k].end - h->spans[k].start;
    if (len != strlen(want) || memcmp(doc.text + h->spans[k].start, want, len) != 0)
        fail_msg("span %zu is '%.*s', want '%s'", k, (int)len, doc.text + h->spans[k].start,
                 want);
}

static void test_word_matches_by_stem(void **state)
{
    (void)state;
    run("It was delivered on Monday");
    assert_span(hit("delivery"), 0, "delivered");
    run("Deliveries are never on time"); /* "delivery" in the taxonomy: same stem */
    assert_span(hit("delivery"), 0, "Deliveries");
    run("The SHIPPED box");                /* "shipping" -> ship */
    assert_span(hit("delivery"), 0, "SHIPPED");
    run("Lovely shop, nothing else");
    assert_int_equal(res.n_hits, 0);}

static void test_phrase_needs_consecutive_tokens(void **state)
{
    (void)state;
    run("It arrived late again");
    const vb_theme_hit *h = hit("delivery");
    assert_span(h, 0, "arrived late");
    run("It arrived very late");            /* "late" alone is only the child's */
    assert_null(hit("delivery"));
    run("It arrived, late");                /* punctuation breaks a phrase */
    assert_null(hit("delivery"));
}

static void test_prefix_matches_the_start_of_words(void **state)
{
    (void)state;
    run("Two parcels and a Parcel");
    const vb_theme_hit *h = hit("delivery");
    assert_int_equal(h->n_spans, 2);
    assert_span(h, 0, "parcels");
    assert_span(h, 1, "Parcel");
    run("The parc was nice");
    assert_null(hit("delivery"));
}

/* Prefixes of several lengths and first bytes (one of them not ASCII):
 * a word is tried only against the prefixes it could start with, and
 * every one it does start with is found. */
static void test_prefixes_of_several_lengths_and_first_bytes(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of("{\"themes\":[{\"id\":\"short\",\"match\":[\"ab*\"]},"
                                     "{\"id\":\"long\",\"match\":[\"xyzzy*\", \"abcde*\"]},"
                                     "{\"id\":\"accent\",\"match\":[\"émo*\"]}]}",
                                     &t);
    expect_hits(m, "a zab axe xyzz", 0); /* too short, or no prefix's first bytes */
    const char *s = "AB";                /* exactly the shortest prefix */
    run_with(m, s, strlen(s));
    assert_non_null(hit_in(t, "short"));
    assert_null(hit_in(t, "long"));
    s = "abcdef xyzzyq Émotions"; /* "abcdef" starts both ab and abcde */
    run_with(m, s, strlen(s));
    assert_span(hit_in(t, "short"), 0, "abcdef");
    const vb_theme_hit *h = hit_in(t, "long");
    assert_int_equal(h->n_spans, 2);
    assert_span(h, 0, "abcdef");
    assert_span(h, 1, "xyzzyq");
    assert_span(hit_in(t, "accent"), 0, "Émotions");
    drop_matcher(m, t);
}

static void test_near_within_k_words_of_one_sentence(void **state)
{
    (void)state;
    run("We waited for the delivery");      /* 3 words apart */
    const vb_theme_hit *h = hit("delivery");
    assert_int_equal(h->n_spans, 2);
    assert_span(h, 0, "waited");
    assert_span(h, 1, "delivery");
    run("We waited for the nice food");     /* no delivery at all */
    assert_null(hit("delivery"));
    /* Beyond k: only the word "delivery" itself matches, not "waited". */
    run("We waited for the very slow delivery");
    h = hit("delivery");
    assert_int_equal(h->n_spans, 1);
    assert_span(h, 0, "delivery");
    /* Across sentences: never a NEAR pair. */
    run("We waited. The courier came");
    h = hit("delivery");
    assert_int_equal(h->n_spans, 1);
    assert_span(h, 0, "courier");
    /* Either order counts. */
    run("The delivery made us wait");
    assert_int_equal(hit("delivery")->n_spans, 2);
}

static void test_near_distance_is_exact(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"n\",\"match\":[\"wait NEAR/2 box\"]}]}", &t);
    expect_hits(m, "wait a box", 1);     /* 2 apart */
    expect_hits(m, "wait, a box", 1);    /* punctuation is not a word */
    expect_hits(m, "wait a big box", 0); /* 3 apart */
    drop_matcher(m, t);
}

/* A NEAR operand pairs only once its other side is found whole: a
 * prefix, a phrase, or the same word twice. */
static void test_near_pairs_prefixes_and_phrases(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"n\",\"match\":["
                   "\"wait* NEAR/3 price*\", \"slow NEAR/2 \\\"customer service\\\"\", "
                   "\"size NEAR/2 size\"]}]}",
                   &t);
    expect_hits(m, "waiting on pricey stuff", 1); /* both sides prefixes */
    assert_int_equal(res.hits[0].n_spans, 2);
    expect_hits(m, "slow customer service", 1); /* a phrase on one side */
    assert_int_equal(res.hits[0].n_spans, 2);
    expect_hits(m, "slow customer support", 0); /* its first word alone */
    expect_hits(m, "size vs size", 1);          /* the same word twice */
    assert_int_equal(res.hits[0].n_spans, 2);
    expect_hits(m, "the size", 0); /* once is not a pair */
    drop_matcher(m, t);
}

/* Stopwords are operands too ("(i|we) NEAR/1 complained"): they pair
 * with words and with each other, exact or by stem, as any operand does. */
static void test_near_pairs_stopwords(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"n\",\"match\":["
                   "\"(i|we) NEAR/1 complained\", \"=the NEAR/1 =checkouts\", "
                   "\"(it|them) NEAR/2 (all|more)\"]}]}",
                   &t);
    static const char *const hits[] = {"so we complained", "I complained twice",
                                       "the checkouts", "wanted it all", "them and more"};
    for (size_t i = 0; i < sizeof hits / sizeof *hits; i++) {
        expect_hits(m, hits[i], 1);
        assert_int_equal(res.hits[0].n_spans, 2);
    }
    static const char *const misses[] = {"I really complained", "the checkout", "it was not all"};
    for (size_t i = 0; i < sizeof misses / sizeof *misses; i++)
        expect_hits(m, misses[i], 0);
    drop_matcher(m, t);
}

/* A set operand, (a|b|c), pairs through any of its alternatives, each a
 * word, a phrase, an exact word or a prefix; an exclude may have sets too. */
static void test_near_sets(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"n\",\"match\":["
                   "\"(cozy | quaint|=cute) NEAR/3 (=place|\\\"coffee shop\\\"|bistro*)\"], "
                   "\"exclude\":[\"(sweater|=jumper) NEAR/4 (cozy|=cute)\"]}]}",
                   &t);
    static const char *const hits[] = {
        "a cozy place",              /* first with first */
        "what a quaint bistros",     /* the middle one with a prefix */
        "a cute little coffee shop", /* exact with a phrase */
        "the place is so cute",      /* B before A */
    };
    for (size_t i = 0; i < sizeof hits / sizeof *hits; i++) {
        expect_hits(m, hits[i], 1);
        assert_int_equal(res.hits[0].n_spans, 2);
    }
    static const char *const misses[] = {
        "a cozy spot",                   /* no B */
        "a cozy coffee",                 /* half of a phrase */
        "a cuter place",                 /* not the exact form */
        "a cozy, quaint, cute town",     /* three of A, no B */
        "the places are cute",           /* =place is not places */
        "a cozy sweater from the place", /* the exclude's set */
    };
    for (size_t i = 0; i < sizeof misses / sizeof *misses; i++) {
        expect_hits(m, misses[i], 0);
    }
    drop_matcher(m, t);
}

/* A PRE/k B is NEAR/k with A before B, as a match and as a scoped
 * exclude: "another camera" is not this camera, "the camera beats
 * another" is. */
static void test_pre_pairs_only_in_order(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"p\","
                   "\"match\":[\"camera\", \"late PRE/2 (parcel|box)\"], "
                   "\"exclude\":[\"(other|another|older) PRE/2 camera\"], "
                   "\"exclude_scope\":\"span\"}]}",
                   &t);
    expect_hits(m, "a late parcel", 1);
    assert_int_equal(res.hits[0].n_spans, 2);
    expect_hits(m, "the parcel was late", 0);  /* B before A */
    expect_hits(m, "late, big box", 1);        /* punctuation is not a word */
    expect_hits(m, "late for the big box", 0); /* 3 apart */
    expect_hits(m, "unlike other cameras", 0);
    expect_hits(m, "my older digital camera", 0);
    expect_hits(m, "the camera beats another", 1);    /* the exclude's B before A */
    expect_hits(m, "another lens for the camera", 1); /* 3 apart */
    /* the exclude cancels the first mention, not the second */
    expect_hits(m, "better than another camera, this camera", 1);
    assert_int_equal(res.hits[0].n_spans, 1);
    assert_span(&res.hits[0], 0, "camera");
    assert_true(res.hits[0].spans[0].start > strlen("better than another camera"));
    drop_matcher(m, t);
}

/* A match pairs an operand with the nearest occurrence of the other side;
 * a scoped exclude (here span) with every one within k words, to cancel
 * each. */
static void test_scoped_near_exclude_pairs_every_operand_within_k(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"n\",\"match\":["
                   "\"colour\", \"picture\", \"quiet NEAR/3 (fan|motor)\"], "
                   "\"exclude\":[\"(colour|picture) NEAR/4 lens\"], \"exclude_scope\":\"span\"}]}",
                   &t);
    expect_hits(m, "fan, motor: quiet", 1); /* the nearest of B */
    assert_int_equal(res.hits[0].n_spans, 2);
    assert_span(&res.hits[0], 0, "motor");
    expect_hits(m, "great colours, pictures and lens", 0);    /* both of A excluded */
    expect_hits(m, "great colours and a very sharp lens", 1); /* 5 words apart */
    assert_int_equal(res.hits[0].n_spans, 1);
    drop_matcher(m, t);
}

/* A NEAR match is one mention: a scoped exclude that reaches either side
 * cancels both, and with them what the theme's children need. */
static void test_scoped_exclude_cancels_both_sides_of_a_near_match(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m =
        matcher_of("{\"themes\":[{\"id\":\"d\",\"match\":[\"came NEAR/2 quickly\"], "
                   "\"exclude\":[\"refund NEAR/1 came\"], \"exclude_scope\":\"span\", "
                   "\"children\":[{\"id\":\"d.fast\",\"match\":[\"quickly\"]}]}]}",
                   &t);
    expect_hits(m, "The parcel came quickly", 2);
    assert_int_equal(res.hits[0].n_spans, 2);
    expect_hits(m, "The refund came quickly", 0); /* "quickly" alone is no mention */
    expect_hits(m, "The refund came, and the parcel came quickly", 2);
    assert_int_equal(res.hits[0].n_spans, 2);
    assert_span(&res.hits[0], 0, "came");
    assert_true(res.hits[0].spans[0].start > strlen("The refund came"));
    drop_matcher(m, t);
}

static void test_exclude_suppresses_only_its_sentence(void **state)
{
    (void)state;
    run("Free delivery, great.");
    assert_null(hit("delivery"));
    run("Free delivery. But the delivery took ages.");
    const vb_theme_hit *h = hit("delivery");
    assert_int_equal(h->n_spans, 1);
    assert_true(h->spans[0].start > strlen("Free delivery."));
    assert_span(h, 0, "delivery");
}

static void test_exclude_also_cancels_the_children(void **state)
{
    (void)state;
    /* "still waiting" matches delivery.late alone, but the parent's
     * exclude ("free delivery") cancels the whole branch in its sentence. */
    run("Free delivery they said, still waiting.");
    assert_null(hit("delivery"));
    assert_null(hit("delivery.late"));
    run("Free delivery they said. Still waiting.");
    assert_non_null(hit("delivery.late"));
}

static void test_child_matches_only_with_its_parent(void **state)
{
    (void)state;
    run("Sorry I am late");
    assert_int_equal(res.n_hits, 0);
    run("The courier was late. I was late too.");
    const vb_theme_hit *parent = hit("delivery"), *child = hit("delivery.late");
    assert_non_null(parent);
    assert_non_null(child);
    /* Only the sentence where the parent matched counts for the child. */
    assert_int_equal(child->n_spans, 1);
    assert_span(child, 0, "late");
    assert_true(child->spans[0].start < strlen("The courier was late."));
    /* The parent's spans include the child's. */
    assert_int_equal(parent->n_spans, 2);
    assert_span(parent, 0, "courier");
    assert_span(parent, 1, "late");
    /* Parent before child, in taxonomy order. */
    assert_true(res.hits[0].theme < res.hits[1].theme);
    run("Shipping delays again");          /* prefix in a child */
    assert_span(hit("delivery.late"), 0, "delays");
}

/* A child's judging word does not borrow its parent from another clause
 * that is about something else, unless a pronoun ties the two. */
static void test_judging_word_stays_in_its_clause(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of(
        "{\"themes\":[{\"id\":\"staff\",\"match\":[\"service\",\"staff\"],"
        "\"children\":[{\"id\":\"staff.friendly\",\"match\":[\"great\",\"friendly\"]},"
        "{\"id\":\"staff.dress\",\"match\":[\"uniforms\"]}]},"
        "{\"id\":\"food\",\"match\":[\"food\"]}]}",
        &t);
    expect_hits(m, "The food was great but the service was slow", 2);
    assert_null(hit_in(t, "staff.friendly"));
    assert_true(hit_in(t, "staff")->sentiment < -0.05); /* "slow" alone */
    expect_hits(m, "Great food and great service", 3); /* one clause */
    expect_hits(m, "Slow service but friendly", 2);     /* nothing else there */
    expect_hits(m, "Service was slow, but they were great with the food", 3); /* "they" */
    expect_hits(m, "The staff were great, the food arrived cold", 3);
    assert_span(hit_in(t, "staff.friendly"), 0, "great");
    /* "uniforms" names, it does not judge: it still borrows. */
    expect_hits(m, "The food and the uniforms, but the service was slow", 3);
    assert_non_null(hit_in(t, "staff.dress"));
    drop_matcher(m, t);
}

static void test_match_alone_reports_the_parent(void **state)
{
    (void)state;
    run("Still waiting for my order!");
    const vb_theme_hit *parent = hit("delivery"), *child = hit("delivery.late");
    assert_non_null(child);
    assert_non_null(parent);
    assert_span(child, 0, "Still waiting");
    assert_span(parent, 0, "Still waiting");
    assert_int_equal(res.n_hits, 2);
}

/* An answer names its theme where the sentence says nothing else: a
 * survey answer, not a word that judges something the sentence names. */
static void test_answer_counts_where_nothing_else_is_said(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of(
        "{\"themes\":[{\"id\":\"wait\",\"match\":[\"queue\"],\"children\":["
        "{\"id\":\"wait.slow\",\"answer\":[\"slow\",\"\\\"took ages\\\"\"]},"
        "{\"id\":\"wait.fast\",\"answer\":[\"quick\",\"speed*\"]}]},"
        "{\"id\":\"staff\",\"match\":[\"staff\"],\"children\":["
        "{\"id\":\"staff.friendly\",\"answer\":[\"=friendly\"]}]},"
        "{\"id\":\"price\",\"match\":[\"expensive\"]},"
        "{\"id\":\"delivery\",\"match\":[\"delivery\"]}]}",
        &t);
    expect_hits(m, "Slow.", 2);
    assert_span(hit_in(t, "wait.slow"), 0, "Slow");
    assert_span(hit_in(t, "wait"), 0, "Slow");
    assert_true(hit_in(t, "wait.slow")->sentiment < -0.05);
    expect_hits(m, "Quick and friendly!! :)", 4);
    assert_span(hit_in(t, "staff.friendly"), 0, "friendly");
    expect_hits(m, "Really speedy, not too bad 10/10", 2); /* boosters, judgements */
    assert_span(hit_in(t, "wait.fast"), 0, "speedy");
    expect_hits(m, "Took ages", 2); /* a phrase */
    expect_hits(m, "Slow and awful", 2); /* a word that judges says nothing more */
    expect_hits(m, "Slow and expensive", 1); /* unless it names a theme itself */
    assert_non_null(hit_in(t, "price"));
    /* A sentence that names something is about that. */
    expect_hits(m, "Slow delivery", 1);
    assert_non_null(hit_in(t, "delivery"));
    expect_hits(m, "The staff were friendly", 1);
    expect_hits(m, "Quick reply from @support", 0);
    expect_hits(m, "Slow. Our delivery came late", 3); /* per sentence */
    assert_span(hit_in(t, "wait.slow"), 0, "Slow");
    expect_hits(m, "Thanks! Friendly. Quick.", 4);
    /* Once the comment has named something, the words judge that. */
    expect_hits(m, "Our delivery came late. Slow.", 1);
    expect_hits(m, "Friendlier", 0); /* =friendly is the word itself */
    drop_matcher(m, t);
}

static void test_child_of_a_grouping_parent_matches_alone(void **state)
{
    (void)state;
    /* "staff" has no terms of its own: its children's match terms are free. */
    run("The cashier was rude");
    assert_span(hit("staff.rude"), 0, "rude");
    assert_span(hit("staff"), 0, "rude");
}

static void test_regex_spans_cover_whole_tokens(void **state)
{
    (void)state;
    run("No DELIVERY   SLOTS left. Delivery windows were full");
    const vb_theme_hit *h = hit("delivery");
    assert_int_equal(h->n_spans, 2);
    assert_span(h, 0, "DELIVERY   SLOTS"); /* matched on "delivery slots" */
    assert_span(h, 1, "Delivery windows");
    assert_int_equal(res.regex_limit_hits, 0);
    assert_null(res.warning);
}

static void test_catastrophic_regex_is_cut_off(void **state)
{
    (void)state;
    size_t n_problems;
    vb_error err;
    vb_themes *t;
    assert_int_equal(vb_themes_compile_file(VB_TEST_FIXTURES "/themes/catastrophic.json", lang,
                                            NULL, NULL, NULL, &t, &n_problems, &err),
                     VB_OK);
    vb_theme_matcher *m = vb_theme_matcher_new(t, NULL);
    assert_non_null(m);
    const size_t n = 100 * 1024;
    char *s = malloc(n + 32);
    memset(s, 'a', n);
    memcpy(s + n, "b. It was fine.", 15);
    clock_t t0 = clock();
    run_with(m, s, n + 15);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0); /* under sanitizers too; about 10 ms in a plain build */
    assert_int_equal(res.regex_limit_hits, 1);
    assert_string_equal(res.warning, "theme \"blowup\": regex 1 hit the match limit; skipped");
    /* The cut-off regex is no match; the other theme still matches. */
    assert_null(hit_in(t, "blowup"));
    assert_non_null(hit_in(t, "ok"));
    /* The next record starts afresh. */
    run_with(m, "aaa", 3);
    assert_int_equal(res.regex_limit_hits, 0);
    assert_non_null(hit_in(t, "blowup"));
    free(s);
    drop_matcher(m, t);
}

static void test_aspect_sentiment_follows_clauses(void **state)
{
    (void)state;
    run("the food was great but the service was slow");
    const vb_theme_hit *food = hit("food"), *service = hit("service");
    assert_non_null(food);
    assert_non_null(service);
    assert_true(food->sentiment > 0.05);
    assert_true(service->sentiment < -0.05);
    /* Exactly its clause's compound. */
    assert_float_equal(food->sentiment, ds.clauses[doc.tokens[1].clause].compound, 1e-12);
    /* A theme in two clauses gets their mean, each distinct clause once:
     * two mentions in the first clause do not weigh it double. */
    run("Great food and a great meal, awful food.");
    food = hit("food");
    assert_int_equal(food->n_spans, 3);
    assert_int_equal(doc.n_clauses, 2);
    assert_true(ds.clauses[0].compound > 0 && ds.clauses[1].compound < 0);
    assert_float_equal(food->sentiment, (ds.clauses[0].compound + ds.clauses[1].compound) / 2,
                       1e-12);
}

static void test_opinion_free_clause_takes_its_sentence(void **state)
{
    (void)state;
    /* "the food" sits in a clause of its own with no sentiment word; it
     * takes the sentence's score rather than a neutral 0. */
    run("The food, the service and the room were all excellent.");
    const vb_theme_hit *food = hit("food");
    assert_non_null(food);
    const uint32_t c = doc.tokens[1].clause;
    assert_true(ds.clauses[c].pos == 0.0 && ds.clauses[c].neg == 0.0);
    assert_float_equal(food->sentiment, ds.sentences[0].compound, 1e-12);
    assert_true(food->sentiment > 0.05);
}

static void test_overlapping_spans_are_merged(void **state)
{
    (void)state;
    /* "delivery" (word) and "delivery slot" (regex) overlap: one span. */
    run("delivery slot");
    const vb_theme_hit *h = hit("delivery");
    assert_int_equal(h->n_spans, 1);
    assert_span(h, 0, "delivery slot");
}

/* A term inside a longer one just hit adds no span, and counts towards
 * the sentiment only where it starts in a clause of its own. */
static void test_term_inside_a_phrase(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of("{\"themes\":[{\"id\":\"s\",\"match\":["
                                     "\"\\\"customer service\\\"\", \"service\", "
                                     "\"\\\"fine but slow\\\"\", \"slow\"]}]}",
                                     &t);
    expect_hits(m, "Great customer service.", 1);
    assert_int_equal(res.hits[0].n_spans, 1);
    assert_span(&res.hits[0], 0, "customer service");
    assert_float_equal(res.hits[0].sentiment, ds.clauses[0].compound, 1e-12);
    expect_hits(m, "fine but slow", 1); /* "but" opens a clause */
    assert_int_equal(res.hits[0].n_spans, 1);
    assert_span(&res.hits[0], 0, "fine but slow");
    assert_int_equal(doc.n_clauses, 2);
    assert_float_equal(res.hits[0].sentiment, (ds.clauses[0].compound + ds.clauses[1].compound) / 2,
                       1e-12);
    drop_matcher(m, t);
}

static void test_empty_and_wordless_records(void **state)
{
    (void)state;
    run("");
    assert_int_equal(res.n_hits, 0);
    run("!!! ... :)");
    assert_int_equal(res.n_hits, 0);
}

static void test_terms_are_normalised_like_text(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of(
        "{\"themes\":[{\"id\":\"u\",\"match\":[\"CAFÉ\", \"\\\"Sooooo SLOW\\\"\", \"naïv*\"]}]}",
        &t);
    expect_hits(m, "the cafés were soooo slow, naïvely run", 1);
    assert_int_equal(res.hits[0].n_spans, 3);
    drop_matcher(m, t);
}

/* Runs `s` against narrow.json. */
static void run_narrow(const char *s)
{
    run_with(narrow_matcher, s, strlen(s));
}

static const vb_theme_hit *narrow_hit(const char *id)
{
    return hit_in(narrow, id);
}

static void test_exact_terms_match_their_own_form(void **state)
{
    (void)state;
    run_narrow("The fans are loud");
    assert_span(narrow_hit("hardware"), 0, "fans");
    run_narrow("I am a FAN of it"); /* "fans" and "fan" share a stem */
    assert_null(narrow_hit("hardware"));
    run_narrow("A great graphics card.");
    assert_span(narrow_hit("hardware"), 0, "graphics card");
    run_narrow("A great graphic card.");
    assert_null(narrow_hit("hardware"));
    run_narrow("Noisy, whining fan"); /* exact on one side of a NEAR */
    assert_span(narrow_hit("hardware"), 0, "Noisy");
    assert_span(narrow_hit("hardware"), 1, "fan");
    run_narrow("Noisiest fan");
    assert_null(narrow_hit("hardware"));
}

/* Elongated words: runs cut to two ("deliveeered"), or to one letter when
 * only that form stems to a term ("shiiiipped" -> "shipped"). The second
 * guess is the text stage's, so the text knows the taxonomy, as in the
 * pipeline. */
static void test_elongated_words_match(void **state)
{
    (void)state;
    vb_text_set_term_words(text, vb_themes_term_id, themes);
    run("It was deliveeered on Monday");
    assert_span(hit("delivery"), 0, "deliveeered");
    run("The shiiiipped box");
    assert_span(hit("delivery"), 0, "shiiiipped");
    vb_text_set_term_words(text, vb_themes_term_id, narrow);
    run_narrow("The fansss are loud"); /* an exact term: "fanss" is no word, "fans" is */
    assert_span(narrow_hit("hardware"), 0, "fansss");
    vb_text_set_term_words(text, NULL, NULL);
}

/* A compound matches its other spellings: a phrase hyphenated, wholly
 * or in part, a hyphenated term closed up, and a hyphenated word of the
 * comment closed up (the text stage's guess, so the text knows the
 * taxonomy). A phrase is not closed up, a hyphenated term not taken
 * apart, and an exact term matches as written. */
static void test_compounds_match_in_other_spellings(void **state)
{
    (void)state;
    vb_themes *t;
    vb_theme_matcher *m = matcher_of(
        "{\"themes\":[{\"id\":\"service\",\"match\":[\"\\\"customer service\\\"\"]},"
        "{\"id\":\"delivery\",\"match\":[\"same day delivery\", \"check out\"]},"
        "{\"id\":\"effort\",\"match\":[\"run-around\"]},"
        "{\"id\":\"fit\",\"match\":[\"=\\\"true to size\\\"\", \"lightweight\"]}]}",
        &t);
    vb_text_set_term_words(text, vb_themes_term_id, t);
    const char *s = "The Customer-Service desk was closed";
    run_with(m, s, strlen(s));
    assert_span(hit_in(t, "service"), 0, "Customer-Service");
    s = "Same-day delivery, or same-day-delivery, or same day-delivery";
    run_with(m, s, strlen(s));
    const vb_theme_hit *h = hit_in(t, "delivery");
    assert_int_equal(h->n_spans, 3);
    assert_span(h, 0, "Same-day delivery");
    assert_span(h, 1, "same-day-delivery");
    assert_span(h, 2, "same day-delivery");
    s = "A runaround, then the run-arounds";
    run_with(m, s, strlen(s));
    assert_int_equal(hit_in(t, "effort")->n_spans, 2);
    s = "Light-weight and a little light weight";
    run_with(m, s, strlen(s));
    h = hit_in(t, "fit");
    assert_int_equal(h->n_spans, 1);
    assert_span(h, 0, "Light-weight");
    expect_hits(m, "Kids running around; I cannot checkout", 0);
    expect_hits(m, "It runs true-to-size", 0); /* exact: as written */
    expect_hits(m, "It runs true to size", 1);
    expect_hits(m, "A check-out queue", 1);
    vb_text_set_term_words(text, NULL, NULL);
    drop_matcher(m, t);
    /* A term of more parts than spellings are made for is still itself. */
    m = matcher_of("{\"themes\":[{\"id\":\"long\",\"match\":[\"\\\"a-b c-d e f g h i j k l m "
                   "n o p q r s t\\\"\"]}]}",
                   &t);
    expect_hits(m, "a-b c-d e f g h i j k l m n o p q r s t", 1);
    expect_hits(m, "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t", 0);
    drop_matcher(m, t);
}

static void test_span_scope_cancels_only_overlapping_hits(void **state)
{
    (void)state;
    run_narrow("I got a blue screen");
    assert_null(narrow_hit("screen"));
    run_narrow("After a blue screen the screen went dark");
    const vb_theme_hit *h = narrow_hit("screen");
    assert_int_equal(h->n_spans, 1);
    assert_true(h->spans[0].start > strlen("After a blue screen"));
}

static void test_clause_scope_cancels_the_clause_and_children(void **state)
{
    (void)state;
    run_narrow("I love my Apple");
    assert_int_equal(res.n_hits, 0);
    /* The exclude (a regex) cancels "Apple" and the child's "love" in its
     * clause only. */
    run_narrow("I love my Apple, and Apple makes good laptops");
    const vb_theme_hit *h = narrow_hit("brand");
    assert_int_equal(h->n_spans, 1);
    assert_true(h->spans[0].start > strlen("I love my Apple,"));
    assert_null(narrow_hit("brand.love"));
    run_narrow("I love Apple, not my Apple");
    assert_non_null(narrow_hit("brand.love"));
}

static void test_exclude_regex_cancels_the_sentence(void **state)
{
    (void)state;
    run_narrow("Odd, but even so.");
    assert_null(narrow_hit("odd"));
    run_narrow("Odd. Even so.");
    assert_non_null(narrow_hit("odd"));
}

/* Matches `s` over `t` with every allocation of a new matcher failing
 * in turn; the run that succeeds finds `n_hits` themes. */
static void match_under_oom(const vb_themes *t, const char *s, size_t n_hits)
{
    for (size_t fail_at = 0;; fail_at++) {
        test_alloc ta;
        vb_allocator a = test_allocator(&ta, fail_at);
        vb_theme_matcher *m = vb_theme_matcher_new(t, &a);
        if (m == NULL) {
            assert_int_equal(ta.live_blocks, 0);
            continue;
        }
        vb_arena_reset(&arena);
        assert_int_equal(vb_text_analyze(text, &arena, s, strlen(s), &doc), VB_OK);
        assert_int_equal(vb_sentiment_score(senti, &doc, &arena, false, &ds), VB_OK);
        vb_status st = vb_themes_match(m, &doc, &ds, &arena, &res);
        vb_theme_matcher_free(m);
        assert_int_equal(ta.live_blocks, 0);
        if (st == VB_OK) {
            assert_int_equal(res.n_hits, n_hits);
            break;
        }
        assert_int_equal(st, VB_ENOMEM);
    }
}

/* The sentiment of theme `id` in the last narrow run. */
static double narrow_sentiment(const char *id)
{
    const vb_theme_hit *h = narrow_hit(id);
    assert_non_null(h);
    return h->sentiment;
}

static void test_opinion_terms_judge_their_theme(void **state)
{
    (void)state;
    /* "cheap" is a complaint in the general lexicon, praise for a price. */
    run_narrow("Just cheap, good food");
    assert_true(narrow_sentiment("price") > 0.05);
    run_narrow("It's true, this place is not cheap."); /* negated */
    assert_true(narrow_sentiment("price") < -0.05);
    run_narrow("The prices are a bit steep, but the staff were great.");
    assert_true(narrow_sentiment("price") < -0.05);
    /* The longest term wins: "not too expensive", not "expensive". */
    run_narrow("The price was not too expensive.");
    assert_true(narrow_sentiment("price") > 0.05);
    /* Without its opinion terms in the clause, a theme takes the clause's
     * score as before; another theme ignores them. */
    run_narrow("Prices are great, the food cheap but the screen was expensive.");
    assert_true(narrow_sentiment("price") > 0.05);
    assert_true(narrow_sentiment("screen") < 0.05);
    /* An opinion term alone does not mention its theme. */
    run_narrow("It was steep.");
    assert_null(narrow_hit("price"));
}

/* The fingerprint that a report's state keeps to refuse merging shards
 * made with different taxonomies: the same content in another order (of
 * themes, terms and keys, with other free text) gives the same one; any
 * change to what a comment's themes depend on gives another. */
static uint64_t fingerprint_of(const char *json)
{
    vb_themes *t = compile_text(json);
    const uint64_t fp = vb_themes_fingerprint(t);
    vb_themes_free(t);
    assert_true(fp != 0);
    return fp;
}

static void test_fingerprint_follows_the_content(void **state)
{
    (void)state;
    assert_true(vb_themes_fingerprint(NULL) == 0);
    assert_true(vb_themes_fingerprint(themes) != 0);
    assert_true(vb_themes_fingerprint(themes) != vb_themes_fingerprint(narrow));
    const uint64_t base = fingerprint_of(
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"opinion\":{\"steep\":-1.5,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}");
    /* reordered themes, terms, opinion and keys; a name, an x- note, spaces */
    assert_true(
        fingerprint_of("{\"name\":\"n\", \"themes\":[\n"
                       "{\"regex\":[\"\\\\bapp\\\\b\"],\"match\":[\"app\"],\"id\":\"app\"},"
                       "{\"x-count\":7,\"children\":[{\"match\":[\"late\"],\"label\":\"Late fees\","
                       "\"id\":\"fees.late\"}],\"opinion\":{\"fair\":1,\"steep\":-1.5},"
                       "\"exclude\":[\"free\"],\"match\":[\"charge*\",\"fee\"],\"label\":\"Fees\","
                       "\"id\":\"fees\"}], \"language\":\"en\"}") == base);
    static const char *const changed[] = {
        /* a label */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Charges\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"opinion\":{\"steep\":-1.5,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}",
        /* a term moved from match to exclude's list */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\"],"
        "\"exclude\":[\"free\",\"charge*\"],\"opinion\":{\"steep\":-1.5,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}",
        /* an opinion valence */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"opinion\":{\"steep\":-2,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}",
        /* the exclude scope */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"exclude_scope\":\"span\",\"opinion\":{\"steep\":-1.5,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}",
        /* the child moved to the top level */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"opinion\":{\"steep\":-1.5,\"fair\":1}},"
        "{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapp\\\\b\"]}]}",
        /* a regex */
        "{\"language\":\"en\",\"themes\":["
        "{\"id\":\"fees\",\"label\":\"Fees\",\"match\":[\"fee\",\"charge*\"],"
        "\"exclude\":[\"free\"],\"opinion\":{\"steep\":-1.5,\"fair\":1},"
        "\"children\":[{\"id\":\"fees.late\",\"label\":\"Late fees\",\"match\":[\"late\"]}]},"
        "{\"id\":\"app\",\"match\":[\"app\"],\"regex\":[\"\\\\bapps?\\\\b\"]}]}",
    };
    for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++)
        if (fingerprint_of(changed[i]) == base) fail_msg("change %zu: the same fingerprint", i);
}

static void test_matcher_survives_every_oom(void **state)
{
    (void)state;
    match_under_oom(themes, "Still waiting. We waited for the delivery slot, the courier was late.",
                    2);
    match_under_oom(narrow, "I love my Apple, and Apple has good fans after a blue screen.", 2);
    match_under_oom(narrow, "Not cheap, but the prices are not too expensive and not steep.", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_matches_by_stem),
        cmocka_unit_test(test_elongated_words_match),
        cmocka_unit_test(test_phrase_needs_consecutive_tokens),
        cmocka_unit_test(test_prefix_matches_the_start_of_words),
        cmocka_unit_test(test_prefixes_of_several_lengths_and_first_bytes),
        cmocka_unit_test(test_near_within_k_words_of_one_sentence),
        cmocka_unit_test(test_near_distance_is_exact),
        cmocka_unit_test(test_compounds_match_in_other_spellings),
        cmocka_unit_test(test_near_pairs_prefixes_and_phrases),
        cmocka_unit_test(test_near_pairs_stopwords),
        cmocka_unit_test(test_near_sets),
        cmocka_unit_test(test_pre_pairs_only_in_order),
        cmocka_unit_test(test_scoped_near_exclude_pairs_every_operand_within_k),
        cmocka_unit_test(test_scoped_exclude_cancels_both_sides_of_a_near_match),
        cmocka_unit_test(test_exclude_suppresses_only_its_sentence),
        cmocka_unit_test(test_child_matches_only_with_its_parent),
        cmocka_unit_test(test_judging_word_stays_in_its_clause),
        cmocka_unit_test(test_match_alone_reports_the_parent),
        cmocka_unit_test(test_answer_counts_where_nothing_else_is_said),
        cmocka_unit_test(test_child_of_a_grouping_parent_matches_alone),
        cmocka_unit_test(test_regex_spans_cover_whole_tokens),
        cmocka_unit_test(test_catastrophic_regex_is_cut_off),
        cmocka_unit_test(test_aspect_sentiment_follows_clauses),
        cmocka_unit_test(test_opinion_free_clause_takes_its_sentence),
        cmocka_unit_test(test_exclude_also_cancels_the_children),
        cmocka_unit_test(test_overlapping_spans_are_merged),
        cmocka_unit_test(test_term_inside_a_phrase),
        cmocka_unit_test(test_empty_and_wordless_records),
        cmocka_unit_test(test_terms_are_normalised_like_text),
        cmocka_unit_test(test_exact_terms_match_their_own_form),
        cmocka_unit_test(test_span_scope_cancels_only_overlapping_hits),
        cmocka_unit_test(test_clause_scope_cancels_the_clause_and_children),
        cmocka_unit_test(test_exclude_regex_cancels_the_sentence),
        cmocka_unit_test(test_opinion_terms_judge_their_theme),
        cmocka_unit_test(test_fingerprint_follows_the_content),
        cmocka_unit_test(test_matcher_survives_every_oom),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

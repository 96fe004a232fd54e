/* test_text.c: the text stages together: sentences and clauses, the
 * clause-word callback, flags, stems and stopwords on tokens, repaired
 * text with offsets, and a stream of records that stops allocating. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "norm.h"
#include "text.h"

#ifndef VB_TEST_DATA_DIR
#define VB_TEST_DATA_DIR "lexicons"
#endif

/* A counting allocator. */
static size_t n_allocs, n_live;

static void *count_malloc(size_t size, void *ctx)
{
    (void)ctx;
    n_allocs++;
    n_live++;
    return malloc(size);
}

static void *count_realloc(void *p, size_t size, void *ctx)
{
    (void)ctx;
    n_allocs++;
    if (p == NULL)
        n_live++;
    return realloc(p, size);
}

static void count_free(void *p, void *ctx)
{
    (void)ctx;
    n_live--;
    free(p);
}

static const vb_allocator counting = {count_malloc, count_realloc, count_free, NULL};

typedef struct fixture {
    vb_lang *lang;
    vb_text *text;
    vb_arena arena;
} fixture;

static int setup(void **state)
{
    static fixture f;
    vb_error err;
    f.lang = vb_lang_load(VB_TEST_DATA_DIR, "en", &counting, &err);
    if (f.lang == NULL)
        return -1;
    f.text = vb_text_new(f.lang, &counting);
    vb_arena_init(&f.arena, &counting, 64 * 1024);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    vb_arena_free(&f->arena);
    vb_text_free(f->text);
    vb_lang_free(f->lang);
    return n_live == 0 ? 0 : -1; /* nothing leaked */
}

static vb_doc analyze_n(fixture *f, const char *s, size_t len)
{
    vb_arena_reset(&f->arena);
    vb_text_forget(f->text);
    vb_doc d;
    assert_int_equal(vb_text_analyze(f->text, &f->arena, s, len, &d), VB_OK);
    /* Invariants of every document. */
    for (size_t i = 0; i < d.n_tokens; i++) {
        const vb_token *t = &d.tokens[i];
        assert_true(t->end <= d.len && t->start < t->end);
        assert_true(t->sentence < d.n_sentences && t->clause < d.n_clauses);
        const vb_span *c = &d.clauses[t->clause], *s2 = &d.sentences[t->sentence];
        assert_true(c->first_token <= i && i < c->first_token + c->n_tokens);
        assert_true(s2->first_token <= i && i < s2->first_token + s2->n_tokens);
        assert_int_equal(strlen(t->norm), t->norm_len);
        assert_int_equal(strlen(t->lookup), t->lookup_len);
        assert_int_equal(strlen(t->stem), t->stem_len);
    }
    for (size_t c = 0; c < d.n_clauses; c++) {
        const vb_span *cl = &d.clauses[c];
        const vb_token *first = &d.tokens[cl->first_token];
        const vb_token *last = &d.tokens[cl->first_token + cl->n_tokens - 1];
        assert_true(cl->n_tokens > 0);
        assert_int_equal(first->sentence, last->sentence); /* inside one sentence */
        assert_int_equal(cl->start, first->start);
        assert_int_equal(cl->end, last->end);
    }
    return d;
}

#define analyze(f, s) analyze_n(f, s, strlen(s))

/* "first|second|..." : the text of each span. */
static void expect_spans(const vb_doc *d, const vb_span *sp, size_t n, const char *want)
{
    char got[1024];
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(got + o, sizeof got - o, "%s%.*s", i ? "|" : "",
                              (int)(sp[i].end - sp[i].start), d->text + sp[i].start);
    got[o] = '\0';
    assert_string_equal(got, want);
}

static void test_sentences(void **state)
{
    fixture *f = *state;
    vb_doc d = analyze(f, "Great staff! Slow delivery... Why?! Fine.");
    expect_spans(&d, d.sentences, d.n_sentences, "Great staff!|Slow delivery...|Why?!|Fine.");
    assert_int_equal(d.sentences[1].first_token, 3);
    assert_int_equal(d.sentences[1].n_tokens, 3);

    d = analyze(f, "Mr. Smith e.g. helped, i.e. fast vs. slow etc. All good");
    assert_int_equal(d.n_sentences, 1); /* abbreviations do not end sentences */
    d = analyze(f, "Approx. Dr. Inc. Jr. Ltd. Mrs. Ms. Prof. Sr. St. The end");
    assert_int_equal(d.n_sentences, 1); /* every one in token.c's list */

    d = analyze(f, "first line\nsecond line\r\n\r\nthird");
    expect_spans(&d, d.sentences, d.n_sentences, "first line|second line|third");

    d = analyze(f, "ok \xE2\x80\xA6 then"); /* … */
    assert_int_equal(d.n_sentences, 2);
}

static void test_empty(void **state)
{
    fixture *f = *state;
    vb_doc d = analyze(f, "");
    assert_int_equal(d.n_tokens, 0);
    assert_int_equal(d.n_sentences, 0);
    assert_int_equal(d.n_clauses, 0);
    d = analyze(f, " \n\t ");
    assert_int_equal(d.n_sentences, 0);
}

static void test_clauses(void **state)
{
    fixture *f = *state;
    vb_doc d = analyze(f, "Fast, friendly; cheap: yes \xE2\x80\x93 good \xE2\x80\x94 ok - fine (mostly) end");
    expect_spans(&d, d.clauses, d.n_clauses,
                 "Fast,|friendly;|cheap:|yes \xE2\x80\x93|good \xE2\x80\x94|ok -|fine|(mostly)|end");
    d = analyze(f, "a 2019-2020 e-mail, b. c");
    expect_spans(&d, d.clauses, d.n_clauses, "a 2019-2020 e-mail,|b.|c");
    d = analyze(f, "Nice but slow. However fine");
    assert_int_equal(d.n_clauses, 2); /* no clause words by default */
}

static const void *contrast(const char *lookup, size_t len, void *ctx, bool *clause)
{
    (*(int *)ctx)++;
    *clause = (len == 3 && memcmp(lookup, "but", 3) == 0) ||
              (len == 7 && memcmp(lookup, "however", 7) == 0);
    return *clause ? lookup : NULL;
}

static void test_clause_words(void **state)
{
    fixture *f = *state;
    int calls = 0;
    vb_text_set_clause_words(f->text, contrast, &calls);
    vb_doc d = analyze(f, "Nice staff but SLOW. However, fine");
    expect_spans(&d, d.clauses, d.n_clauses, "Nice staff|but SLOW.|However,|fine");
    expect_spans(&d, d.sentences, d.n_sentences, "Nice staff but SLOW.|However, fine");
    assert_int_equal(d.tokens[2].clause, 1);
    assert_true(calls > 0);
    /* The lexicon's entries come back per token... */
    assert_non_null(d.entries);
    assert_ptr_equal(d.lexicon, contrast);
    assert_ptr_equal(d.lexicon_ctx, &calls);
    assert_null(d.entries[0]);
    assert_non_null(d.entries[2]);
    /* ... and it is asked once per distinct word: a repeat costs nothing. */
    const int before = calls;
    d = analyze(f, "Nice staff but SLOW. However, fine");
    assert_int_equal(calls, before);
    assert_int_equal(d.tokens[2].clause, 1);
    assert_non_null(d.entries[2]);
    vb_text_set_clause_words(f->text, NULL, NULL);
    d = analyze(f, "Nice staff but SLOW.");
    assert_null(d.entries);
    assert_int_equal(d.n_clauses, 1);
}

static int term_calls;

/* Ids for two stems: "deliveri" 1, "," 2. */
static uint32_t term_id(const char *stem, size_t len, const void *ctx)
{
    (void)ctx;
    term_calls++;
    if (len == 8 && memcmp(stem, "deliveri", 8) == 0)
        return 1;
    return len == 1 && stem[0] == ',' ? 2 : 0;
}

static void test_term_words(void **state)
{
    fixture *f = *state;
    static const int ctx = 0;
    term_calls = 0;
    vb_text_set_term_words(f->text, term_id, &ctx);
    vb_doc d = analyze(f, "Delivery, deliveries and delivery");
    assert_non_null(d.terms);
    assert_ptr_equal(d.term_lexicon, term_id);
    assert_ptr_equal(d.term_ctx, &ctx);
    assert_int_equal(d.n_tokens, 5);
    const uint32_t want[] = {1, 2, 1, 0, 1};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(d.terms[i], want[i]);
    /* Asked once per distinct token (by its bytes), every kind included. */
    assert_int_equal(term_calls, 5);
    d = analyze(f, "delivery, Delivery");
    assert_int_equal(term_calls, 5);
    assert_int_equal(d.terms[0], 1);
    assert_int_equal(d.terms[1], 2);
    vb_text_set_term_words(f->text, NULL, NULL);
    d = analyze(f, "delivery");
    assert_null(d.terms);
}

static void test_token_fields(void **state)
{
    fixture *f = *state;
    vb_doc d = analyze(f, "The deliveries were SOOOO goooood \xF0\x9F\x91\x8D running");
    assert_int_equal(d.n_tokens, 7);
    assert_true(d.tokens[0].flags & VB_TOKEN_STOPWORD);
    assert_string_equal(d.tokens[1].stem, "deliveri");
    assert_false(d.tokens[1].flags & VB_TOKEN_STOPWORD);
    assert_true(d.tokens[2].flags & VB_TOKEN_STOPWORD);
    assert_string_equal(d.tokens[3].norm, "soooo");
    assert_string_equal(d.tokens[3].lookup, "soo");
    assert_int_equal(d.tokens[3].flags & (VB_TOKEN_ALLCAPS | VB_TOKEN_ELONGATED),
                     VB_TOKEN_ALLCAPS | VB_TOKEN_ELONGATED);
    assert_string_equal(d.tokens[4].lookup, "good");
    assert_string_equal(d.tokens[4].stem, "good");
    assert_int_equal(d.tokens[5].kind, VB_TOKEN_EMOJI);
    assert_ptr_equal(d.tokens[5].stem, d.tokens[5].norm); /* not stemmed */
    assert_string_equal(d.tokens[6].stem, "run");
    /* Case and apostrophe style do not matter for stopwords. */
    d = analyze(f, "I\xE2\x80\x99M HERE");
    assert_string_equal(d.tokens[0].lookup, "i'm");
    assert_true(d.tokens[0].flags & VB_TOKEN_STOPWORD);
    /* A contraction written apart is the word written together. */
    d = analyze(f, "Ca n't wo n't does n\xE2\x80\x99t");
    assert_int_equal(d.n_tokens, 3);
    assert_string_equal(d.tokens[0].lookup, "can't");
    assert_string_equal(d.tokens[1].lookup, "won't");
    assert_string_equal(d.tokens[2].lookup, "doesn't");
    assert_int_equal(d.tokens[2].end, strlen("Ca n't wo n't does n\xE2\x80\x99t"));
    /* A word in both lists (stopwords.txt, pronouns.txt) has both flags. */
    d = analyze(f, "They\xE2\x80\x99" "re it the");
    assert_int_equal(d.tokens[0].flags & (VB_TOKEN_STOPWORD | VB_TOKEN_PRONOUN),
                     VB_TOKEN_STOPWORD | VB_TOKEN_PRONOUN);
    assert_true(d.tokens[1].flags & VB_TOKEN_PRONOUN);
    assert_int_equal(d.tokens[2].flags & (VB_TOKEN_STOPWORD | VB_TOKEN_PRONOUN),
                     VB_TOKEN_STOPWORD);
}

static void test_invalid_utf8_and_nul(void **state)
{
    fixture *f = *state;
    static const char in[] = "bad\xFF" "byte\0nul\x01" "ctl";
    vb_doc d = analyze_n(f, in, sizeof in - 1);
    assert_int_equal(d.n_invalid_utf8, 1);
    assert_int_equal(d.len, sizeof in - 1 + 2); /* one byte became three */
    assert_memory_equal(d.text, "bad\xEF\xBF\xBD" "byte\0nul\x01" "ctl", d.len);
    assert_int_equal(d.n_tokens, 5); /* bad, U+FFFD, byte, nul, ctl */
    assert_int_equal(d.tokens[1].kind, VB_TOKEN_SYMBOL);
    assert_int_equal(d.tokens[1].start, 3);
    assert_int_equal(d.tokens[2].start, 6);
    assert_int_equal(d.tokens[3].start, 11);
    assert_int_equal(d.tokens[4].start, 15);
    assert_int_equal(d.n_sentences, 1);
}

static void test_long_mark_run_offsets(void **state)
{
    fixture *f = *state;
    /* "good a" + 1000 combining marks + " bad": the marks past
     * VB_NORM_MAX_MARKS leave the norm, not the offsets. */
    static char s[16 + 2 * 1000];
    size_t len = (size_t)sprintf(s, "good a");
    for (int i = 0; i < 1000; i++)
        len += (size_t)sprintf(s + len, "%s", i % 2 ? "\xCC\x96" : "\xCC\x81");
    len += (size_t)sprintf(s + len, " bad");
    vb_doc d = analyze_n(f, s, len);
    assert_int_equal(d.n_tokens, 3);
    assert_int_equal(d.tokens[1].start, 5);
    assert_int_equal(d.tokens[1].end, 5 + 1 + 2000);
    assert_true(d.tokens[1].norm_len <= 2 + 2 * VB_NORM_MAX_MARKS);
    assert_int_equal(d.tokens[2].start, 5 + 1 + 2000 + 1);
    assert_int_equal(d.tokens[2].end, len);
    assert_string_equal(d.tokens[2].norm, "bad");
}

/* Every token of `d` as text: kind, offsets, strings, flags, places. */
static void describe(const vb_doc *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n_tokens && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%d %zu %zu %s %s %s %u %u %u;", d->tokens[i].kind,
                              d->tokens[i].start, d->tokens[i].end, d->tokens[i].norm,
                              d->tokens[i].lookup, d->tokens[i].stem, d->tokens[i].flags,
                              d->tokens[i].sentence, d->tokens[i].clause);
    assert_true(o < cap);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    const char *s = "Caf\xC3\xA9 &amp; STAFF :) soooo good, but \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!";
    char first[1024], again[1024];
    vb_doc a = analyze(f, s);
    describe(&a, first, sizeof first);
    for (int round = 0; round < 3; round++) {
        vb_doc b = analyze(f, s);
        describe(&b, again, sizeof again);
        assert_string_equal(first, again);
    }
}

/* Tokens the word cache gives back have the strings of their first
 * analysis, at every key length the cache compares in its own way (up to
 * 8 bytes, up to 16, longer), for words that share their first 16 bytes,
 * and where the lookup form or the stem is the norm's own string or
 * another. */
static void test_word_cache_hits(void **state)
{
    fixture *f = *state;
    const char *s = "a ab abcdefgh abcdefghi Running runs ran soooo goooood GOOD good "
                    "internationally internationalisation internationalisations "
                    "INTERNATIONALISATIONS counterrevolutionaries counterrevolutionary "
                    "1234567890123456 12345678901234567 na\xC3\xAFvet\xC3\xA9 :) "
                    "\xF0\x9F\x91\x8D internationally runs";
    char first[4096], again[4096];
    vb_doc a = analyze(f, s);
    describe(&a, first, sizeof first);
    /* A word seen earlier in the record comes from the cache as well. */
    assert_int_equal(a.n_tokens, 24);
    assert_ptr_equal(a.tokens[22].stem, a.tokens[11].stem); /* internationally */
    assert_ptr_equal(a.tokens[23].stem, a.tokens[5].stem);  /* runs */
    assert_string_equal(a.tokens[11].stem, "intern");
    assert_string_equal(a.tokens[13].stem, "internationalis");
    assert_string_equal(a.tokens[14].stem, "internationalis");
    assert_string_equal(a.tokens[14].norm, "internationalisations");
    assert_string_equal(a.tokens[7].lookup, "soo");
    assert_string_equal(a.tokens[7].norm, "soooo");
    vb_doc b = analyze(f, s);
    describe(&b, again, sizeof again);
    assert_string_equal(first, again);
}

static void test_stream_stops_allocating(void **state)
{
    fixture *f = *state;
    static const char *const records[] = {
        "The delivery was late again, but the staff were lovely :)",
        "AMAZING service!!! Will come back \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D",
        "Parking was a nightmare. Checkout took 20 min; prices up 10%.",
        "See https://example.com/review or mail help@example.com #fail @shop",
        "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e &amp; na\xC3\xAF" "ve STRA\xC3\x9F" "E",
        "meh",
        "",
    };
    const size_t n = sizeof records / sizeof records[0];
    for (int warm = 0; warm < 2; warm++)
        for (size_t i = 0; i < n; i++)
            analyze(f, records[i]);
    const size_t before = n_allocs;
    for (int round = 0; round < 200; round++)
        for (size_t i = 0; i < n; i++)
            analyze(f, records[i]);
    assert_int_equal(n_allocs, before); /* arena and stem cache are warm */
}

static void test_non_answers(void **state)
{
    fixture *f = *state;
    /* the whole comment, give or take case, punctuation and spaces */
    const char *none[] = {"n/a", "N/A.", "NA!!", "n / a", "No comment", "no comments.",
                          "See above", "Nothing to add", "nil", "  None  ", "N.A.", "No."};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        vb_doc d = analyze(f, none[i]);
        if (!d.non_answer)
            fail_msg("\"%s\" is a non-answer", none[i]);
    }
    /* an answer, however short, or with more to it */
    const char *some[] = {"", "...", "ok", "No complaints", "Nothing to add, great service",
                          "\xF0\x9F\x91\x8D", "n/a \xF0\x9F\x91\x8D", "nil by mouth please",
                          "no comment on the food but the staff were rude"};
    for (size_t i = 0; i < sizeof some / sizeof some[0]; i++) {
        vb_doc d = analyze(f, some[i]);
        if (d.non_answer)
            fail_msg("\"%s\" is an answer", some[i]);
    }
    /* the list's phrases are no token flags */
    vb_doc d = analyze(f, "nothing else");
    assert_int_equal(d.tokens[0].flags & ~(uint32_t)VB_TOKEN_STOPWORD, 0);
}

/* A listed misspelling is read as its right spelling: lookup and stem
 * are the right word's, the token's bytes and norm stay as written. */
static void test_spellings(void **state)
{
    fixture *f = *state;
    vb_doc d = analyze(f, "Never RECIEVED it, definately. RECIEVED received payed");
    assert_string_equal(d.tokens[1].norm, "recieved");
    assert_string_equal(d.tokens[1].lookup, "received");
    assert_int_equal(d.tokens[1].end - d.tokens[1].start, strlen("RECIEVED"));
    assert_string_equal(d.tokens[4].lookup, "definitely");
    /* the second time from the word cache, and as the word spelt right */
    assert_string_equal(d.tokens[6].lookup, "received");
    assert_string_equal(d.tokens[6].stem, d.tokens[7].stem);
    /* a word in its own right is left as written */
    assert_string_equal(d.tokens[8].lookup, "payed");
    /* the right spelling's flags apply: "becuase" is the stopword "because" */
    d = analyze(f, "becuase");
    assert_true(d.tokens[0].flags & VB_TOKEN_STOPWORD);
}

/* Writes `text` to <dir>/en/spellings.tsv; returns the file's path. */
static char *write_spellings(const char *dir, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/en/spellings.tsv", dir);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
    return path;
}

static void test_lang_errors(void **state)
{
    (void)state;
    vb_error err;
    assert_null(vb_lang_load(VB_TEST_DATA_DIR, "nope", NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
    /* a spellings line is a misspelling and one right word, not the same */
    char dir[] = "/tmp/vb_test_spell_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[sizeof dir + 3];
    snprintf(sub, sizeof sub, "%s/en", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    const char *bad[] = {"# ok\nrecieved\n", "recieved received again\n", "Same\tsame\n"};
    const char *why[] = {"expected a misspelling", "expected a misspelling", "spelt as itself"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *path = write_spellings(dir, bad[i]);
        assert_null(vb_lang_load(dir, "en", NULL, &err));
        assert_int_equal(err.code, VB_EPARSE);
        assert_string_equal(err.source, path);
        assert_int_equal(err.line, i == 0 ? 2 : 1);
        assert_non_null(strstr(err.message, why[i]));
        unlink(path);
    }
    rmdir(sub);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentences),       cmocka_unit_test(test_empty),
        cmocka_unit_test(test_clauses),         cmocka_unit_test(test_clause_words),
        cmocka_unit_test(test_token_fields),    cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_deterministic),   cmocka_unit_test(test_stream_stops_allocating),
        cmocka_unit_test(test_lang_errors),     cmocka_unit_test(test_term_words),
        cmocka_unit_test(test_word_cache_hits), cmocka_unit_test(test_long_mark_run_offsets),
        cmocka_unit_test(test_non_answers),     cmocka_unit_test(test_spellings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

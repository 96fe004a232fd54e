/* test_stem.c: Snowball stems in English and German, the bounded stem
 * cache, language names and codes, stopword files. */
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

#include "stem.h"
#include "text.h"

#ifndef VB_TEST_DATA_DIR
#define VB_TEST_DATA_DIR "lexicons"
#endif

#include "test_arena.h"

static const char *stem_of(vb_stemmer *s, const char *word)
{
    const char *out;
    size_t out_len;
    uint32_t flags = 0;
    assert_int_equal(vb_stemmer_stem(s, &arena, word, strlen(word), &out, &out_len, &flags),
                     VB_OK);
    assert_int_equal(strlen(out), out_len);
    return out;
}

static void test_english(void **state)
{
    (void)state;
    vb_stemmer *s = vb_stemmer_new("english", NULL);
    assert_non_null(s);
    assert_string_equal(stem_of(s, "delivered"), "deliv");
    assert_string_equal(stem_of(s, "delivering"), "deliv");
    /* Snowball's English stemmer keeps the y->i of "deliveries" and
     * "delivery": both become "deliveri", not "deliv". */
    assert_string_equal(stem_of(s, "deliveries"), "deliveri");
    assert_string_equal(stem_of(s, "delivery"), "deliveri");
    assert_string_equal(stem_of(s, "running"), "run");
    assert_string_equal(stem_of(s, "runs"), "run");
    assert_string_equal(stem_of(s, "customer's"), "custom");
    const char *word = "run";
    assert_ptr_equal(stem_of(s, word), word); /* unchanged: no copy */
    vb_stemmer_free(s);
}

static void test_german_and_french(void **state)
{
    (void)state;
    vb_stemmer *de = vb_stemmer_new("german", NULL);
    assert_non_null(de);
    assert_string_equal(stem_of(de, "lieferung"), "liefer");
    assert_string_equal(stem_of(de, "lieferungen"), "liefer");
    assert_string_equal(stem_of(de, "h\xC3\xA4user"), "haus");
    vb_stemmer_free(de);
    vb_stemmer *fr = vb_stemmer_new("french", NULL);
    assert_non_null(fr);
    assert_string_equal(stem_of(fr, "livraisons"), "livraison");
    assert_string_equal(stem_of(fr, "rapidement"), "rapid");
    vb_stemmer_free(fr);
    assert_null(vb_stemmer_new("klingon", NULL));
}

static void test_cache(void **state)
{
    (void)state;
    vb_stemmer *s = vb_stemmer_new("english", NULL);
    const char *a = stem_of(s, "deliveries");
    const char *b = stem_of(s, "deliveries");
    assert_string_equal(a, b);
    assert_int_equal(vb_stemmer_misses(s), 1); /* stemmed once */
    assert_int_equal(vb_stemmer_cache_entries(s), 1);
    /* Many distinct words: the table grows and every word still hits. */
    enum { N = 5000 };
    static const char *first[N];
    char w[32];
    for (int i = 0; i < N; i++) {
        snprintf(w, sizeof w, "walk%dings", i);
        first[i] = stem_of(s, w);
    }
    assert_string_equal(first[7], "walk7");
    const size_t misses = vb_stemmer_misses(s);
    assert_int_equal(misses, 1 + N);
    for (int i = 0; i < N; i++) {
        snprintf(w, sizeof w, "walk%dings", i);
        assert_string_equal(stem_of(s, w), first[i]);
    }
    assert_int_equal(vb_stemmer_misses(s), misses);
    vb_stemmer_free(s);
}

static uint32_t flag_the(const char *w, size_t len, void *ctx)
{
    (*(int *)ctx)++;
    return len == 3 && memcmp(w, "the", 3) == 0 ? VB_TOKEN_STOPWORD : 0;
}

static void test_cached_flags(void **state)
{
    (void)state;
    vb_stemmer *s = vb_stemmer_new("english", NULL);
    int calls = 0;
    vb_stemmer_set_flags_fn(s, flag_the, &calls);
    for (int i = 0; i < 3; i++) {
        const char *out;
        size_t out_len;
        uint32_t flags = 0;
        assert_int_equal(vb_stemmer_stem(s, &arena, "the", 3, &out, &out_len, &flags), VB_OK);
        assert_int_equal(flags, VB_TOKEN_STOPWORD);
        flags = 0;
        assert_int_equal(vb_stemmer_stem(s, &arena, "cats", 4, &out, &out_len, &flags), VB_OK);
        assert_int_equal(flags, 0);
        assert_string_equal(out, "cat");
    }
    assert_int_equal(calls, 2); /* once per distinct word */
    vb_stemmer_free(s);
}

static void test_cache_is_bounded(void **state)
{
    (void)state;
    vb_stemmer *s = vb_stemmer_new("english", NULL);
    vb_stemmer_set_max_entries(s, 100);
    char w[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(w, sizeof w, "jumping%d", i);
        snprintf(w + 16, 16, "jumping%d", i);
        assert_string_equal(stem_of(s, w), w + 16);
        assert_true(vb_stemmer_cache_entries(s) <= 100);
    }
    /* Still correct after clearing, and still caching. */
    assert_string_equal(stem_of(s, "deliveries"), "deliveri");
    const size_t misses = vb_stemmer_misses(s);
    assert_string_equal(stem_of(s, "deliveries"), "deliveri");
    assert_int_equal(vb_stemmer_misses(s), misses);
    vb_stemmer_free(s);
}

static void test_languages(void **state)
{
    (void)state;
    const char **names = vb_languages();
    assert_non_null(names);
    size_t n = 0;
    for (; names[n] != NULL; n++) {
        vb_error err;
        vb_lang *l = vb_lang_load(NULL, names[n], NULL, &err); /* every algorithm loads */
        assert_non_null(l);
        assert_string_equal(vb_lang_stemmer_name(l), names[n]);
        vb_lang_free(l);
    }
    assert_true(n >= 15);
    const char *pairs[][2] = {{"en", "english"}, {"de", "german"}, {"FR", "french"},
                              {"es", "spanish"}, {"nl", "dutch"},  {"sv", "swedish"},
                              {"ru", "russian"}, {"German", "german"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        vb_error err;
        vb_lang *l = vb_lang_load(NULL, pairs[i][0], NULL, &err);
        assert_non_null(l);
        assert_string_equal(vb_lang_stemmer_name(l), pairs[i][1]);
        vb_lang_free(l);
    }
    vb_error err;
    vb_lang *l = vb_lang_load(NULL, "english", NULL, &err);
    assert_string_equal(vb_lang_code(l), "en");
    vb_lang_free(l);
    l = vb_lang_load(NULL, "porter", NULL, &err);
    assert_string_equal(vb_lang_code(l), "en"); /* reads the English data */
    vb_lang_free(l);
}

static void test_unknown_language(void **state)
{
    (void)state;
    vb_error err;
    memset(&err, 0, sizeof err);
    assert_null(vb_lang_load(VB_TEST_DATA_DIR, "klingon", NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_non_null(strstr(err.message, "klingon"));
    assert_non_null(strstr(err.message, "english"));
    assert_non_null(strstr(err.message, "german"));
    assert_null(vb_lang_load(NULL, "xx", NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
}

static void test_stopwords(void **state)
{
    (void)state;
    /* language, a stopword, a word that is none, a non-answer's key */
    const char *langs[][4] = {{"en", "the", "delivery", "nocomment"},
                              {"de", "und", "lieferung", "keineangabe"},
                              {"fr", "avec", "livraison", "rien"},
                              {"es", "para", "entrega", "nada"}};
    for (size_t i = 0; i < 4; i++) {
        vb_error err;
        vb_lang *l = vb_lang_load(VB_TEST_DATA_DIR, langs[i][0], NULL, &err);
        assert_non_null(l);
        assert_true(vb_lang_is_stopword(l, langs[i][1], strlen(langs[i][1])));
        assert_false(vb_lang_is_stopword(l, langs[i][2], strlen(langs[i][2])));
        assert_true(vb_lang_is_non_answer(l, langs[i][3], strlen(langs[i][3])));
        vb_lang_free(l);
    }
    vb_error err;
    vb_lang *l = vb_lang_load(VB_TEST_DATA_DIR, "en", NULL, &err);
    assert_true(vb_lang_is_stopword(l, "i'm", 3));
    assert_false(vb_lang_is_stopword(l, "not", 3)); /* negations are kept out */
    assert_false(vb_lang_is_stopword(l, "but", 3));
    vb_lang_free(l);
    /* A language without a list is fine. */
    l = vb_lang_load(VB_TEST_DATA_DIR, "finnish", NULL, &err);
    assert_non_null(l);
    assert_false(vb_lang_is_stopword(l, "ja", 2));
    vb_lang_free(l);
}

/* Writes <dir>/en/<file> with `content`; returns dir. */
static const char *make_list(char *dir, const char *file, const char *content)
{
    strcpy(dir, "/tmp/vb_test_stem_XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/en", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/en/%s", dir, file);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return dir;
}

static void remove_list(const char *dir, const char *file)
{
    char path[256];
    snprintf(path, sizeof path, "%s/en/%s", dir, file);
    unlink(path);
    snprintf(path, sizeof path, "%s/en", dir);
    rmdir(path);
    rmdir(dir);
}

/* Loading a data directory whose <file> holds `content` fails at `line`
 * of that file with a message containing `message`. */
static void expect_list_error(const char *file, const char *content, size_t line,
                              const char *message)
{
    char dir[64], source[64];
    vb_error err;
    memset(&err, 0, sizeof err);
    make_list(dir, file, content);
    assert_null(vb_lang_load(dir, "en", NULL, &err));
    assert_int_equal(err.code, VB_EPARSE);
    assert_int_equal(err.line, line);
    snprintf(source, sizeof source, "en/%s", file);
    assert_non_null(strstr(err.source, source));
    assert_non_null(strstr(err.message, message));
    remove_list(dir, file);
}

static void test_stopword_file_format(void **state)
{
    (void)state;
    char dir[64];
    vb_error err;
    make_list(dir, "stopwords.txt",
              "# header\n\n  The  \nDON\xE2\x80\x99T # trailing comment\r\nSTRA\xC3\x9F"
              "E\n");
    vb_lang *l = vb_lang_load(dir, "english", NULL, &err);
    assert_non_null(l);
    assert_true(vb_lang_is_stopword(l, "the", 3));
    assert_true(vb_lang_is_stopword(l, "don't", 5)); /* normalised like tokens */
    assert_true(vb_lang_is_stopword(l, "strasse", 7));
    vb_lang_free(l);
    remove_list(dir, "stopwords.txt");

    expect_list_error("stopwords.txt", "# header\nok\ntwo words\n", 3, "one word");
    expect_list_error("stopwords.txt", "ok\nbad\xFFutf8\n", 2, "invalid UTF-8");
}

static void test_non_answer_file_format(void **state)
{
    (void)state;
    char dir[64];
    vb_error err;
    make_list(dir, "non_answers.txt", "# header\nN/A\nno   comment # a phrase\nnothing\n");
    vb_lang *l = vb_lang_load(dir, "english", NULL, &err);
    assert_non_null(l);
    assert_true(vb_lang_is_non_answer(l, "na", 2));
    assert_true(vb_lang_is_non_answer(l, "nocomment", 9));
    assert_false(vb_lang_is_non_answer(l, "no", 2));
    /* a phrase is no stopword, and a word of the list no token flag */
    assert_int_equal(vb_lang_word_flags(l, "nothing", 7), 0);
    vb_lang_free(l);
    remove_list(dir, "non_answers.txt");

    expect_list_error("non_answers.txt", "n/a\n- -\n", 2, "no letter or digit");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english),         cmocka_unit_test(test_german_and_french),
        cmocka_unit_test(test_cache),           cmocka_unit_test(test_cache_is_bounded),
        cmocka_unit_test(test_cached_flags),
        cmocka_unit_test(test_languages),       cmocka_unit_test(test_unknown_language),
        cmocka_unit_test(test_stopwords),       cmocka_unit_test(test_stopword_file_format),
        cmocka_unit_test(test_non_answer_file_format),
    };
    return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}

/* test_lexicon.c: loading, validating and looking up sentiment lexicons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lexicon.h"
#include "rule_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EN VB_TEST_DATA_DIR "/en"

static char *write_tmp(const char *content)
{
    static int n;
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/vb_test_lex_%d_%d.tsv", (int)getpid(), n++);
    FILE *f = fopen(path, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

static void test_shipped_lexicons_load_and_validate(void **state)
{
    (void)state;
    vb_error err = {0};
    vb_senti_lex *lex = vb_senti_lex_load(EN, NULL, 0, NULL, &err);
    assert_non_null(lex);
    assert_true(vb_senti_lex_size(lex) > 7000);
    const vb_senti_entry *e = vb_senti_lex_get(lex, "good", 4);
    assert_non_null(e);
    assert_true(e->flags & VB_LEX_VALENCE);
    assert_float_equal(e->valence, 1.9, 1e-6);
    e = vb_senti_lex_get(lex, "very", 4);
    assert_true(e->flags & VB_LEX_BOOSTER);
    assert_float_equal(e->boost, 0.293, 1e-6);
    e = vb_senti_lex_get(lex, "no", 2); /* both a valence word and a negator */
    assert_true((e->flags & VB_LEX_NEGATOR) && (e->flags & VB_LEX_VALENCE));
    e = vb_senti_lex_get(lex, "no problem", 10); /* CX overlay phrase */
    assert_true((e->flags & VB_LEX_CX) && (e->flags & VB_LEX_PHRASE) && e->valence > 0);
    assert_true(vb_senti_lex_get(lex, "no", 2)->max_words >= 2);
    assert_true(vb_senti_lex_get(lex, "no", 2)->next_bytes >> ('p' & 63) & 1); /* "no problem" */
    e = vb_senti_lex_get(lex, "problem", 7); /* every second word has an entry */
    assert_true(vb_senti_lex_get(lex, "no", 2)->next_words >> (e->hash & 63) & 1);
    e = vb_senti_lex_get(lex, "fit", 3); /* the overlay wins over VADER's 1.5 */
    assert_float_equal(e->valence, 0.0, 1e-6);
    assert_non_null(vb_senti_lex_get(lex, "\xF0\x9F\x91\x8D", 4)); /* thumbs up */
    assert_non_null(vb_senti_lex_get(lex, ":)", 2));
    assert_null(vb_senti_lex_get(lex, "zzzz", 4));
    vb_senti_lex_free(lex);
}

static void test_every_contrast_word_starts_a_clause(void **state)
{
    (void)state;
    vb_senti_lex *lex = vb_senti_lex_load(EN, NULL, 0, NULL, NULL);
    static const char *const words[] = {"but", "however", "although", "though", "except", "yet"};
    bool contrast = false;
    for (size_t i = 0; i < 6; i++) {
        const void *e = vb_senti_lex_is_contrast(words[i], strlen(words[i]), lex, &contrast);
        assert_true(contrast);
        assert_ptr_equal(e, vb_senti_lex_get(lex, words[i], strlen(words[i])));
    }
    /* "and" is in no file: no entry, or only the unlisted one it has as
     * the second word of "above and beyond" */
    const vb_senti_entry *and_ = vb_senti_lex_is_contrast("and", 3, lex, &contrast);
    assert_true(and_ == NULL || and_->flags == VB_LEX_UNLISTED);
    assert_false(contrast);
    assert_non_null(vb_senti_lex_is_contrast("good", 4, lex, &contrast));
    assert_false(contrast);
    const vb_senti_entry *but = vb_senti_lex_get(lex, "but", 3);
    assert_float_equal(but->before, 0.5, 1e-6);
    assert_float_equal(but->after, 1.5, 1e-6);
    vb_senti_lex_free(lex);
}

static void test_user_files_override_in_order(void **state)
{
    (void)state;
    char *a = write_tmp("# mine\nrefund\t1.0\nqueue jump\t-2\n[booster]\nproper\t0.3\n");
    char *b = write_tmp("refund\t-3\n");
    const char *files[] = {a, b};
    vb_error err = {0};
    vb_senti_lex *lex = vb_senti_lex_load(EN, files, 2, NULL, &err);
    assert_non_null(lex);
    const vb_senti_entry *e = vb_senti_lex_get(lex, "refund", 6);
    assert_float_equal(e->valence, -3.0, 1e-6); /* later file wins */
    assert_true(e->flags & VB_LEX_USER);
    assert_false(e->flags & VB_LEX_CX);
    assert_true(vb_senti_lex_get(lex, "queue jump", 10)->flags & VB_LEX_PHRASE);
    assert_true(vb_senti_lex_get(lex, "proper", 6)->flags & VB_LEX_BOOSTER);
    vb_senti_lex_free(lex);
    unlink(a);
    unlink(b);
    free(a);
    free(b);
}

static void test_words_in_nt_are_marked(void **state)
{
    (void)state;
    vb_senti_lex *lex = vb_senti_lex_load(EN, NULL, 0, NULL, NULL);
    bool contrast = true;
    const vb_senti_entry *e = vb_senti_lex_is_contrast("usedn't", 7, lex, &contrast);
    assert_non_null(e); /* in no file: the shared entry */
    assert_true(e->ends_nt && e->flags == VB_LEX_UNLISTED && e->word == RW_NONE);
    assert_false(contrast);
    assert_true(vb_senti_lex_get(lex, "couldn't", 8)->ends_nt);
    assert_false(vb_senti_lex_get(lex, "never", 5)->ends_nt);
    assert_null(vb_senti_lex_is_contrast("zzzz", 4, lex, &contrast));
    vb_senti_lex_free(lex);
}

static void test_hyphenated_word_takes_the_entry_of_another_form(void **state)
{
    (void)state;
    char *path = write_tmp("zorbly\t1.5\nflim flam\t-2\nresent\t-0.7\nflim-x\t1\n"
                           "glimly\t-1.2\n[booster]\nzuper\t0.3\n");
    const char *files[] = {path};
    vb_senti_lex *lex = vb_senti_lex_load(EN, files, 1, NULL, NULL);
    assert_non_null(lex);
    bool contrast = true;
    assert_ptr_equal(vb_senti_lex_is_contrast("zor-bly", 7, lex, &contrast),
                     vb_senti_lex_get(lex, "zorbly", 6));
    assert_false(contrast);
    assert_ptr_equal(vb_senti_lex_is_contrast("flim-flam", 9, lex, &contrast),
                     vb_senti_lex_get(lex, "flim flam", 9));
    /* its own entry first */
    assert_ptr_equal(vb_senti_lex_is_contrast("flim-x", 6, lex, &contrast),
                     vb_senti_lex_get(lex, "flim-x", 6));
    assert_null(vb_senti_lex_is_contrast("re-sent", 7, lex, &contrast));
    /* a dash, a hyphen at an end, and "flim" alone, which only starts a phrase */
    assert_null(vb_senti_lex_is_contrast("flim--flam", 10, lex, &contrast));
    assert_null(vb_senti_lex_is_contrast("-zorbly", 7, lex, &contrast));
    assert_null(vb_senti_lex_is_contrast("zorbly-", 7, lex, &contrast));
    assert_null(vb_senti_lex_is_contrast("fl-im", 5, lex, &contrast));
    /* else the part that judges: an adverb of manner, or a word after a booster */
    const vb_senti_entry *zorbly = vb_senti_lex_get(lex, "zorbly", 6);
    assert_ptr_equal(vb_senti_lex_is_contrast("glimly-sewn", 11, lex, &contrast),
                     vb_senti_lex_get(lex, "glimly", 6));
    assert_ptr_equal(vb_senti_lex_is_contrast("zuper-zorbly", 12, lex, &contrast), zorbly);
    assert_null(vb_senti_lex_is_contrast("blob-zorbly", 11, lex, &contrast));
    assert_null(vb_senti_lex_is_contrast("blob-glimly", 11, lex, &contrast));
    assert_null(vb_senti_lex_is_contrast("zuper-zorbly-x", 14, lex, &contrast));
    vb_senti_lex_free(lex);
    unlink(path);
    free(path);
}

static void test_rule_words_get_ids(void **state)
{
    (void)state;
    vb_senti_lex *lex = vb_senti_lex_load(EN, NULL, 0, NULL, NULL);
    const size_t n_terms = vb_senti_lex_size(lex);
    const vb_senti_entry *e = vb_senti_lex_get(lex, "never", 5); /* a negator */
    assert_int_equal(e->word, RW_NEVER);
    assert_true(e->flags & VB_LEX_NEGATOR);
    assert_false(e->flags & VB_LEX_UNLISTED);
    e = vb_senti_lex_get(lex, "been", 4); /* in no file */
    assert_int_equal(e->word, RW_BEEN);
    assert_int_equal(e->flags, VB_LEX_UNLISTED);
    assert_ptr_equal(e, vb_senti_lex_get(lex, "been", 4));
    assert_int_equal(vb_senti_lex_get(lex, "good", 4)->word, RW_NONE);
    vb_senti_lex_free(lex);
    /* A user file that lists a rule word makes it an ordinary entry. */
    char *path = write_tmp("been\t1.5\n");
    const char *files[] = {path};
    lex = vb_senti_lex_load(EN, files, 1, NULL, NULL);
    e = vb_senti_lex_get(lex, "been", 4);
    assert_int_equal(e->word, RW_BEEN);
    assert_int_equal(e->flags, VB_LEX_VALENCE | VB_LEX_USER);
    assert_int_equal(vb_senti_lex_size(lex), n_terms + 1);
    vb_senti_lex_free(lex);
    unlink(path);
    free(path);
}

/* A word a rule scores ("skip", "minutes") is a candidate even where no
 * file lists it: the loader gives it a neutral valence, not counted as a
 * term loaded. A file that lists it still decides. */
static void test_rule_scored_words_get_neutral_entries(void **state)
{
    (void)state;
    char dir[] = "/tmp/vb_test_nolex_XXXXXX";
    assert_non_null(mkdtemp(dir));
    vb_senti_lex *lex = vb_senti_lex_load(dir, NULL, 0, NULL, NULL);
    assert_non_null(lex);
    assert_int_equal(vb_senti_lex_size(lex), 0);
    const vb_senti_entry *e = vb_senti_lex_get(lex, "minutes", 7);
    assert_int_equal(e->word, RW_MINUTES);
    assert_int_equal(e->flags, VB_LEX_VALENCE);
    assert_float_equal(e->valence, 0.0, 0.0);
    assert_int_equal(vb_senti_lex_get(lex, "skip", 4)->flags, VB_LEX_VALENCE);
    assert_int_equal(vb_senti_lex_get(lex, "been", 4)->flags, VB_LEX_UNLISTED);
    vb_senti_lex_free(lex);
    rmdir(dir);

    /* the first word of a phrase has no role of its own: it gets one too */
    char *path = write_tmp("skip\t-2\nhours on end\t-1.5\n");
    const char *files[] = {path};
    lex = vb_senti_lex_load(EN, files, 1, NULL, NULL);
    e = vb_senti_lex_get(lex, "skip", 4);
    assert_int_equal(e->flags, VB_LEX_VALENCE | VB_LEX_USER);
    assert_float_equal(e->valence, -2.0, 1e-6);
    e = vb_senti_lex_get(lex, "hours", 5);
    assert_int_equal(e->flags, VB_LEX_VALENCE);
    assert_int_equal(e->max_words, 3);
    vb_senti_lex_free(lex);
    unlink(path);
    free(path);
}

static void expect_bad(const char *content, size_t line, const char *needle)
{
    char *path = write_tmp(content);
    const char *files[] = {path};
    vb_error err = {0};
    vb_senti_lex *lex = vb_senti_lex_load(EN, files, 1, NULL, &err);
    assert_null(lex);
    assert_int_equal(err.code, VB_EPARSE);
    assert_string_equal(err.source, path);
    assert_int_equal(err.line, line);
    if (strstr(err.message, needle) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, needle);
    unlink(path);
    free(path);
}

static void test_bad_lines_report_file_line_and_reason(void **state)
{
    (void)state;
    expect_bad("good\t2\nbad\n", 2, "TERM<TAB>VALENCE");
    expect_bad("# c\n\nawful\tvery\n", 3, "not a number");
    expect_bad("awful\t-9\n", 1, "outside -4..4");
    expect_bad("[colours]\nred\t1\n", 1, "unknown section");
    expect_bad("two  spaces\t1\n", 1, "double space");
    expect_bad("[contrast]\nbut\t0.5\n", 2, "BEFORE");
    expect_bad("[contrast]\nuntil\t-0.5\t-1\n", 2, "outside 0..4"); /* only BEFORE turns */
    expect_bad("[contrast]\nuntil\t-5\t1\n", 2, "outside -4..4");
    expect_bad("[negator]\nnah\t1\n", 2, "TERM alone");
    expect_bad("ok\t1\n\xff\xfe\t1\n", 2, "UTF-8");
}

static void test_missing_user_file_is_an_io_error(void **state)
{
    (void)state;
    const char *files[] = {"/nonexistent/x.tsv"};
    vb_error err = {0};
    assert_null(vb_senti_lex_load(EN, files, 1, NULL, &err));
    assert_int_equal(err.code, VB_EIO);
    assert_string_equal(err.source, "/nonexistent/x.tsv");
}

/* Fails the Nth allocation; counts live blocks to catch leaks. */
static size_t fail_at, n_calls, live;
static void *f_malloc(size_t n, void *ctx)
{
    (void)ctx;
    if (n_calls++ == fail_at)
        return NULL;
    live++;
    return malloc(n);
}
static void *f_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    if (n_calls++ == fail_at)
        return NULL;
    if (p == NULL)
        live++;
    return realloc(p, n);
}
static void f_free(void *p, void *ctx)
{
    (void)ctx;
    live--;
    free(p);
}

static void test_load_survives_every_oom(void **state)
{
    (void)state;
    char *path = write_tmp("great\t3\nnot bad at all\t2\n");
    const char *files[] = {path};
    /* A small language folder keeps the loop short: only the user file. */
    vb_allocator a = {f_malloc, f_realloc, f_free, NULL};
    for (fail_at = 0;; fail_at++) {
        n_calls = live = 0;
        vb_error err = {0};
        vb_senti_lex *lex = vb_senti_lex_load("/nonexistent-lang", files, 1, &a, &err);
        if (lex != NULL) {
            assert_non_null(vb_senti_lex_get(lex, "not bad at all", 14));
            vb_senti_lex_free(lex);
            assert_int_equal(live, 0);
            break;
        }
        assert_int_equal(err.code, VB_ENOMEM);
        assert_int_equal(live, 0);
    }
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_lexicons_load_and_validate),
        cmocka_unit_test(test_every_contrast_word_starts_a_clause),
        cmocka_unit_test(test_user_files_override_in_order),
        cmocka_unit_test(test_rule_words_get_ids),
        cmocka_unit_test(test_rule_scored_words_get_neutral_entries),
        cmocka_unit_test(test_words_in_nt_are_marked),
        cmocka_unit_test(test_hyphenated_word_takes_the_entry_of_another_form),
        cmocka_unit_test(test_bad_lines_report_file_line_and_reason),
        cmocka_unit_test(test_missing_user_file_is_an_io_error),
        cmocka_unit_test(test_load_survives_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

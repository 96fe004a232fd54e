/* test_taxonomy.c: reading and checking taxonomies: every problem with its
 * JSON path, the default-taxonomy rules of vb_lexicon_load(), the public
 * introspection calls, and allocation failure at every point of loading. */
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
#include <sys/stat.h>
#include <unistd.h>

#define FIX VB_TEST_FIXTURES "/themes/"

/* Problems collected as "PATH: MESSAGE" lines. */
typedef struct collected {
    char text[8192];
    size_t n;
} collected;

static void collect(const char *json_path, const char *message, void *ctx)
{
    collected *c = ctx;
    size_t used = strlen(c->text);
    snprintf(c->text + used, sizeof c->text - used, "%s: %s\n", json_path, message);
    c->n++;
}

static size_t check(const char *path, const char *language, collected *c,
                    vb_taxonomy_counts *counts)
{
    memset(c, 0, sizeof *c);
    vb_options o;
    vb_options_init(&o);
    o.language = language;
    vb_error err = {0};
    size_t n = vb_taxonomy_check(path, &o, collect, c, counts, &err);
    if (n != SIZE_MAX)
        assert_int_equal(n, c->n);
    return n;
}

/* Writes `json` to a new temporary file; the caller removes it. */
static char *write_tmp(const char *json)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/vb_test_taxonomy_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(json, f);
    fclose(f);
    return path;
}

static size_t check_text(const char *json, collected *c)
{
    char *path = write_tmp(json);
    size_t n = check(path, NULL, c, NULL);
    remove(path);
    return n;
}

static void test_good_taxonomy_has_no_problems(void **state)
{
    (void)state;
    collected c;
    vb_taxonomy_counts counts;
    assert_int_equal(check(FIX "retail.json", NULL, &c, &counts), 0);
    assert_int_equal(counts.n_themes, 6);
    assert_int_equal(counts.n_top_level, 4);
    assert_int_equal(counts.n_regex, 1);
}

static void test_every_problem_is_reported_with_its_path(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check(FIX "bad.json", NULL, &c, NULL), 19);
    assert_string_equal(
        c.text,
        "$.colour: unknown key\n"
        "$.themes[0].lable: unknown key (did you mean \"label\"?)\n"
        "$.themes[2]: empty theme: no match, match_alone, answer, regex or children\n"
        "$.themes[4].label: expected a string, got a number\n"
        "$.themes[4].match: expected an array of strings, got a string\n"
        "$.themes[4].children[0].match[0]: expected a string, got a number\n"
        "$.themes[4].children[0].match[1]: empty term\n"
        "$.themes[5].match[0]: bad NEAR: write A NEAR/k B with k from 1 to 50\n"
        "$.themes[5].match[1]: bad NEAR: a term is needed on each side\n"
        "$.themes[5].match[2]: bad NEAR: only one NEAR or PRE per term\n"
        "$.themes[5].match[3]: bad NEAR: write A NEAR/k B with k from 1 to 50\n"
        "$.themes[5].match[4]: bad PRE: write A PRE/k B with k from 1 to 50\n"
        "$.themes[5].match[5]: bad PRE: only one NEAR or PRE per term\n"
        "$.themes[6].match[0]: unbalanced quotes\n"
        "$.themes[6].match[1]: a prefix is one word followed by * (e.g. parcel*)\n"
        "$.themes[6]: missing \"id\"\n"
        "$.themes[1].id: duplicate id \"delivery\" (first at $.themes[0])\n"
        "$.themes[3].regex[0]: bad regex at offset 12: missing closing parenthesis\n"
        "$.themes[6].match[2]: no words in \"!!!\"\n");
}

static void test_json_syntax_error_has_line_and_column(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check(FIX "not_json.json", NULL, &c, NULL), 1);
    assert_string_equal(c.text, "$: not valid JSON (line 3, column 14)\n");
    assert_int_equal(check_text("", &c), 1);
    assert_string_equal(c.text, "$: empty file: expected a JSON object\n");
    assert_int_equal(check_text("[1]", &c), 1);
    assert_string_equal(c.text, "$: expected an object with \"themes\", got an array\n");
    assert_int_equal(check_text("{\"themes\": {}} trailing", &c), 1);
}

static void test_structure_problems(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check_text("{\"name\": \"x\"}", &c), 1);
    assert_string_equal(c.text, "$: missing \"themes\"\n");
    assert_int_equal(check_text("{\"themes\": []}", &c), 1);
    assert_string_equal(c.text, "$.themes: no themes\n");
    assert_int_equal(check_text("{\"themes\": [\"delivery\"]}", &c), 1);
    assert_string_equal(c.text, "$.themes[0]: expected an object (a theme), got a string\n");
    assert_int_equal(check_text("{\"themes\": [{\"id\": \"a b\", \"match\": [\"x\"], "
                                "\"match\": [\"y\"]}]}",
                                &c),
                     2);
    assert_string_equal(c.text, "$.themes[0].id: an id cannot contain spaces or control "
                                "characters\n$.themes[0].match: duplicate key\n");
    /* x- keys are ignored anywhere; an odd key is quoted in the path. */
    assert_int_equal(check_text("{\"x-a\": 1, \"themes\": [{\"id\": \"a\", \"x-count\": 3, "
                                "\"match\": [\"x\"], \"my key\": 1}]}",
                                &c),
                     1);
    assert_string_equal(c.text, "$.themes[0][\"my key\"]: unknown key\n");
}

/* Indices of several digits, as in a long term list, are written whole. */
static void test_paths_of_long_lists(void **state)
{
    (void)state;
    char json[4096] = "{\"themes\": [";
    for (int i = 0; i < 12; i++)
        snprintf(json + strlen(json), sizeof json - strlen(json),
                 "{\"id\": \"t%d\", \"match\": [\"w\"]}, ", i);
    strcat(json, "{\"id\": \"long\", \"match\": [");
    for (int i = 0; i < 105; i++)
        snprintf(json + strlen(json), sizeof json - strlen(json), "\"w%d\", ", i);
    strcat(json, "\"\\\"odd\"]}]}");
    collected c;
    assert_int_equal(check_text(json, &c), 1);
    assert_string_equal(c.text, "$.themes[12].match[105]: unbalanced quotes\n");
}

static void test_nesting_is_limited(void **state)
{
    (void)state;
    char json[2048] = "{\"themes\": [";
    for (int i = 0; i < 9; i++)
        snprintf(json + strlen(json), sizeof json - strlen(json),
                 "{\"id\": \"t%d\", \"match\": [\"w\"], \"children\": [", i);
    strcat(json, "{\"id\": \"leaf\", \"match\": [\"w\"]}");
    for (int i = 0; i < 9; i++)
        strcat(json, "]}");
    strcat(json, "]}");
    collected c;
    assert_int_equal(check_text(json, &c), 1);
    assert_non_null(strstr(c.text, ": themes nested more than 8 levels deep\n"));
}

static void test_term_syntax(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check_text("{\"themes\": [{\"id\": \"a\", \"match\": [\"\\\"free *\\\"\", "
                                "\"\\\"\\\"\", \"late. very\", \"wait NEAR/3 \\\"the box\\\"\", "
                                "\"near the shop\", \"park*\", \"WAIT NEAR delivery\"]}]}",
                                &c),
                     4);
    assert_string_equal(c.text,
                        "$.themes[0].match[0]: a prefix (word*) cannot be inside quotes\n"
                        "$.themes[0].match[1]: empty phrase\n"
                        "$.themes[0].match[6]: bad NEAR: write A NEAR/k B with k from 1 to 50\n"
                        "$.themes[0].match[2]: a phrase cannot span sentences\n");
}

static void test_near_set_syntax(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check_text("{\"themes\": [{\"id\": \"a\", \"match\": ["
                                "\"(a|b) NEAR/2 (c|\\\"d|e\\\"|=f|g*)\", \"(a|b)\", "
                                "\"(a||b) NEAR/2 c\", \"(a|b NEAR/2 c\", \"a) NEAR/2 c\", "
                                "\"((a|b)) NEAR/2 c\", \"(a|\\\"b) NEAR/2 c\", \"() NEAR/2 c\", "
                                "\"(a|b c*) NEAR/2 c\"]}]}",
                                &c),
                     8);
    assert_string_equal(
        c.text, "$.themes[0].match[1]: a set (a|b) is a NEAR operand; list its words as entries of "
                "their own\n"
                "$.themes[0].match[2]: an empty alternative in a set (write (a|b|c))\n"
                "$.themes[0].match[3]: unbalanced parentheses (a set is written (a|b|c))\n"
                "$.themes[0].match[4]: unbalanced parentheses (a set is written (a|b|c))\n"
                "$.themes[0].match[5]: a set cannot hold parentheses (write (a|b|c))\n"
                "$.themes[0].match[6]: unbalanced quotes\n"
                "$.themes[0].match[7]: an empty alternative in a set (write (a|b|c))\n"
                "$.themes[0].match[8]: a prefix is one word followed by * (e.g. parcel*)\n");
}

static void test_exact_terms_and_exclude_options(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(check(FIX "narrow.json", NULL, &c, NULL), 0);
    assert_int_equal(
        check_text("{\"themes\": [{\"id\": \"a\", \"match\": [\"=\", \"=park*\", \"=fans\", "
                   "\"=\\\"fan of\\\" NEAR/2 =quiet\"], \"exclude_regex\": [\"(x\"], "
                   "\"exclude_scope\": \"word\"}, "
                   "{\"id\": \"b\", \"exclude_regex\": [\"x\"], \"exclude_scope\": 3}]}",
                   &c),
        6);
    assert_string_equal(c.text,
                        "$.themes[0].match[0]: nothing after = (write =word or =\"a phrase\")\n"
                        "$.themes[0].match[1]: an exact term (=word) cannot be a prefix (word*)\n"
                        "$.themes[0].exclude_scope: expected \"sentence\", \"clause\" or "
                        "\"span\"\n"
                        "$.themes[1].exclude_scope: expected a string, got a number\n"
                        "$.themes[1]: empty theme: no match, match_alone, answer, regex or children\n"
                        "$.themes[0].exclude_regex[0]: bad regex at offset 2: missing closing "
                        "parenthesis\n");
}

static void test_opinion_problems(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(
        check_text("{\"themes\": [{\"id\": \"a\", \"match\": [\"x\"], \"opinion\": "
                   "{\"cheap\": \"good\", \"steep\": 5, \"a NEAR/2 b\": 1, \"park*\": 1, "
                   "\"!!!\": 1, \"=\\\"not cheap\\\"\": -1}}, "
                   "{\"id\": \"b\", \"opinion\": [\"x\"]}]}",
                   &c),
        7);
    assert_string_equal(
        c.text,
        "$.themes[0].opinion.cheap: expected a valence (a number from -4 to 4), got a string\n"
        "$.themes[0].opinion.steep: valence 5 is outside -4..4\n"
        "$.themes[0].opinion[\"a NEAR/2 b\"]: an opinion term is a word or a phrase (no NEAR or "
        "PRE, no prefix)\n"
        "$.themes[0].opinion[\"park*\"]: an opinion term is a word or a phrase (no NEAR or "
        "PRE, no prefix)\n"
        "$.themes[1].opinion: expected an object of terms and valences, got an array\n"
        "$.themes[1]: empty theme: no match, match_alone, answer, regex or children\n"
        "$.themes[0].opinion[\"!!!\"]: no words in \"!!!\"\n");
}

/* An answer covers its own words: a NEAR pair would leave words between
 * its sides. A theme with answers alone is not empty. */
static void test_answer_problems(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(
        check_text("{\"themes\": [{\"id\": \"a\", \"answer\": [\"slow\", \"fast*\", "
                   "\"=\\\"took ages\\\"\", \"slow NEAR/2 service\", 3]}]}",
                   &c),
        2);
    assert_string_equal(c.text,
                        "$.themes[0].answer[3]: an answer term is a word, a phrase or a prefix "
                        "(no NEAR or PRE)\n"
                        "$.themes[0].answer[4]: expected a string, got a number\n");
    assert_int_equal(check_text("{\"themes\": [{\"id\": \"a\", \"answer\": [\"slow\"]}]}", &c),
                     0);
}

static void test_language_must_agree(void **state)
{
    (void)state;
    collected c;
    char *path = write_tmp("{\"language\": \"de\", \"themes\": [{\"id\": \"a\", \"match\": "
                           "[\"Lieferung\"]}]}");
    assert_int_equal(check(path, NULL, &c, NULL), 0);       /* its own language */
    assert_int_equal(check(path, "german", &c, NULL), 0);
    assert_int_equal(check(path, "english", &c, NULL), 1);
    assert_string_equal(
        c.text, "$.language: the taxonomy is for german, the analysis language is english\n");
    remove(path);
    assert_int_equal(check_text("{\"language\": \"xx\", \"themes\": [{\"id\": \"a\", \"match\": "
                                "[\"x\"]}]}",
                                &c),
                     1);
    assert_string_equal(c.text, "$.language: unknown language\n");
}

static void test_unreadable_file_is_an_error_not_a_problem(void **state)
{
    (void)state;
    collected c;
    vb_error err;
    vb_options o;
    vb_options_init(&o);
    memset(&c, 0, sizeof c);
    assert_int_equal(vb_taxonomy_check("/nonexistent/t.json", &o, collect, &c, NULL, &err),
                     SIZE_MAX);
    assert_int_equal(err.code, VB_EIO);
    assert_string_equal(err.source, "/nonexistent/t.json");
    assert_int_equal(c.n, 0);
}

/* "-" names stdin (vb_options.source_name), which the library never
 * reads: a taxonomy loaded from it would take the records a caller reads
 * from there next. Refused, for a check and for a load, before anything
 * is read. */
static void test_stdin_is_not_a_taxonomy(void **state)
{
    (void)state;
    collected c;
    vb_error err;
    vb_options o;
    vb_options_init(&o);
    memset(&c, 0, sizeof c);
    assert_int_equal(vb_taxonomy_check("-", &o, collect, &c, NULL, &err), SIZE_MAX);
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.source, "-");
    assert_non_null(strstr(err.message, "stdin"));
    assert_int_equal(c.n, 0);
    o.taxonomy = "-";
    assert_null(vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.source, "-");
}

/* A data directory with en/ (empty) and, if `cx` is not NULL, themes/cx.json. */
static char *make_data_dir(const char *cx)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/vb_test_data_XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/en", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    if (cx != NULL) {
        snprintf(path, sizeof path, "%s/themes", dir);
        assert_int_equal(mkdir(path, 0700), 0);
        snprintf(path, sizeof path, "%s/themes/cx.json", dir);
        FILE *f = fopen(path, "w");
        fputs(cx, f);
        fclose(f);
    }
    return dir;
}

static void remove_data_dir(const char *dir)
{
    char path[128];
    snprintf(path, sizeof path, "%s/themes/cx.json", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/themes", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/en", dir);
    rmdir(path);
    rmdir(dir);
}

static void test_lexicon_load_default_taxonomy(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    vb_error err;

    /* No themes/cx.json: no themes, no error. */
    char *dir = make_data_dir(NULL);
    vb_lexicon *lex = vb_lexicon_load(dir, &o, &err);
    assert_non_null(lex);
    assert_int_equal(vb_lexicon_n_themes(lex), 0);
    assert_null(vb_lexicon_theme(lex, 0));
    vb_lexicon_free(lex);
    remove_data_dir(dir);

    /* Present: loaded, unless "" turns themes off. */
    dir = make_data_dir("{\"themes\": [{\"id\": \"p\", \"label\": \"P\", \"match\": [\"x\"], "
                        "\"children\": [{\"id\": \"p.c\", \"match\": [\"y\"]}]}]}");
    lex = vb_lexicon_load(dir, &o, &err);
    assert_non_null(lex);
    assert_int_equal(vb_lexicon_n_themes(lex), 2);
    const vb_theme_info *child = vb_lexicon_theme(lex, 1);
    assert_string_equal(child->id, "p.c");
    assert_string_equal(child->label, "p.c"); /* no label: the id */
    assert_int_equal(child->parent, 0);
    assert_int_equal(vb_lexicon_theme(lex, 0)->parent, -1);
    vb_lexicon_free(lex);
    o.taxonomy = "";
    lex = vb_lexicon_load(dir, &o, &err);
    assert_int_equal(vb_lexicon_n_themes(lex), 0);
    vb_lexicon_free(lex);
    remove_data_dir(dir);

    /* A default taxonomy for another language is skipped, not an error. */
    o.taxonomy = NULL;
    dir = make_data_dir(
        "{\"language\": \"de\", \"themes\": [{\"id\": \"a\", \"match\": [\"x\"]}]}");
    lex = vb_lexicon_load(dir, &o, &err);
    assert_non_null(lex);
    assert_int_equal(vb_lexicon_n_themes(lex), 0);
    vb_lexicon_free(lex);
    remove_data_dir(dir);

    /* A broken default taxonomy is an error like any other. */
    dir = make_data_dir("{\"themes\": [{\"id\": \"a\"}]}");
    assert_null(vb_lexicon_load(dir, &o, &err));
    assert_int_equal(err.code, VB_EPARSE);
    assert_non_null(strstr(err.source, "/themes/cx.json"));
    assert_string_equal(err.message,
                        "$.themes[0]: empty theme: no match, match_alone, answer, regex or children");
    remove_data_dir(dir);
}

static void test_lexicon_load_reports_the_first_problem(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.taxonomy = FIX "bad.json";
    vb_error err;
    assert_null(vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err));
    assert_int_equal(err.code, VB_EPARSE);
    assert_string_equal(err.source, FIX "bad.json");
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "$.colour: unknown key (and 18 more problems)");
    o.taxonomy = "/nonexistent.json";
    assert_null(vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err));
    assert_int_equal(err.code, VB_EIO);
}

/* Compiles `path` with every allocation failing in turn. */
static void compile_under_oom(const char *path, size_t n_themes)
{
    vb_error err;
    vb_lang *lang = vb_lang_load(NULL, "english", NULL, &err);
    assert_non_null(lang);
    size_t fail_at;
    for (fail_at = 0;; fail_at++) {
        test_alloc ta;
        vb_allocator a = test_allocator(&ta, fail_at);
        vb_themes *t = NULL;
        size_t n_problems = 0;
        vb_status st =
            vb_themes_compile_file(path, lang, &a, NULL, NULL, &t, &n_problems, &err);
        if (st == VB_OK) {
            assert_non_null(t);
            assert_int_equal(n_problems, 0);
            assert_int_equal(vb_themes_count(t), n_themes);
            vb_themes_free(t);
            assert_int_equal(ta.live_blocks, 0);
            break;
        }
        assert_int_equal(st, VB_ENOMEM);
        assert_int_equal(err.code, VB_ENOMEM);
        assert_null(t);
        if (ta.live_blocks != 0)
            fail_msg("%zu blocks leaked when allocation %zu failed", ta.live_blocks, fail_at);
    }
    assert_true(fail_at > 20);
    vb_lang_free(lang);
}

static void test_compile_survives_every_oom(void **state)
{
    (void)state;
    compile_under_oom(FIX "retail.json", 6);
    compile_under_oom(FIX "narrow.json", 6);
}

static void test_check_survives_every_oom(void **state)
{
    (void)state;
    for (size_t fail_at = 0;; fail_at++) {
        test_alloc ta;
        vb_options o;
        vb_options_init(&o);
        o.alloc = test_allocator(&ta, fail_at);
        collected c;
        memset(&c, 0, sizeof c);
        vb_error err;
        size_t n = vb_taxonomy_check(FIX "bad.json", &o, collect, &c, NULL, &err);
        if (ta.live_blocks != 0)
            fail_msg("%zu blocks leaked when allocation %zu failed", ta.live_blocks, fail_at);
        if (n != SIZE_MAX) {
            assert_int_equal(n, 19);
            break;
        }
        assert_int_equal(err.code, VB_ENOMEM);
    }
}

static void test_lexicon_load_with_taxonomy_survives_every_oom(void **state)
{
    (void)state;
    for (size_t fail_at = 0;; fail_at++) {
        test_alloc ta;
        vb_options o;
        vb_options_init(&o);
        o.alloc = test_allocator(&ta, fail_at);
        o.taxonomy = FIX "retail.json";
        vb_error err;
        vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
        if (lex != NULL) {
            assert_int_equal(vb_lexicon_n_themes(lex), 6);
            vb_lexicon_free(lex);
            assert_int_equal(ta.live_blocks, 0);
            break;
        }
        assert_int_equal(err.code, VB_ENOMEM);
        if (ta.live_blocks != 0)
            fail_msg("%zu blocks leaked when allocation %zu failed", ta.live_blocks, fail_at);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_taxonomy_has_no_problems),
        cmocka_unit_test(test_every_problem_is_reported_with_its_path),
        cmocka_unit_test(test_json_syntax_error_has_line_and_column),
        cmocka_unit_test(test_structure_problems),
        cmocka_unit_test(test_paths_of_long_lists),
        cmocka_unit_test(test_nesting_is_limited),
        cmocka_unit_test(test_term_syntax),
        cmocka_unit_test(test_near_set_syntax),
        cmocka_unit_test(test_exact_terms_and_exclude_options),
        cmocka_unit_test(test_opinion_problems),
        cmocka_unit_test(test_answer_problems),
        cmocka_unit_test(test_language_must_agree),
        cmocka_unit_test(test_unreadable_file_is_an_error_not_a_problem),
        cmocka_unit_test(test_stdin_is_not_a_taxonomy),
        cmocka_unit_test(test_lexicon_load_default_taxonomy),
        cmocka_unit_test(test_lexicon_load_reports_the_first_problem),
        cmocka_unit_test(test_compile_survives_every_oom),
        cmocka_unit_test(test_check_survives_every_oom),
        cmocka_unit_test(test_lexicon_load_with_taxonomy_survives_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

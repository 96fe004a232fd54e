/* test_public_api.c: the library through include/verbatim.h only, as an
 * application sees it: load, feed in any chunks, pull records, JSON out,
 * statistics, and allocation failure at every point of a whole run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_alloc.h"
#include "verbatim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char csv[] =
    "\xEF\xBB\xBFid,comment,score\r\n"
    "a1,\"Great service, thanks!\",10\r\n"
    "a2,\"The parcel arrived late.\nVery disappointed \xF0\x9F\x98\xA1\",2\r\n"
    "a3,\"bad \xC3 byte\",5\r\n"
    "a4,\"never closed,3\r\n";

typedef struct run_result {
    char json[8192]; /* every record's JSON, newline separated */
    size_t json_len;
    vb_stats stats;
    char errors[1024]; /* "line: error" of rejected records */
} run_result;

/* Runs `csv` through a pipeline fed `chunk` bytes at a time (0: random
 * sizes from `seed`). Returns VB_OK or the first failing status. */
static vb_status run(const vb_options *o, size_t chunk, unsigned seed, run_result *res)
{
    memset(res, 0, sizeof *res);
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, o, &err);
    if (lex == NULL)
        return err.code;
    vb_pipeline *p = vb_pipeline_new(lex, o, &err);
    if (p == NULL) {
        vb_lexicon_free(lex);
        return err.code;
    }
    vb_status st = VB_OK;
    size_t len = sizeof csv - 1, pos = 0;
    srand(seed);
    for (;;) {
        size_t n = 0;
        if (pos < len) {
            n = chunk > 0 ? chunk : 1 + (size_t)rand() % 13;
            if (n > len - pos)
                n = len - pos;
            st = vb_pipeline_feed(p, csv + pos, n);
            pos += n;
        } else {
            st = vb_pipeline_finish(p);
        }
        if (st != VB_OK)
            break;
        const vb_record *rec;
        while ((st = vb_pipeline_next(p, &rec)) == VB_OK) {
            if (rec->status != VB_OK) {
                size_t used = strlen(res->errors);
                snprintf(res->errors + used, sizeof res->errors - used, "%zu: %s\n", rec->line,
                         rec->error);
                continue;
            }
            const char *json;
            size_t json_len;
            st = vb_record_to_json(p, rec, &json, &json_len);
            if (st != VB_OK)
                goto done;
            assert_true(res->json_len + json_len + 1 < sizeof res->json);
            memcpy(res->json + res->json_len, json, json_len);
            res->json_len += json_len;
            res->json[res->json_len++] = '\n';
        }
        if (st == VB_DONE) {
            st = VB_OK;
            break;
        }
        if (st != VB_AGAIN)
            break;
    }
done:
    vb_pipeline_stats(p, &res->stats);
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
    return st;
}

static void test_records_and_rejections(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_CSV;
    o.id_col = "id";
    static const char *keep[] = {"score"};
    o.keep_cols = keep;
    o.n_keep_cols = 1;
    run_result r;
    assert_int_equal(run(&o, 65536, 0, &r), VB_OK);
    /* Four records read: three written, the unterminated one rejected. */
    assert_int_equal(r.stats.records_read, 4);
    assert_int_equal(r.stats.records_rejected, 1);
    assert_int_equal(r.stats.invalid_utf8, 1);
    assert_non_null(strstr(r.errors, "6: field \"comment\": unterminated quoted field"));
    assert_non_null(strstr(r.json, "{\"id\":\"a1\",\"fields\":{\"score\":\"10\"},\"sentiment\":"));
    assert_non_null(strstr(r.json, "\"label\":\"positive\""));
    assert_non_null(strstr(r.json, "\"id\":\"a2\""));
    assert_non_null(strstr(r.json, "\"label\":\"negative\""));
    assert_non_null(strstr(r.json, "\"id\":\"a3\""));
}

static void test_same_output_for_any_chunking(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_CSV;
    o.explain = true;
    o.sentences = true;
    run_result whole, piece;
    assert_int_equal(run(&o, 65536, 0, &whole), VB_OK);
    assert_int_equal(run(&o, 1, 0, &piece), VB_OK);
    assert_int_equal(whole.json_len, piece.json_len);
    assert_memory_equal(whole.json, piece.json, whole.json_len);
    for (unsigned seed = 1; seed <= 20; seed++) {
        assert_int_equal(run(&o, 0, seed, &piece), VB_OK);
        if (whole.json_len != piece.json_len || memcmp(whole.json, piece.json, whole.json_len))
            fail_msg("chunking with seed %u changed the output", seed);
    }
}

static void test_survives_every_allocation_failure(void **state)
{
    (void)state;
    size_t fail_at;
    for (fail_at = 0;; fail_at++) {
        test_alloc t;
        vb_options o;
        vb_options_init(&o);
        o.format = VB_FORMAT_CSV;
        o.explain = true;
        o.alloc = test_allocator(&t, fail_at);
        run_result r;
        vb_status st = run(&o, 7, 0, &r);
        /* Every path frees what it took, whatever failed. */
        if (t.live_blocks != 0)
            fail_msg("%zu blocks leaked when allocation %zu failed", t.live_blocks, fail_at);
        if (st == VB_OK && t.calls <= fail_at)
            break; /* the whole run needed fewer allocations: done */
        assert_true(st == VB_OK || st == VB_ENOMEM);
        /* A run that completes accounts for all four records, whether a
         * record ran out of memory (rejected) or not. */
        if (st == VB_OK)
            assert_int_equal(r.stats.records_read, 4);
    }
    assert_true(fail_at > 10);
}

static void test_bad_language_and_missing_column(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.language = "klingon";
    vb_error err;
    assert_null(vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_non_null(strstr(err.message, "klingon"));

    vb_options_init(&o);
    o.format = VB_FORMAT_CSV;
    o.text_col = "nope";
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(lex);
    vb_pipeline *p = vb_pipeline_new(lex, &o, &err);
    assert_non_null(p);
    assert_ptr_equal(vb_pipeline_lexicon(p), lex);
    const char in[] = "id,comment\n1,hello\n";
    assert_int_equal(vb_pipeline_feed(p, in, sizeof in - 1), VB_OK);
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    const vb_record *rec;
    assert_int_equal(vb_pipeline_next(p, &rec), VB_EINVAL);
    assert_non_null(strstr(vb_pipeline_errmsg(p), "nope"));
    assert_non_null(strstr(vb_pipeline_errmsg(p), "comment"));
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
}

static void test_version_and_names(void **state)
{
    (void)state;
    assert_string_equal(vb_version(), VB_VERSION_STRING);
    assert_string_equal(vb_strerror(VB_ENOMEM), "out of memory");
    vb_format f;
    assert_true(vb_format_parse("ndjson", &f));
    assert_int_equal(f, VB_FORMAT_JSONL);
    assert_false(vb_format_parse("xml", &f));
    assert_string_equal(vb_token_kind_name(VB_TOKEN_EMOJI), "emoji");
    assert_string_equal(vb_rule_name(VB_RULE_NEGATED), "negated");
    const char **langs = vb_languages();
    bool has_english = false;
    for (size_t i = 0; langs[i] != NULL; i++)
        has_english |= strcmp(langs[i], "english") == 0;
    assert_true(has_english);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records_and_rejections),
        cmocka_unit_test(test_same_output_for_any_chunking),
        cmocka_unit_test(test_survives_every_allocation_failure),
        cmocka_unit_test(test_bad_language_and_missing_column),
        cmocka_unit_test(test_version_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

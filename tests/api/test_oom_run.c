/* test_oom_run.c: a whole run of the library, through the public header
 * only, with allocation number N failing, for every N.
 *
 * The run is what an application does: load the lexicons with the default
 * taxonomy (themes/cx.json, regexes included), make a pipeline with
 * --explain, --sentences, an id and a kept column, feed a CSV in 7-byte
 * chunks (a BOM, CRLF, a quoted newline, invalid UTF-8, an unterminated
 * quote), then a second source in JSONL (a bad line among good ones), and
 * write every record as JSON and as tokens.
 *
 * Two kinds of failure, for every N until a run needs fewer than N
 * allocations: only allocation N fails (the library must recover: later
 * allocations succeed), or N and every later one fail. Each time: no crash
 * (ASan/valgrind in CI), no block left allocated, set-up failures report
 * VB_ENOMEM, every record read is either returned or rejected
 * (records_read = returned + records_rejected), and in the one-shot mode
 * every record that was not hit gives exactly the JSON of a clean run: an
 * allocation failure never leaves a cache or buffer half-updated. */
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

static const char csv_in[] =
    "\xEF\xBB\xBFid,comment,score\r\n"
    "a1,\"Great service, thanks! The staff were lovely.\",10\r\n"
    "a2,\"The parcel arrived late.\nThe courier was rude \xF0\x9F\x98\xA1\",2\r\n"
    "a3,\"bad \xC3 byte, but a quick refund\",5\r\n"
    "a4,Not bad at all but the app keeps crashing!!,7\r\n"
    "a5,\"never closed,3\r\n";
static const char jsonl_in[] =
    "{\"id\":\"j1\",\"comment\":\"Delivery was fast and the price was fair\",\"score\":9}\n"
    "{\"id\":\"j2\",\"comment\":\"terrible\"\n"
    "{\"id\":\"j3\",\"comment\":\"I waited 3 weeks for my order :(\",\"score\":1}\n";

enum { MAX_RECORDS = 16 };

typedef struct outcome {
    vb_status status;        /* VB_OK: the run finished */
    size_t read, returned, rejected;
    char ids[MAX_RECORDS][8];             /* records returned with status VB_OK */
    char *json[MAX_RECORDS];              /* their JSON + tokens; NULL: not written */
    size_t n;
} outcome;

static void outcome_free(outcome *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->json[i]);
    memset(o, 0, sizeof *o);
}

/* Both outputs of one record, in a malloc'd string; NULL if either failed. */
static char *record_output(vb_pipeline *p, const vb_record *rec)
{
    const char *json, *tokens;
    size_t json_len, tokens_len;
    if (vb_record_to_json(p, rec, &json, &json_len) != VB_OK)
        return NULL;
    char *s = malloc(json_len + 1);
    assert_non_null(s);
    memcpy(s, json, json_len);
    s[json_len] = '\0';
    if (vb_record_tokens_to_json(p, rec, &tokens, &tokens_len) != VB_OK) {
        free(s);
        return NULL;
    }
    char *both = realloc(s, json_len + tokens_len + 1);
    assert_non_null(both);
    memcpy(both + json_len, tokens, tokens_len);
    both[json_len + tokens_len] = '\0';
    return both;
}

/* Feeds one source in 7-byte chunks and pulls every record. */
static vb_status run_source(vb_pipeline *p, const char *in, size_t len, outcome *o)
{
    size_t pos = 0;
    for (;;) {
        vb_status st;
        if (pos < len) {
            const size_t n = len - pos < 7 ? len - pos : 7;
            st = vb_pipeline_feed(p, in + pos, n);
            pos += n;
        } else {
            st = vb_pipeline_finish(p);
        }
        if (st != VB_OK)
            return st;
        const vb_record *rec;
        while ((st = vb_pipeline_next(p, &rec)) == VB_OK) {
            if (rec->status != VB_OK)
                continue;
            assert_true(o->n < MAX_RECORDS);
            o->returned++;
            snprintf(o->ids[o->n], sizeof o->ids[o->n], "%.*s", (int)rec->id_len, rec->id);
            o->json[o->n++] = record_output(p, rec);
        }
        if (st == VB_DONE)
            return VB_OK;
        if (st != VB_AGAIN)
            return st;
    }
}

static vb_status run(vb_allocator alloc, outcome *o)
{
    memset(o, 0, sizeof *o);
    vb_options opts;
    vb_options_init(&opts);
    opts.alloc = alloc;
    opts.explain = true;
    opts.sentences = true;
    opts.id_col = "id";
    static const char *const keep[] = {"score"};
    opts.keep_cols = keep;
    opts.n_keep_cols = 1;
    opts.source_name = "in.csv";

    vb_error err;
    memset(&err, 0, sizeof err);
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &opts, &err);
    if (lex == NULL) {
        if (err.code != VB_ENOMEM)
            fail_msg("lexicon load: %s: %s (not VB_ENOMEM)", err.source, err.message);
        return o->status = err.code;
    }
    vb_pipeline *p = vb_pipeline_new(lex, &opts, &err);
    if (p == NULL) {
        vb_lexicon_free(lex);
        if (err.code != VB_ENOMEM)
            fail_msg("pipeline: %s (not VB_ENOMEM)", err.message);
        return o->status = err.code;
    }
    vb_status st = run_source(p, csv_in, sizeof csv_in - 1, o);
    if (st == VB_OK)
        st = vb_pipeline_reset(p, "in.jsonl");
    if (st == VB_OK)
        st = run_source(p, jsonl_in, sizeof jsonl_in - 1, o);
    vb_stats stats;
    vb_pipeline_stats(p, &stats);
    o->read = stats.records_read;
    o->rejected = stats.records_rejected;
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
    return o->status = st;
}

/* Returns how the run ended: 0 stopped (VB_ENOMEM), 1 finished with every
 * record, 2 finished with one record rejected or not written. */
static int check_against(const outcome *clean, const outcome *o, size_t fail_at, bool one_shot)
{
    /* Every record read was returned or rejected, even when a run stops. */
    if (o->read != o->returned + o->rejected)
        fail_msg("allocation %zu failed%s: %zu read, %zu returned, %zu rejected", fail_at,
                 one_shot ? " (once)" : "", o->read, o->returned, o->rejected);
    if (o->status != VB_OK) {
        if (o->status != VB_ENOMEM)
            fail_msg("allocation %zu failed: status %s", fail_at, vb_strerror(o->status));
        return 0;
    }
    /* A finished run read every record. */
    assert_int_equal(o->read, clean->read);
    if (!one_shot)
        return 1;
    /* After one failure the library is whole again: at most the record
     * that was hit differs (rejected, or its output failed). */
    size_t differ = clean->returned - o->returned;
    for (size_t i = 0, k = 0; i < o->n; i++) {
        while (k < clean->n && strcmp(clean->ids[k], o->ids[i]) != 0)
            k++;
        if (k == clean->n)
            fail_msg("allocation %zu failed once: record %s is new", fail_at, o->ids[i]);
        if (o->json[i] == NULL)
            differ++;
        else if (strcmp(o->json[i], clean->json[k]) != 0)
            fail_msg("allocation %zu failed once: record %s changed:\n%s\nnot\n%s", fail_at,
                     o->ids[i], o->json[i], clean->json[k]);
    }
    if (differ > 1)
        fail_msg("allocation %zu failed once: %zu records lost", fail_at, differ);
    return differ == 0 ? 1 : 2;
}

static void test_every_allocation_of_a_run(void **state)
{
    (void)state;
    test_alloc t;
    outcome clean;
    assert_int_equal(run(test_allocator(&t, (size_t)-1), &clean), VB_OK);
    assert_int_equal(t.live_blocks, 0);
    const size_t total = t.calls;
    /* 5 CSV records (one unterminated) and 3 JSONL lines (one invalid). */
    assert_int_equal(clean.read, 8);
    assert_int_equal(clean.rejected, 2);
    assert_int_equal(clean.returned, 6);
    for (size_t i = 0; i < clean.n; i++)
        assert_non_null(clean.json[i]);
    assert_non_null(strstr(clean.json[1], "\"themes\":[{"));

    for (int one_shot = 1; one_shot >= 0; one_shot--) {
        size_t fail_at, ended[3] = {0, 0, 0};
        for (fail_at = 0;; fail_at++) {
            outcome o;
            run(one_shot ? test_allocator_once(&t, fail_at) : test_allocator(&t, fail_at), &o);
            if (t.live_blocks != 0)
                fail_msg("allocation %zu failed%s: %zu blocks leaked", fail_at,
                         one_shot ? " (once)" : "", t.live_blocks);
            ended[check_against(&clean, &o, fail_at, one_shot)]++;
            outcome_free(&o);
            if (t.calls <= fail_at)
                break; /* the run no longer reaches allocation N: every one was tried */
        }
        /* A failure may change the path, not the amount of work much. */
        assert_true(fail_at + 1 >= total);
        print_message("allocations 0..%zu failed %s: no leak, every record accounted for; "
                      "%zu runs stopped (VB_ENOMEM), %zu finished whole, %zu lost one record\n",
                      fail_at - 1, one_shot ? "one at a time" : "from N on", ended[0], ended[1],
                      ended[2]);
        if (one_shot) /* some failures must be survivable, record by record */
            assert_true(ended[2] > 0);
    }
    outcome_free(&clean);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allocation_of_a_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

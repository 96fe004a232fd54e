/* test_public_api.c: the library through include/verbatim.h only, as an
 * application sees it: load, feed in any chunks, pull records, JSON out,
 * statistics, and allocation failure at every point of a whole run. */
#define _POSIX_C_SOURCE 200809L /* mkstemp(), for a user lexicon */
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
#include <unistd.h>

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

/* CSV with an id column and the score column kept. */
static void csv_options(vb_options *o)
{
    vb_options_init(o);
    o->format = VB_FORMAT_CSV;
    o->id_col = "id";
    static const char *keep[] = {"score"};
    o->keep_cols = keep;
    o->n_keep_cols = 1;
}

static void test_records_and_rejections(void **state)
{
    (void)state;
    vb_options o;
    csv_options(&o);
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

/* German stems and has stopwords, but no sentiment lexicon or taxonomy
 * ships for it: both counts say so (the CLI tells the user); a user
 * lexicon fills the gap. */
static void test_language_without_lexicons(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    vb_error err;
    vb_lexicon *en = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(en);
    assert_true(vb_lexicon_n_sentiment_terms(en) > 7000);
    assert_true(vb_lexicon_n_themes(en) > 0);
    vb_lexicon_free(en);

    o.language = "de";
    vb_lexicon *de = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(de);
    assert_int_equal(vb_lexicon_n_sentiment_terms(de), 0);
    assert_int_equal(vb_lexicon_n_themes(de), 0);
    vb_lexicon_free(de);

    char path[] = "/tmp/vb_api_lexXXXXXX";
    const int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char terms[] = "schlecht\t-2\ngut\t2\n";
    assert_int_equal(write(fd, terms, sizeof terms - 1), (ssize_t)(sizeof terms - 1));
    close(fd);
    const char *files[] = {path};
    o.lexicon_files = files;
    o.n_lexicon_files = 1;
    de = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    unlink(path);
    assert_non_null(de);
    assert_int_equal(vb_lexicon_n_sentiment_terms(de), 2);
    vb_lexicon_free(de);
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

/* An export saved as Windows-1252 reads as its text; the guess is named
 * by the line that made it, per input, and never when one is given. */
static void test_encoding_of_an_export(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_CSV;
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(lex);
    vb_pipeline *p = vb_pipeline_new(lex, &o, &err);
    assert_non_null(p);
    const char excel[] = "id,comment\n1,fine\n2,It wasn\x92t good\n";
    assert_int_equal(vb_pipeline_feed(p, excel, sizeof excel - 1), VB_OK);
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    const vb_record *rec;
    assert_int_equal(vb_pipeline_next(p, &rec), VB_OK);
    assert_int_equal(vb_pipeline_next(p, &rec), VB_OK);
    assert_string_equal(rec->text, "It wasn\xE2\x80\x99t good");
    assert_int_equal(rec->n_invalid_utf8, 0);
    assert_true(rec->sentiment.compound < 0);
    assert_int_equal(vb_pipeline_windows_1252_line(p), 3);
    /* The next input is UTF-8. */
    assert_int_equal(vb_pipeline_reset(p, "second.csv"), VB_OK);
    assert_int_equal(vb_pipeline_windows_1252_line(p), 0);
    const char utf8[] = "id,comment\n1,caf\xC3\xA9\n";
    assert_int_equal(vb_pipeline_feed(p, utf8, sizeof utf8 - 1), VB_OK);
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    assert_int_equal(vb_pipeline_next(p, &rec), VB_OK);
    assert_string_equal(rec->text, "caf\xC3\xA9");
    assert_int_equal(vb_pipeline_windows_1252_line(p), 0);
    vb_pipeline_free(p);
    /* Given, UTF-8 keeps the byte for the repair. */
    vb_encoding enc;
    assert_true(vb_encoding_parse("UTF-8", &enc));
    o.encoding = enc;
    p = vb_pipeline_new(lex, &o, &err);
    assert_non_null(p);
    assert_int_equal(vb_pipeline_feed(p, excel, sizeof excel - 1), VB_OK);
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    assert_int_equal(vb_pipeline_next(p, &rec), VB_OK);
    assert_int_equal(vb_pipeline_next(p, &rec), VB_OK);
    assert_string_equal(rec->text, "It wasn\xEF\xBF\xBDt good");
    assert_int_equal(rec->n_invalid_utf8, 1);
    assert_int_equal(vb_pipeline_windows_1252_line(p), 0);
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
}

/* A CSV of many records, some with invalid UTF-8, the last one broken. */
static char *many_records_csv(size_t n)
{
    /* UTF-8 (the emoji) with a bad byte further on, for the repair. */
    static const char *const comments[] = {"Great service, thanks! \xF0\x9F\x91\x8D",
                                           "The parcel arrived late. Very disappointed",
                                           "bad \xC3 byte in the middle",
                                           "",
                                           "Staff were rude and the queue was long!!",
                                           "Refund took three weeks; billing charged me twice.",
                                           "ok",
                                           "Love the app :) but checkout crashes"};
    const size_t n_comments = sizeof comments / sizeof comments[0];
    size_t cap = 64 + n * 96, len = 0;
    char *csv_text = malloc(cap);
    assert_non_null(csv_text);
    len += (size_t)snprintf(csv_text, cap, "id,comment,score\n");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(csv_text + len, cap - len, "r%zu,\"%s\",%zu\n", i,
                                comments[i % n_comments], i % 11);
    snprintf(csv_text + len, cap - len, "last,\"never closed,3\n");
    return csv_text;
}

static vb_pipeline *csv_pipeline(vb_lexicon **lex, const char *text)
{
    vb_options o;
    csv_options(&o);
    vb_error err;
    *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(*lex);
    vb_pipeline *p = vb_pipeline_new(*lex, &o, &err);
    assert_non_null(p);
    assert_int_equal(vb_pipeline_feed(p, text, strlen(text)), VB_OK);
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    return p;
}

/* Appends the record's JSON, or its error, and a newline. */
static void append_record(vb_pipeline *p, const vb_record *rec, char **out, size_t *len,
                          size_t *cap)
{
    const char *json = rec->error;
    size_t json_len = rec->error != NULL ? strlen(rec->error) : 0;
    if (rec->status == VB_OK) assert_int_equal(vb_record_to_json(p, rec, &json, &json_len), VB_OK);
    if (*len + json_len + 1 > *cap) {
        *cap = 2 * (*len + json_len + 1);
        *out = realloc(*out, *cap);
        assert_non_null(*out);
    }
    memcpy(*out + *len, json, json_len);
    *len += json_len;
    (*out)[(*len)++] = '\n';
}

/* vb_pipeline_next() reads ahead and analyses a batch at a time; the
 * records and statistics are those of reading and analysing one record at
 * a time, and the statistics never count a record before it is returned. */
static void test_read_ahead_same_as_one_at_a_time(void **state)
{
    (void)state;
    char *text = many_records_csv(3 * VB_PIPELINE_BATCH + 5);
    vb_lexicon *lex_a, *lex_b;
    vb_pipeline *a = csv_pipeline(&lex_a, text), *b = csv_pipeline(&lex_b, text);
    char *out_a = NULL, *out_b = NULL;
    size_t len_a = 0, len_b = 0, cap_a = 0, cap_b = 0, returned = 0;
    const vb_record *rec;
    vb_status st;
    while ((st = vb_pipeline_next(a, &rec)) == VB_OK) {
        returned++;
        vb_stats stats;
        vb_pipeline_stats(a, &stats);
        assert_int_equal(stats.records_read, returned);
        append_record(a, rec, &out_a, &len_a, &cap_a);
    }
    assert_int_equal(st, VB_DONE);
    vb_raw_record raw;
    while ((st = vb_pipeline_read(b, &raw)) == VB_OK) {
        assert_int_equal(vb_pipeline_analyze(b, &raw, &rec), VB_OK);
        append_record(b, rec, &out_b, &len_b, &cap_b);
    }
    assert_int_equal(st, VB_DONE);
    assert_int_equal(returned, 3 * VB_PIPELINE_BATCH + 6);
    assert_int_equal(len_a, len_b);
    assert_memory_equal(out_a, out_b, len_a);
    assert_non_null(strstr(out_a, "unterminated quoted field"));
    vb_stats sa, sb;
    vb_pipeline_stats(a, &sa);
    vb_pipeline_stats(b, &sb);
    assert_memory_equal(&sa, &sb, sizeof sa);
    assert_int_equal(sa.records_rejected, 1);
    assert_true(sa.invalid_utf8 > 0);
    free(out_a);
    free(out_b);
    vb_pipeline_free(a);
    vb_pipeline_free(b);
    vb_lexicon_free(lex_a);
    vb_lexicon_free(lex_b);
    free(text);
}

static vb_raw_record raw_text(size_t record_no, const char *text)
{
    vb_raw_record r;
    memset(&r, 0, sizeof r);
    r.record_no = record_no;
    r.line = record_no + 1;
    r.status = VB_OK;
    r.text = (vb_field){text, strlen(text)};
    return r;
}

/* Comment i of n: `words` words that no other comment has. */
static char *distinct_words(size_t i, size_t words)
{
    char *s = malloc(words * 8 + 1);
    assert_non_null(s);
    size_t len = 0;
    for (size_t w = 0; w < words; w++) {
        size_t k = i * words + w;
        s[len++] = 'q';
        for (int d = 0; d < 5; d++, k /= 26)
            s[len++] = (char)('a' + k % 26);
        s[len++] = w % 20 == 19 ? '.' : ' ';
    }
    s[len] = '\0';
    return s;
}

/* vb_pipeline_analyze_batch(): each record as vb_pipeline_analyze() gives
 * it, with its own counts, and every record still intact after the whole
 * batch, even when the word cache fills up in the middle of it (more than
 * 65,536 distinct words here). */
static void test_analyze_batch(void **state)
{
    (void)state;
    vb_options o;
    vb_options_init(&o);
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(lex);
    vb_pipeline *batch = vb_pipeline_new(lex, &o, &err), *one = vb_pipeline_new(lex, &o, &err);
    assert_non_null(batch);
    assert_non_null(one);
    char *texts[VB_PIPELINE_BATCH];
    vb_raw_record raws[VB_PIPELINE_BATCH + 1];
    for (size_t i = 0; i < VB_PIPELINE_BATCH; i++) {
        texts[i] = distinct_words(i, 6000);
        raws[i] = raw_text(i + 1, texts[i]);
    }
    raws[3].text.data = "bad \xC3 byte";
    raws[3].text.len = strlen(raws[3].text.data);
    raws[5].status = VB_EPARSE;
    raws[5].error = "broken row";
    const vb_record *recs[VB_PIPELINE_BATCH + 1];
    vb_stats counts[VB_PIPELINE_BATCH];
    assert_int_equal(vb_pipeline_analyze_batch(batch, raws, VB_PIPELINE_BATCH + 1, recs, counts),
                     VB_EINVAL);
    for (int round = 0; round < 2; round++) { /* the second starts with a full cache */
        vb_stats batch_before, batch_after, sum;
        vb_pipeline_stats(batch, &batch_before);
        assert_int_equal(vb_pipeline_analyze_batch(batch, raws, VB_PIPELINE_BATCH, recs, counts),
                         VB_OK);
        /* The statistics grew by the records' counts, summed. */
        vb_pipeline_stats(batch, &batch_after);
        sum = batch_before;
        for (size_t i = 0; i < VB_PIPELINE_BATCH; i++) {
            assert_int_equal(counts[i].records_read, 0);
            vb_stats_add(&sum, &counts[i]);
        }
        assert_memory_equal(&sum, &batch_after, sizeof sum);
        assert_int_equal(sum.records_with_text - batch_before.records_with_text,
                         VB_PIPELINE_BATCH - 1); /* all but the broken row */
        for (size_t i = 0; i < VB_PIPELINE_BATCH; i++) {
            const vb_record *alone;
            vb_stats before, after;
            vb_pipeline_stats(one, &before);
            assert_int_equal(vb_pipeline_analyze(one, &raws[i], &alone), VB_OK);
            vb_pipeline_stats(one, &after);
            assert_int_equal(recs[i]->status, alone->status);
            assert_int_equal(counts[i].invalid_utf8, after.invalid_utf8 - before.invalid_utf8);
            assert_int_equal(counts[i].records_with_text,
                             after.records_with_text - before.records_with_text);
            if (alone->status != VB_OK) {
                assert_string_equal(recs[i]->error, "broken row");
                continue;
            }
            const char *json;
            size_t len;
            assert_int_equal(vb_record_tokens_to_json(one, alone, &json, &len), VB_OK);
            char *expected = malloc(len);
            assert_non_null(expected);
            memcpy(expected, json, len);
            size_t expected_len = len;
            assert_int_equal(vb_record_tokens_to_json(batch, recs[i], &json, &len), VB_OK);
            assert_int_equal(len, expected_len);
            assert_memory_equal(json, expected, len);
            free(expected);
        }
    }
    assert_int_equal(counts[3].invalid_utf8, 1);
    assert_int_equal(vb_pipeline_analyze_batch(batch, raws, 0, recs, NULL), VB_OK);
    for (size_t i = 0; i < VB_PIPELINE_BATCH; i++)
        free(texts[i]);
    vb_pipeline_free(batch);
    vb_pipeline_free(one);
    vb_lexicon_free(lex);
}

/* A Qualtrics export's question-text and import-id rows are header, not
 * records; the statistics count them, over every source a pipeline reads,
 * so that the rows of the files are all accounted for. */
static void test_extra_header_rows_counted(void **state)
{
    (void)state;
    static const char export[] =
        "StartDate,ResponseId,Q2\n"
        "Start Date,Response ID,Why?\n"
        "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
        "\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\n"
        "2026-10-01,R_1,Quick and friendly\n";
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_CSV;
    o.text_col = "Q2";
    vb_error err;
    vb_lexicon *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    assert_non_null(lex);
    vb_pipeline *p = vb_pipeline_new(lex, &o, &err);
    assert_non_null(p);
    for (int file = 0; file < 2; file++) {
        if (file > 0) assert_int_equal(vb_pipeline_reset(p, "second.csv"), VB_OK);
        assert_int_equal(vb_pipeline_feed(p, export, sizeof export - 1), VB_OK);
        assert_int_equal(vb_pipeline_finish(p), VB_OK);
        const vb_record *rec;
        vb_status st;
        while ((st = vb_pipeline_next(p, &rec)) == VB_OK) {
            assert_int_equal(rec->text_len, strlen("Quick and friendly"));
            assert_memory_equal(rec->text, "Quick and friendly", rec->text_len);
        }
        assert_int_equal(st, VB_DONE);
        vb_stats stats;
        vb_pipeline_stats(p, &stats);
        assert_int_equal(stats.records_read, file + 1);
        assert_int_equal(stats.extra_header_rows, 2 * (file + 1));
    }
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
}

/* A JSON pipeline whose score column is to be found ("score?"). */
static vb_pipeline *found_score_pipeline(vb_lexicon **lex, const vb_allocator *alloc)
{
    vb_options o;
    vb_options_init(&o);
    o.format = VB_FORMAT_JSONL;
    if (alloc != NULL) o.alloc = *alloc;
    static const char *keep[] = {NULL};
    static const char *kinds[] = {"score?"};
    o.keep_cols = keep;
    o.keep_col_kinds = kinds;
    o.n_keep_cols = 1;
    vb_error err;
    *lex = vb_lexicon_load(VB_TEST_DATA_DIR, &o, &err);
    if (*lex == NULL) return NULL;
    vb_pipeline *p = vb_pipeline_new(*lex, &o, &err);
    if (p == NULL) vb_lexicon_free(*lex);
    return p;
}

static void feed_text(vb_pipeline *p, const char *text)
{
    assert_int_equal(vb_pipeline_feed(p, text, strlen(text)), VB_OK);
}

/* Records read before the columns are settled wait for them: the first
 * object names neither the comment's key nor the score's, the second
 * names both, and the first record handed out already finds the score's
 * key, whatever the input fed so far. */
static void test_records_wait_for_the_columns(void **state)
{
    (void)state;
    vb_lexicon *lex;
    vb_pipeline *p = found_score_pipeline(&lex, NULL);
    assert_non_null(p);
    vb_raw_record raw;
    feed_text(p, "{\"id\": 1}\n");
    assert_int_equal(vb_pipeline_read(p, &raw), VB_AGAIN);
    assert_false(vb_pipeline_keep_found(p, 0));
    feed_text(p, "{\"rating\": 4, \"review\": \"late\"}\n{\"rating\": 2");
    assert_int_equal(vb_pipeline_read(p, &raw), VB_OK);
    assert_true(vb_pipeline_keep_found(p, 0));
    assert_int_equal(raw.record_no, 1);
    assert_int_equal(raw.line, 1);
    assert_int_equal(raw.text.len, 0);
    assert_null(raw.keep[0].data);
    assert_string_equal(raw.keep_names[0], "rating");
    assert_int_equal(vb_pipeline_read(p, &raw), VB_OK);
    assert_int_equal(raw.record_no, 2);
    assert_int_equal(raw.keep[0].len, 1);
    assert_memory_equal(raw.keep[0].data, "4", 1);
    assert_memory_equal(raw.text.data, "late", 4);
    assert_int_equal(vb_pipeline_read(p, &raw), VB_AGAIN);
    feed_text(p, "}\n");
    assert_int_equal(vb_pipeline_finish(p), VB_OK);
    assert_int_equal(vb_pipeline_read(p, &raw), VB_OK);
    assert_int_equal(raw.record_no, 3);
    assert_int_equal(vb_pipeline_read(p, &raw), VB_DONE);
    vb_stats stats;
    vb_pipeline_stats(p, &stats);
    assert_int_equal(stats.records_read, 3);

    /* The records held go out before the failure that ends the input:
     * no object among the first 100 has the comment's key. */
    assert_int_equal(vb_pipeline_reset(p, "keyless.jsonl"), VB_OK);
    for (int i = 0; i < 120; i++)
        feed_text(p, "{\"id\": 1}\n");
    size_t read = 0;
    vb_status st;
    while ((st = vb_pipeline_read(p, &raw)) == VB_OK)
        read++;
    assert_int_equal(st, VB_EINVAL);
    assert_int_equal(read, 99);
    assert_non_null(strstr(vb_pipeline_errmsg(p), "no text key found in the first 100 objects"));
    vb_pipeline_free(p);
    vb_lexicon_free(lex);
}

/* Out of memory at any one allocation while records are held: nothing
 * leaks, and every record read is handed out, analysed or rejected. */
static void test_held_records_survive_allocation_failure(void **state)
{
    (void)state;
    static const char text[] = "{\"id\": 1}\n{\"id\": 2}\n{\"rating\": 4, \"review\": \"late\"}\n"
                               "{\"rating\": 2, \"review\": \"kind staff\"}\n";
    size_t fail_at;
    for (fail_at = 0;; fail_at++) {
        test_alloc t;
        vb_lexicon *lex;
        const vb_allocator alloc = test_allocator_once(&t, fail_at);
        vb_pipeline *p = found_score_pipeline(&lex, &alloc);
        if (p == NULL) {
            assert_int_equal(t.live_blocks, 0);
            continue;
        }
        size_t read = 0;
        vb_status st = VB_OK;
        for (size_t at = 0; at < sizeof text - 1 && st != VB_ENOMEM; at += 9) {
            const size_t n = sizeof text - 1 - at < 9 ? sizeof text - 1 - at : 9;
            assert_int_equal(vb_pipeline_feed(p, text + at, n), VB_OK);
            const vb_record *rec;
            while ((st = vb_pipeline_next(p, &rec)) == VB_OK)
                read++;
        }
        if (st != VB_ENOMEM) {
            assert_int_equal(vb_pipeline_finish(p), VB_OK);
            const vb_record *rec;
            while ((st = vb_pipeline_next(p, &rec)) == VB_OK)
                read++;
            assert_int_equal(st, VB_DONE);
            assert_int_equal(read, 4);
        }
        const bool done = t.calls <= fail_at;
        vb_pipeline_free(p);
        vb_lexicon_free(lex);
        if (t.live_blocks != 0)
            fail_msg("%zu blocks leaked when allocation %zu failed", t.live_blocks, fail_at);
        if (done) break;
    }
    assert_true(fail_at > 10);
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
        cmocka_unit_test(test_language_without_lexicons),
        cmocka_unit_test(test_bad_language_and_missing_column),
        cmocka_unit_test(test_encoding_of_an_export),
        cmocka_unit_test(test_read_ahead_same_as_one_at_a_time),
        cmocka_unit_test(test_analyze_batch),
        cmocka_unit_test(test_extra_header_rows_counted),
        cmocka_unit_test(test_records_wait_for_the_columns),
        cmocka_unit_test(test_held_records_survive_allocation_failure),
        cmocka_unit_test(test_version_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_csv.c: CSV and TSV records through vb_source (csv.c + source.c).
 *
 * Every input is replayed whole, one byte at a time and in random chunks
 * (check_records); the expected string has one line per record:
 * "<line>: t=[text] id=[id] k=[keep]" or "<line>: !STATUS(reason) ...".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../fixtures/readers/harness.h"
#include "csv.h"

static vb_source_spec csv_spec(const char *text, const char *id)
{
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.text_col = text;
    spec.id_col = id;
    return spec;
}

static void test_quoted_commas_quotes_newlines(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    check_records(&spec,
                  "id,comment\n"
                  "1,\"slow, but friendly\"\n"
                  "2,\"she said \"\"wow\"\"\"\n"
                  "3,\"line one\nline two\r\nline three\"\n"
                  "4,\"\"\n"
                  "5,\"\"\"\"\n"
                  "6,plain\n",
                  "2: t=[slow, but friendly] id=[1]\n"
                  "3: t=[she said \"wow\"] id=[2]\n"
                  "4: t=[line one\\nline two\\r\\nline three] id=[3]\n"
                  "7: t=[] id=[4]\n"
                  "8: t=[\"] id=[5]\n"
                  "9: t=[plain] id=[6]\n");
}

static void test_line_ends_crlf_lf_cr(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    check_records(&spec, "id,comment\r\n1,crlf\r\n2,lf\n3,cr\r4,\"quoted\rcr\"\r5,last",
                  "2: t=[crlf] id=[1]\n"
                  "3: t=[lf] id=[2]\n"
                  "4: t=[cr] id=[3]\n"
                  "5: t=[quoted\\rcr] id=[4]\n"
                  "7: t=[last] id=[5]\n");
    /* A CR at the very end, then nothing. */
    check_records(&spec, "id,comment\r1,x\r", "2: t=[x] id=[1]\n");
}

static void test_bom_is_skipped(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", NULL);
    check_records(&spec,
                  "\xEF\xBB\xBF"
                  "comment\nhello\n",
                  "2: t=[hello] id=-\n");
    /* Only at the start: elsewhere it is data. */
    check_records(&spec, "comment\n\xEF\xBB\xBFhi\n", "2: t=[\xEF\xBB\xBFhi] id=-\n");
    /* A lone prefix of a BOM is data too (as UTF-8: left to guess, bytes
     * that are not UTF-8 would be read as Windows-1252). */
    spec.has_header = false;
    spec.encoding = VB_ENCODING_UTF8;
    spec.text_col = "1";
    check_records(&spec, "\xEF\xBB", "1: t=[\xEF\xBB] id=-\n");
}

static void test_header_vs_no_header(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("2", "1");
    check_records(&spec, "id,comment\n7,great\n", "2: t=[great] id=[7]\n");
    spec.has_header = false;
    check_records(&spec, "id,comment\n7,great\n",
                  "1: t=[comment] id=[id]\n"
                  "2: t=[great] id=[7]\n");
    /* No header, no text column: one column is the text... */
    spec.text_col = NULL;
    spec.id_col = NULL;
    check_records(&spec, "only column\nsecond\n",
                  "1: t=[only column] id=-\n"
                  "2: t=[second] id=-\n");
    /* ...but with several it cannot guess. */
    check_records(&spec, "a,b\n",
                  "FATAL EINVAL(no text column: the input has no header row and 2 columns "
                  "(choose one with --text-col))\n");
    /* A broken header row is fatal: nothing after it can be mapped. */
    spec.has_header = true;
    spec.text_col = "1";
    check_records(&spec, "\n\"id,comment\n1,x\n",
                  "FATAL EPARSE(header row (line 2): unterminated quoted field)\n");
    spec.has_header = false;
    /* A name needs a header: refused up front. */
    spec.text_col = "comment";
    check_records(&spec, "a,b\n",
                  "NEW EINVAL(text column \"comment\": the input has no header row, so give "
                  "the column's 1-based number)\n");
}

static void test_column_by_name_and_number(void **state)
{
    (void)state;
    const char in[] = "ID,  Comment ,Store\n1,nice,north\n";
    vb_source_spec spec = csv_spec("comment", "id"); /* case and spaces ignored */
    const char *keep[] = {"store", "3", "Store"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 3;
    check_records(&spec, in, "2: t=[nice] id=[1] k=[north] k=[north] k=[north]\n");

    /* Exact match wins over a case-insensitive one. */
    vb_source_spec exact = csv_spec("text", NULL);
    check_records(&exact, "TEXT,text\nA,b\n", "2: t=[b] id=-\n");

    spec.n_keep_cols = 0;
    spec.text_col = "commnt";
    check_records(&spec, in,
                  "FATAL EINVAL(text column \"commnt\" not found; columns are: ID,   Comment , "
                  "Store)\n");
    spec.text_col = "2";
    spec.id_col = "9";
    check_records(&spec, in,
                  "FATAL EINVAL(id column 9 is beyond the last column (3); columns are: ID,   "
                  "Comment , Store)\n");
    spec.id_col = "0";
    check_records(&spec, in, "NEW EINVAL(id column 0: columns are numbered from 1)\n");
    spec.id_col = "";
    check_records(&spec, in, "NEW EINVAL(id column: the name is empty)\n");
    spec.id_col = "nope";
    const char *keep_bad[] = {"Store", "region"};
    spec.id_col = NULL;
    spec.keep_cols = keep_bad;
    spec.n_keep_cols = 2;
    check_records(&spec, in,
                  "FATAL EINVAL(keep column \"region\" not found; columns are: ID,   Comment , "
                  "Store)\n");
}

static void test_keep_names_come_from_header(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec(NULL, NULL);
    const char *keep[] = {"STORE", "1"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 2;
    vb_source *s = vb_source_new(&spec, NULL, NULL);
    assert_non_null(s);
    assert_int_equal(vb_source_format(s), VB_FORMAT_CSV);
    assert_string_equal(vb_source_keep_names(s)[0], "STORE"); /* before the header */
    const char in[] = "id,store,feedback\n1,north,ok\n";
    assert_int_equal(vb_source_feed(s, in, sizeof in - 1), VB_OK);
    vb_source_record r;
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.text.len, 2);
    assert_memory_equal(r.text.data, "ok", 2);
    assert_string_equal(vb_source_keep_names(s)[0], "store");
    assert_string_equal(vb_source_keep_names(s)[1], "id");
    assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    assert_int_equal(vb_source_finish(s), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_DONE);
    assert_int_equal(vb_source_next(s, &r), VB_DONE);
    vb_source_free(s);
}

static void test_text_column_detection(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec(NULL, NULL);
    /* Priority order: "feedback" beats "notes" whatever the column order. */
    check_records(&spec, "Notes,Customer_Feedback,feedback\nn,c,f\n", "2: t=[f] id=-\n");
    /* Spaces, '_' and '-' are ignored: "Review Text" is "reviewtext". */
    check_records(&spec, "id,Review Text\n1,good\n", "2: t=[good] id=-\n");
    check_records(&spec, "id,open-end\n1,x\n", "2: t=[x] id=-\n");
    /* Fallback: a name containing a hint, skipping ids, dates, ratings. */
    check_records(&spec, "comment_id,comment_date,review_rating,Q5 free text\n1,2,3,yes\n",
                  "2: t=[yes] id=-\n");
    check_records(&spec, "id,Customer Comments (optional)\n1,fine\n", "2: t=[fine] id=-\n");
    check_records(&spec, "id,score,date\n1,9,2024-01-01\n",
                  "FATAL EINVAL(no text column found; columns are: id, score, date (choose one "
                  "with --text-col))\n");
}

static void test_ragged_rows(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    const char *keep[] = {"store"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 1;
    check_records(&spec,
                  "id,comment,store\n"
                  "1,full,north\n"
                  "2,no store\n"
                  "3\n"
                  "4,extra,south,x,y\n"
                  ",,\n",
                  "2: t=[full] id=[1] k=[north]\n"
                  "3: t=[no store] id=[2] k=-\n"
                  "4: !EPARSE(field \"comment\": missing (row has 1 field)) id=[3] k=-\n"
                  "5: t=[extra] id=[4] k=[south]\n"
                  "6: t=[] id=[] k=[]\n");
    spec.has_header = false;
    spec.text_col = "3";
    spec.id_col = NULL;
    spec.n_keep_cols = 0;
    check_records(&spec, "a,b\n", "1: !EPARSE(field 3: missing (row has 2 fields)) id=-\n");
}

static void test_lenient_quotes(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("2", NULL);
    spec.has_header = false;
    check_records(&spec,
                  "1,5\" screen\n"
                  "2,\"quoted\" and more\n"
                  "3,\"a\"\"b\"c\"d\n"
                  "4,x\"\"y\n",
                  "1: t=[5\" screen] id=-\n"
                  "2: t=[quoted and more] id=-\n"
                  "3: t=[a\"bc\"d] id=-\n"
                  "4: t=[x\"\"y] id=-\n");
}

static void test_blank_lines_are_not_records(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", NULL);
    check_records(&spec, "\n\r\ncomment\n\nfirst\r\n\r\n\rsecond\n\n",
                  "5: t=[first] id=-\n"
                  "8: t=[second] id=-\n");
    /* An empty quoted field is a record, not a blank line. */
    check_records(&spec, "comment\n\"\"\n", "2: t=[] id=-\n");
}

static void test_unterminated_quote_at_eof(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    check_records(&spec, "id,comment\n1,ok\n2,\"never closed\n3,still inside\n",
                  "2: t=[ok] id=[1]\n"
                  "3: !EPARSE(field \"comment\": unterminated quoted field (lines 3-4, the rest "
                  "of the input)) id=-\n");
    /* Also when the open field went over the limit on the way. */
    spec.max_field_bytes = 8;
    check_records(&spec, "id,comment\n2,\"far more than eight bytes\n",
                  "2: !EPARSE(field \"comment\": unterminated quoted field (line 2, the rest of "
                  "the input)) id=-\n");
}

/* A stray quote opens a value that runs to the next quote, lines later, and
 * text follows that quote: the joined lines are rejected as one record (id
 * known, lines named), where an RFC reading would pass them silently. Text
 * after the quote of a one-line value, or a multi-line value closed
 * properly, is not that mark. */
static void test_stray_quote(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    check_records(&spec,
                  "id,comment\n"
                  "1,\"stray\n"
                  "2,joined\n"
                  "3,\"hidden\" here\n"
                  "4,\"two\nlines\"\n"
                  "5,\"one\"line\n"
                  "6,\"open\n\"x",
                  "2: !EPARSE(field \"comment\": text after the closing quote of a value over "
                  "lines 2-4: a stray quote? Those lines were read as this one record) id=[1]\n"
                  "5: t=[two\\nlines] id=[4]\n"
                  "7: t=[oneline] id=[5]\n"
                  "8: !EPARSE(field \"comment\": text after the closing quote of a value over "
                  "lines 8-9: a stray quote? Those lines were read as this one record) id=[6]\n");
    check_records(&spec, "id,\"com\nment\"x\n1,a\n",
                  "FATAL EPARSE(header row (lines 1-2): text after the closing quote of a name "
                  "over several lines: a stray quote?)\n");
}

static void test_field_over_limit(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    spec.max_field_bytes = 7;
    check_records(&spec,
                  "id,comment,other\n"
                  "1,short,x\n"
                  "2,\"much too long, \"\"quoted\"\"\nand more\",x\n"
                  "3,fine,longer-than-seven\n"
                  "4,\"ab\"\"cde\",x\n"
                  "5,12345678\n"
                  "6,last\n",
                  "2: t=[short] id=[1]\n"
                  "3: !ELIMIT(field \"comment\": longer than 7 bytes) id=-\n"
                  "5: !ELIMIT(field \"other\": longer than 7 bytes) id=-\n"
                  "6: t=[ab\"cde] id=[4]\n"
                  "7: !ELIMIT(field \"comment\": longer than 7 bytes) id=-\n"
                  "8: t=[last] id=[6]\n");
}

/* A 4 MiB field in 4 KiB chunks against a 1000-byte limit: the source
 * must drop it as it streams, so memory stays near one chunk. */
static void test_field_over_limit_keeps_memory_bounded(void **state)
{
    (void)state;
    for (int quoted = 0; quoted < 2; quoted++) {
        vb_source_spec spec = csv_spec("comment", "id");
        spec.max_field_bytes = 1000;
        ta_reset(SIZE_MAX);
        vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
        assert_non_null(s);
        char chunk[4096];
        vb_source_record r;
        const char *head = quoted ? "id,comment\n1,\"" : "id,comment\n1,";
        assert_int_equal(vb_source_feed(s, head, strlen(head)), VB_OK);
        memset(chunk, quoted ? '"' : 'x', sizeof chunk); /* "" pairs: escaped quotes */
        for (int i = 0; i < 1024; i++) {
            assert_int_equal(vb_source_feed(s, chunk, sizeof chunk), VB_OK);
            assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
        }
        const char *tail = quoted ? "\"\n2,after\n" : "\n2,after\n";
        assert_int_equal(vb_source_feed(s, tail, strlen(tail)), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_OK);
        assert_int_equal(r.status, VB_ELIMIT);
        assert_int_equal(r.line, 2);
        assert_string_equal(r.error, "field \"comment\": longer than 1000 bytes");
        assert_null(r.text.data);
        assert_int_equal(vb_source_next(s, &r), VB_OK);
        assert_int_equal(r.status, VB_OK);
        assert_int_equal(r.line, 3);
        assert_memory_equal(r.text.data, "after", 5);
        /* One chunk, a partial record under the limit, and small change. */
        assert_true(ta.peak_bytes < 24 * 1024);
        vb_source_free(s);
        assert_int_equal(ta.live_blocks, 0);
    }
}

/* Many small fields add up: the record cap (4 x max_field_bytes + 64 KiB)
 * stops a row that never ends from growing without bound. */
static void test_record_over_limit(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", NULL);
    spec.max_field_bytes = 10;
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    assert_int_equal(vb_source_feed(s, "comment\nx", 9), VB_OK);
    char many[1000];
    memset(many, ',', sizeof many);
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(vb_source_feed(s, many, sizeof many), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    }
    assert_int_equal(vb_source_feed(s, "\nok\n", 4), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.status, VB_ELIMIT);
    assert_string_equal(r.error, "record longer than 65576 bytes");
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.status, VB_OK);
    assert_int_equal(r.line, 3);
    assert_true(ta.peak_bytes < 200 * 1024);
    vb_source_free(s);
}

static void test_tsv(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_TSV);
    spec.id_col = "id";
    check_records(&spec,
                  "id\tcomment\n"
                  "1\tcommas, stay\n"
                  "2\t\"quoted\ttab\"\n"
                  "3\tsays \"hi\"\n"
                  "4\t\n",
                  "2: t=[commas, stay] id=[1]\n"
                  "3: t=[quoted\\ttab] id=[2]\n"
                  "4: t=[says \"hi\"] id=[3]\n"
                  "5: t=[] id=[4]\n");
}

static void test_nul_bytes_are_data(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", NULL);
    const char in[] = "comment\na\0b\n\"c\0\"\n";
    check_records_n(&spec, in, sizeof in - 1, "2: t=[a\\0b] id=-\n3: t=[c\\0] id=-\n");
}

/* The scanner on its own: values unescaped in place, spans, and the
 * discard that keeps skipped bytes out of the caller's buffer. */
static void test_scanner_directly(void **state)
{
    (void)state;
    vb_csv c;
    vb_csv_init(&c, NULL, ',', 4, 1000);
    vb_csv_row row;
    size_t discard;
    char buf[] = "\"a\"\"b\",c\r\n";
    assert_int_equal(vb_csv_scan(&c, buf, 5, false, &row, &discard), VB_AGAIN);
    assert_int_equal(discard, 0);
    assert_int_equal(vb_csv_scan(&c, buf, sizeof buf - 1, false, &row, &discard), VB_OK);
    assert_int_equal(row.n_fields, 2);
    assert_int_equal(row.used, 9); /* the LF is left for the caller */
    assert_true(row.ended_cr);
    assert_int_equal(row.n_lines, 1);
    assert_memory_equal(buf + row.fields[0].off, "a\"b", 3);
    assert_int_equal(row.fields[0].len, 3);
    assert_memory_equal(buf + row.fields[1].off, "c", 1);

    char big[] = "toolong";
    assert_int_equal(vb_csv_scan(&c, big, 7, false, &row, &discard), VB_AGAIN);
    assert_int_equal(discard, 7);
    char rest[] = "er,x\n";
    assert_int_equal(vb_csv_scan(&c, rest, 5, false, &row, &discard), VB_OK);
    assert_int_equal(row.error, VB_CSV_FIELD_TOO_LONG);
    assert_int_equal(row.error_field, 0);
    assert_int_equal(row.n_fields, 2);
    assert_int_equal(vb_csv_scan(&c, rest, 0, true, &row, &discard), VB_DONE);
    vb_csv_free(&c);
}

/* 100,000 "" pairs, fed one byte at a time: linear, not quadratic. */
static void test_pathological_quotes_fed_bytewise(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", NULL);
    const size_t n = 200000;
    char *in = malloc(n + 32);
    assert_non_null(in);
    memcpy(in, "comment\n\"", 9);
    memset(in + 9, '"', n);
    memcpy(in + 9 + n, "\"\n", 2);
    vb_source *s = vb_source_new(&spec, NULL, NULL);
    assert_non_null(s);
    vb_source_record r;
    for (size_t i = 0; i < n + 11; i++) {
        assert_int_equal(vb_source_feed(s, in + i, 1), VB_OK);
        vb_status st = vb_source_next(s, &r);
        if (st == VB_OK) {
            assert_int_equal(i, n + 10);
            assert_int_equal(r.text.len, n / 2);
            assert_int_equal(r.text.data[0], '"');
            assert_int_equal(r.text.data[n / 2 - 1], '"');
        } else {
            assert_int_equal(st, VB_AGAIN);
        }
    }
    vb_source_free(s);
    free(in);
}

static void test_csv_survives_every_oom(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec(NULL, "id");
    const char *keep[] = {"store"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 1;
    const char in[] = "\xEF\xBB\xBFid,store,comment,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
                      "1,north,\"x, y\"\n2,south,z\n";
    const char *expected = "2: t=[x, y] id=[1] k=[north]\n3: t=[z] id=[2] k=[south]\n";
    check_every_oom(&spec, in, sizeof in - 1, 7, expected);
    check_every_oom(&spec, in, sizeof in - 1, sizeof in, expected);
}

/* Steady state: once warmed up, more rows cost no allocation. */
static void test_no_allocation_per_record(void **state)
{
    (void)state;
    vb_source_spec spec = csv_spec("comment", "id");
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    const char *row = "12,\"a comment, with \"\"quotes\"\"\",x\n";
    assert_int_equal(vb_source_feed(s, "id,comment\n", 11), VB_OK);
    size_t calls = 0;
    for (int i = 0; i < 2000; i++) {
        if (i == 10) calls = ta.n_calls;
        assert_int_equal(vb_source_feed(s, row, strlen(row)), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_OK);
        assert_int_equal(r.status, VB_OK);
        assert_int_equal(r.line, (size_t)i + 2);
        assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    }
    assert_int_equal(ta.n_calls, calls);
    vb_source_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoted_commas_quotes_newlines),
        cmocka_unit_test(test_line_ends_crlf_lf_cr),
        cmocka_unit_test(test_bom_is_skipped),
        cmocka_unit_test(test_header_vs_no_header),
        cmocka_unit_test(test_column_by_name_and_number),
        cmocka_unit_test(test_keep_names_come_from_header),
        cmocka_unit_test(test_text_column_detection),
        cmocka_unit_test(test_ragged_rows),
        cmocka_unit_test(test_lenient_quotes),
        cmocka_unit_test(test_blank_lines_are_not_records),
        cmocka_unit_test(test_unterminated_quote_at_eof),
        cmocka_unit_test(test_stray_quote),
        cmocka_unit_test(test_field_over_limit),
        cmocka_unit_test(test_field_over_limit_keeps_memory_bounded),
        cmocka_unit_test(test_record_over_limit),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_nul_bytes_are_data),
        cmocka_unit_test(test_scanner_directly),
        cmocka_unit_test(test_pathological_quotes_fed_bytewise),
        cmocka_unit_test(test_csv_survives_every_oom),
        cmocka_unit_test(test_no_allocation_per_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_jsonl.c: JSON Lines records (jsonl.c, framed by source.c).
 *
 * Inputs are replayed whole, one byte at a time and in random chunks; the
 * expected string has one line per record (see harness.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../fixtures/readers/harness.h"
#include "jsonl.h"

static vb_source_spec jsonl_spec(const char *text, const char *id)
{
    vb_source_spec spec = spec_of(VB_FORMAT_JSONL);
    spec.text_col = text;
    spec.id_col = id;
    return spec;
}

static void test_dotted_paths(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("user.comment", "meta.a.b.c");
    const char *keep[] = {"user.name", "Meta.A.B.C"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 2;
    check_records(&spec,
                  "{\"user\":{\"comment\":\"nested\",\"name\":\"Ann\"},"
                  "\"meta\":{\"a\":{\"b\":{\"c\":7}}}}\n"
                  /* A top-level key with dots wins over the nested path. */
                  "{\"user.comment\":\"flat\",\"user\":{\"comment\":\"nested\"}}\n"
                  /* Dots inside a key at a deeper level. */
                  "{\"user\":{\"comment\":\"x\"},\"meta\":{\"a.b\":{\"c\":\"dots\"}}}\n"
                  /* Exact first, then ignoring case. */
                  "{\"USER\":{\"Comment\":\"shouty\"},\"user\":{\"name\":\"lower\"}}\n",
                  "1: t=[nested] id=[7] k=[Ann] k=[7]\n"
                  "2: t=[flat] id=- k=- k=-\n"
                  "3: t=[x] id=[dots] k=- k=[dots]\n"
                  "4: t=[shouty] id=- k=[lower] k=-\n");
}

static void test_value_types(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    const char *keep[] = {"n", "f", "t", "z", "o", "a", "missing", "big", "frac", "huge", "neg0"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 11;
    /* Numbers come out as the line writes them. */
    check_records(&spec,
                  "{\"c\":\"tab\\there \\\"q\\\" \\u00e9\\ud83d\\ude00 \\/\",\"id\":12,"
                  "\"n\":-1.5e3,\"f\":false,\"t\":true,\"z\":null,"
                  "\"o\":{ \"k\" : [1, 2] },\"a\":[ ],"
                  "\"big\":1234567890123456,\"frac\":0.25,\"huge\":1e300,\"neg0\":-0}\n",
                  "1: t=[tab\\there \"q\" \xC3\xA9\xF0\x9F\x98\x80 /] id=[12] k=[-1.5e3] "
                  "k=[false] k=[true] k=- k=[{\"k\":[1,2]}] k=[[]] k=- "
                  "k=[1234567890123456] k=[0.25] k=[1e300] k=[-0]\n");
}

/* A double holds integers exactly only up to 2^53: ids past it, and
 * numbers with trailing zeros, are taken from the line, not from cJSON's
 * double. Numbers inside strings, keys and nested values before them must
 * not be counted. */
static void test_numbers_as_written(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    const char *keep[] = {"score", "deep.v", "huge"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 3;
    check_records(&spec,
                  "{\"c\":\"room 101, \\\"2\\\" nights\",\"9\":[7,-8.0e1,{\"x\":3}],"
                  "\"id\":1234567890123456789,\"score\":4.50,"
                  "\"deep\":{\"v\":0.10},\"huge\":1e400}\n"
                  "{\"id\":1234567890123456790,\"c\":\"x\",\"score\":10}\n",
                  "1: t=[room 101, \"2\" nights] id=[1234567890123456789] k=[4.50] k=[0.10] "
                  "k=[1e400]\n"
                  "2: t=[x] id=[1234567890123456790] k=[10] k=- k=-\n");
}

static void test_invalid_and_non_object_lines(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", NULL);
    check_records(&spec,
                  "{\"c\":\"ok\"}\n"
                  "{\"c\": oops}\n"
                  "{\"c\":\"unterminated\n"
                  "[1,2]\n"
                  "\"just a string\"\n"
                  "42\n"
                  "null\n"
                  "{\"c\":\"x\"} trailing\n"
                  "{\"c\":\"x\"}{\"c\":\"y\"}\n"
                  "{\"c\":\"fine\"}\n",
                  "1: t=[ok] id=-\n"
                  "2: !EPARSE(invalid JSON at column 7) id=-\n"
                  "3: !EPARSE(invalid JSON at column 7) id=-\n"
                  "4: !EPARSE(not a JSON object (found an array)) id=-\n"
                  "5: !EPARSE(not a JSON object (found a string)) id=-\n"
                  "6: !EPARSE(not a JSON object (found a number)) id=-\n"
                  "7: !EPARSE(not a JSON object (found null)) id=-\n"
                  "8: !EPARSE(invalid JSON at column 11: text after the value) id=-\n"
                  "9: !EPARSE(invalid JSON at column 10: text after the value) id=-\n"
                  "10: t=[fine] id=-\n");
}

static void test_deep_nesting(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", NULL);
    const size_t depth = 10000;
    char *in = malloc(2 * depth + 2200);
    assert_non_null(in);
    size_t n = 0;
    memset(in, '[', depth);
    n = depth;
    in[n++] = '\n';
    n += (size_t)sprintf(in + n, "{\"c\":\"x\",\"deep\":");
    memset(in + n, '[', depth);
    n += depth;
    in[n++] = '\n';
    n += (size_t)sprintf(in + n, "{\"c\":\"after\"}\n");
    /* Just under the limit is fine: 999 arrays inside the object. */
    n += (size_t)sprintf(in + n, "{\"c\":\"ok\",\"d\":");
    memset(in + n, '[', 999);
    n += 999;
    memset(in + n, ']', 999);
    n += 999;
    n += (size_t)sprintf(in + n, "}\n");
    check_records_n(&spec, in, n,
                    "1: !ELIMIT(JSON nested deeper than 1000 levels) id=-\n"
                    "2: !ELIMIT(JSON nested deeper than 1000 levels) id=-\n"
                    "3: t=[after] id=-\n"
                    "4: t=[ok] id=-\n");
    free(in);
}

static void test_blank_lines_and_crlf(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", NULL);
    check_records(&spec, "\n   \n{\"c\":\"one\"}\r\n\r\n \t \r\n{\"c\":\"two\"}\r{\"c\":\"three\"}",
                  "3: t=[one] id=-\n"
                  "6: t=[two] id=-\n"
                  "7: t=[three] id=-\n");
}

static void test_text_key_detection(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec(NULL, "id");
    /* Detected from the first object that has a likely key, used for every
     * later one; an object without it is an empty comment, as is null. */
    check_records(&spec,
                  "not json\n"
                  "{\"id\":0,\"score\":9}\n"
                  "{\"id\":1,\"Review Text\":\"good\",\"comment\":\"better\"}\n"
                  "{\"id\":2,\"comment\":\"still comment\"}\n"
                  "{\"id\":3,\"Review Text\":\"no comment key\"}\n"
                  "{\"id\":4,\"comment\":null}\n",
                  "1: !EPARSE(invalid JSON at column 1) id=-\n"
                  "2: t=[] id=[0]\n"
                  "3: t=[better] id=[1]\n"
                  "4: t=[still comment] id=[2]\n"
                  "5: t=[] id=[3]\n"
                  "6: t=[] id=[4]\n");
    /* No object has one: each is read, then the input is refused. */
    check_records(&spec, "{\"id\":1,\"score\":9,\"date\":\"2024\"}\n",
                  "1: t=[] id=[1]\n"
                  "FATAL EINVAL(none of the 1 objects has a key that looks like the comment "
                  "(choose one with --text-col))\n");
    /* A key given that no object has: the same, naming it. */
    vb_source_spec given = jsonl_spec("coment", "id");
    check_records(&given, "{\"id\":1,\"comment\":\"late\"}\n{\"id\":2,\"coment\":null}\n",
                  "1: t=[] id=[1]\n2: t=[] id=[2]\n");
    check_records(&given, "{\"id\":1,\"comment\":\"late\"}\n",
                  "1: t=[] id=[1]\n"
                  "FATAL EINVAL(none of the 1 objects has the text key \"coment\": all were "
                  "read as empty comments (choose the key with --text-col))\n");
}

static void test_field_and_line_limits(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    spec.max_field_bytes = 8;
    check_records(&spec,
                  "{\"c\":\"12345678\",\"id\":1}\n"
                  "{\"c\":\"123456789\",\"id\":2}\n"
                  "{\"c\":\"ok\",\"id\":\"a very long id\"}\n",
                  "1: t=[12345678] id=[1]\n"
                  "2: !ELIMIT(field \"c\": longer than 8 bytes) id=[2]\n"
                  "3: !ELIMIT(field \"id\": longer than 8 bytes) id=-\n");

    /* A line over the record cap is dropped while it streams. */
    spec.max_field_bytes = 100;
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    char chunk[4096];
    memset(chunk, ' ', sizeof chunk);
    assert_int_equal(vb_source_feed(s, "{\"c\":\"x\"", 8), VB_OK);
    for (int i = 0; i < 256; i++) {
        assert_int_equal(vb_source_feed(s, chunk, sizeof chunk), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    }
    assert_int_equal(vb_source_feed(s, "}\n{\"c\":\"y\"}\n", 12), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.status, VB_ELIMIT);
    /* It starts an object: read as an envelope as it streamed, it held
     * no records. */
    assert_string_equal(r.error, "line longer than 65936 bytes, with no array of objects in it");
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.line, 2);
    assert_memory_equal(r.text.data, "y", 1);
    assert_true(ta.peak_bytes < 160 * 1024);
    vb_source_free(s);
    assert_int_equal(ta.live_blocks, 0);
}

/* An envelope on one line over the record cap (an API's answer saved
 * whole) streams: every record in it is read, in bounded memory; the
 * lines after it are read as before. */
static void test_long_line_envelope_streams(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    spec.max_field_bytes = 100; /* records up to 65,936 bytes */
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    enum { RECORDS = 20000 }; /* 20 bytes each: 400,000 bytes on the line */
    size_t read = 0;
    const char *head = "{\"total\":20000,\"data\":[";
    assert_int_equal(vb_source_feed(s, head, strlen(head)), VB_OK);
    for (int i = 0; i < RECORDS; i++) {
        char rec[32];
        const int n =
            snprintf(rec, sizeof rec, "%s{\"c\":\"r%05d\",\"id\":1}", i > 0 ? "," : "", i);
        assert_int_equal(vb_source_feed(s, rec, (size_t)n), VB_OK);
        vb_status st;
        while ((st = vb_source_next(s, &r)) == VB_OK) {
            assert_int_equal(r.status, VB_OK);
            assert_int_equal(r.line, 1);
            char want[8];
            snprintf(want, sizeof want, "r%05zu", read);
            assert_int_equal(r.text.len, 6);
            assert_memory_equal(r.text.data, want, 6);
            read++;
        }
        assert_int_equal(st, VB_AGAIN);
    }
    const char *tail = "],\"next\":null}\n{\"c\":\"y\"}\n";
    assert_int_equal(vb_source_feed(s, tail, strlen(tail)), VB_OK);
    assert_int_equal(vb_source_finish(s), VB_OK);
    vb_status st;
    while ((st = vb_source_next(s, &r)) == VB_OK) {
        assert_int_equal(r.status, VB_OK);
        if (read++ == RECORDS) {
            assert_int_equal(r.line, 2);
            assert_memory_equal(r.text.data, "y", 1);
        }
    }
    assert_int_equal(st, VB_DONE);
    assert_int_equal(read, RECORDS + 1);
    assert_true(ta.peak_bytes < 160 * 1024);
    vb_source_free(s);
    assert_int_equal(ta.live_blocks, 0);
}

/* A JSON array of objects (json_array.c): one record per element, on
 * the line where it starts. A ',' or ']' inside a string or a nested
 * value does not end an element. */
static void test_array_of_objects(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    /* Compact, as an API returns it. */
    check_records(&spec,
                  "[{\"c\":\"a, [b]\",\"id\":1},"
                  "{\"c\":\"q \\\"]\\\" q\",\"id\":2,\"o\":{\"x\":[1,{\"y\":\"}\"}]}},\n"
                  " {\"c\":\"third\",\"id\":3}]\n",
                  "1: t=[a, [b]] id=[1]\n"
                  "1: t=[q \"]\" q] id=[2]\n"
                  "2: t=[third] id=[3]\n");
    /* Pretty-printed with CRLF line ends; an empty element and a trailing
     * comma are none. */
    check_records(&spec,
                  "\r\n[\r\n  {\r\n    \"id\": 1,\r\n    \"c\": \"one\"\r\n  },,\r\n"
                  "  {\"id\": 2, \"c\": \"two\"},\r\n]\r\n",
                  "3: t=[one] id=[1]\n"
                  "7: t=[two] id=[2]\n");
    /* Arrays one after another (pages of an API), then JSON Lines; an
     * empty array has no records. */
    check_records(&spec, "[{\"c\":\"a\"}]\n[{\"c\":\"b\"}][ ]\r\n[{\"c\":\"c\"}] \n{\"c\":\"d\"}\n",
                  "1: t=[a] id=-\n"
                  "2: t=[b] id=-\n"
                  "3: t=[c] id=-\n"
                  "4: t=[d] id=-\n");
    /* Only an array of objects is read element by element: a first line
     * that is another array is a JSON Lines record that is not an object. */
    check_records(&spec, "[1, 2]\n{\"c\":\"x\"}\n",
                  "1: !EPARSE(not a JSON object (found an array)) id=-\n"
                  "2: t=[x] id=-\n");
    /* Read from stdin, an array of objects is JSON; "[x]" opens text. */
    vb_source_spec sniffed = spec_of(VB_FORMAT_AUTO);
    check_records(&sniffed, " [\n  {\"comment\":\"x\"}\n]\n", "2: t=[x] id=-\n");
    check_records(&sniffed, "[x] done\n[ ] to do\n",
                  "1: t=[[x] done] id=-\n2: t=[[ ] to do] id=-\n");
}

/* A bad element is rejected on its own, named by the line where it
 * starts and, past a line end inside it, the line of the mistake. */
static void test_array_errors(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    check_records(&spec,
                  "[\n"
                  "  {\"c\": \"ok\", \"id\": 1},\n"
                  "  {\"c\": oops, \"id\": 2},\n"
                  "  {\n"
                  "    \"c\": \"left open,\n"
                  "    \"id\": 3\n"
                  "  },\n"
                  "  \"a string\",\n"
                  "  {\"c\": \"last\", \"id\": 4}\n"
                  "]\n",
                  "2: t=[ok] id=[1]\n"
                  "3: !EPARSE(invalid JSON at column 9) id=-\n"
                  "4: !EPARSE(invalid JSON at line 6, column 6) id=-\n"
                  "8: !EPARSE(not a JSON object (found a string)) id=-\n"
                  "9: t=[last] id=[4]\n");
    /* Cut off inside an element: that element is rejected. */
    check_records(&spec, "[{\"c\":\"x\",\"id\":1},\n{\"c\":\"y\",\"o\":[1,2",
                  "1: t=[x] id=[1]\n"
                  "2: !EPARSE(the input ends inside this array element (a string or bracket "
                  "left open)) id=-\n");
    /* Cut off after one: nothing is lost. */
    check_records(&spec, "[{\"c\":\"x\",\"id\":1},\n{\"c\":\"y\"}",
                  "1: t=[x] id=[1]\n2: t=[y] id=-\n");
}

/* An element over the record cap is dropped while it streams, as a long
 * line is, even where the whole array is one line. */
static void test_array_element_limit(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec("c", "id");
    spec.max_field_bytes = 100;
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    char chunk[4096];
    memset(chunk, 'z', sizeof chunk);
    const char head[] = "[{\"c\":\"x\",\"id\":1},{\"c\":\"";
    assert_int_equal(vb_source_feed(s, head, sizeof head - 1), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_memory_equal(r.text.data, "x", 1);
    for (int i = 0; i < 256; i++) {
        assert_int_equal(vb_source_feed(s, chunk, sizeof chunk), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    }
    const char tail[] = "\",\"id\":2},{\"c\":\"y\",\"id\":3}]";
    assert_int_equal(vb_source_feed(s, tail, sizeof tail - 1), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.status, VB_ELIMIT);
    assert_string_equal(r.error, "array element longer than 65936 bytes");
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.status, VB_OK);
    assert_memory_equal(r.text.data, "y", 1);
    assert_memory_equal(r.id.data, "3", 1);
    assert_int_equal(vb_source_finish(s), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_DONE);
    assert_true(ta.peak_bytes < 160 * 1024);
    vb_source_free(s);
    assert_int_equal(ta.live_blocks, 0);

    /* Blank lines before the first record, which says whether the input
     * is an array, stream past too. */
    ta_reset(SIZE_MAX);
    s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    memset(chunk, '\n', sizeof chunk);
    chunk[0] = '\r';
    for (int i = 0; i < 256; i++) {
        assert_int_equal(vb_source_feed(s, chunk, sizeof chunk), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    }
    const char array[] = "[{\"c\":\"z\"}]";
    assert_int_equal(vb_source_feed(s, array, sizeof array - 1), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(r.line, 256 * 4095 + 1); /* each chunk: a CRLF, then 4094 LFs */
    assert_memory_equal(r.text.data, "z", 1);
    assert_true(ta.peak_bytes < 160 * 1024);
    vb_source_free(s);
    assert_int_equal(ta.live_blocks, 0);
}

/* An envelope, an object that holds the records in an array as an API
 * answers: the records are that array's objects, its other members
 * passed over, on one line or pretty-printed; pages one after another,
 * the last one empty. */
static void test_envelopes(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec(NULL, "id");
    check_records(&spec,
                  "{\"total\":2,\"tags\":[1,[2]],\"items\":[{\"id\":1,\"comment\":\"a ]}\"},"
                  "{\"id\":2,\"comment\":\"b\",\"o\":[{\"x\":\"}\"}]}],\"next\":\"?p=2\"}\n",
                  "1: t=[a ]}] id=[1]\n"
                  "1: t=[b] id=[2]\n");
    check_records(
        &spec,
        "{\r\n  \"data\": [\r\n    {\r\n      \"id\": 1,\r\n      \"comment\": \"one\"\r\n"
        "    },\r\n    {\"id\": 2, \"comment\": \"two\"}\r\n  ],\r\n"
        "  \"links\": {\"next\": null}\r\n}\r\n",
        "3: t=[one] id=[1]\n"
        "7: t=[two] id=[2]\n");
    check_records(&spec,
                  "{\"data\":[{\"id\":1,\"comment\":\"a\"}],\"next\":2}\n"
                  "{\"data\":[{\"id\":2,\"comment\":\"b\"},{\"id\":3,\"comment\":\"c\"}]}\n"
                  "{\"data\":[],\"next\":null}\n",
                  "1: t=[a] id=[1]\n"
                  "2: t=[b] id=[2]\n"
                  "2: t=[c] id=[3]\n");
    /* The text key asked for, as a dotted path, says which objects are
     * records. */
    vb_source_spec body = jsonl_spec("attributes.body", "id");
    check_records(&body,
                  "{\"data\":[{\"id\":\"7\",\"attributes\":{\"rating\":5,\"body\":\"ok\"}}],"
                  "\"links\":{}}\n",
                  "1: t=[ok] id=[7]\n");
    /* An object with a comment of its own is a record, whatever it holds;
     * so is one that left its comment out, once the records are at the top. */
    check_records(&spec,
                  "{\"id\":1,\"comment\":\"mine\",\"replies\":[{\"comment\":\"theirs\"}]}\n"
                  "{\"id\":2,\"replies\":[{\"comment\":\"theirs\"}]}\n",
                  "1: t=[mine] id=[1]\n"
                  "2: t=[] id=[2]\n");
    /* An array of objects without a comment is no envelope. */
    check_records(&spec, "{\"id\":1,\"tags\":[{\"t\":\"x\"}]}\n{\"id\":2,\"comment\":\"c\"}\n",
                  "1: t=[] id=[1]\n"
                  "2: t=[c] id=[2]\n");
    /* Pretty-printed and not JSON: rejected as one record, unless its
     * brackets hold records. */
    check_records(&spec, "{\n  \"id\": 1,\n  \"comment\": oops\n}\n",
                  "1: !EPARSE(invalid JSON at line 3, column 14) id=-\n");
    vb_source_spec sniffed = spec_of(VB_FORMAT_AUTO);
    check_records(&sniffed, "{\n  \"data\": [\n    {\"comment\": \"from stdin\"}\n  ]\n}\n",
                  "3: t=[from stdin] id=-\n");
    /* A bad record in an envelope is rejected on its own. */
    check_records(&spec,
                  "{\n  \"data\": [\n    {\"id\": 1, \"comment\": oops},\n"
                  "    {\"id\": 2, \"comment\": \"fine\"}\n  ]\n}\n",
                  "3: !EPARSE(invalid JSON at column 26) id=-\n"
                  "4: t=[fine] id=[2]\n");
}

/* Objects pretty-printed one after another (as jq prints them), each a
 * record (once one has had its comment, one without is a record with an
 * empty comment); a mistake rejects its object alone. */
static void test_pretty_printed_objects(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec(NULL, "id");
    check_records(&spec,
                  "{\n  \"id\": 1,\n  \"comment\": \"one\",\n  \"tags\": [{\"t\": \"x\"}]\n}\n"
                  "{\n  \"id\": 2,\n  \"comment\": oops\n}\n"
                  "{\"id\": 3, \"comment\": \"three\"}\n"
                  "{\n  \"id\": 4,\n  \"tags\": [{\"comment\": \"not one\"}]\n}\n"
                  "{\n  \"id\": 5,\n  \"comment\": \"cut",
                  "1: t=[one] id=[1]\n"
                  "6: !EPARSE(invalid JSON at line 8, column 14) id=-\n"
                  "10: t=[three] id=[3]\n"
                  "11: t=[] id=[4]\n"
                  "15: !EPARSE(the input ends inside this object (a string or bracket left "
                  "open)) id=-\n");
}

/* A pretty-printed object too long to parse whole is read as an envelope
 * as it streams: memory stays bounded, and one with no records in it is
 * rejected as one record. */
static void test_envelope_streams(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec(NULL, "id");
    spec.max_field_bytes = 100; /* objects over 65936 bytes stream */
    ta_reset(SIZE_MAX);
    vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
    assert_non_null(s);
    vb_source_record r;
    const char head[] = "{\n  \"total\": 512,\n  \"data\": [\n";
    assert_int_equal(vb_source_feed(s, head, sizeof head - 1), VB_OK);
    char rec[64];
    for (int i = 0; i < 4096; i++) {
        const int n = snprintf(rec, sizeof rec, "    {\"id\": %d, \"comment\": \"fine\"},\n", i);
        assert_int_equal(vb_source_feed(s, rec, (size_t)n), VB_OK);
        vb_status st;
        while ((st = vb_source_next(s, &r)) == VB_OK) {
            assert_int_equal(r.status, VB_OK);
            assert_memory_equal(r.text.data, "fine", 4);
        }
        assert_int_equal(st, VB_AGAIN);
    }
    const char tail[] = "    {\"id\": 4096, \"comment\": \"last\"}\n  ],\n  \"next\": null\n}\n"
                        "{\n  \"id\": 4097,\n  \"comment\": \"after\"\n}\n";
    assert_int_equal(vb_source_feed(s, tail, sizeof tail - 1), VB_OK);
    assert_int_equal(vb_source_finish(s), VB_OK);
    size_t ok = 0;
    while (vb_source_next(s, &r) == VB_OK) {
        assert_int_equal(r.status, VB_OK);
        ok++;
    }
    assert_int_equal(ok, 2);
    assert_int_equal(r.line, 4104);
    assert_memory_equal(r.text.data, "after", 5);
    assert_true(ta.peak_bytes < 256 * 1024);
    vb_source_free(s);
    assert_int_equal(ta.live_blocks, 0);

    /* No array of objects in it: one record, rejected. */
    char big[70000];
    const char open[] = "{\n  \"id\": 1,\n  \"comment\": \"";
    memcpy(big, open, sizeof open - 1);
    memset(big + sizeof open - 1, 'z', sizeof big - sizeof open - 1);
    memcpy(big + sizeof big - 5, "\"\n}\n", 4);
    big[sizeof big - 1] = '{';
    char *in = malloc(sizeof big + 32);
    assert_non_null(in);
    memcpy(in, big, sizeof big);
    const char after[] = "\"id\":2,\"comment\":\"x\"}\n";
    memcpy(in + sizeof big, after, sizeof after);
    check_records_n(&spec, in, sizeof big + sizeof after - 1,
                    "1: !ELIMIT(object longer than 65936 bytes, with no array of objects in it) "
                    "id=-\n"
                    "5: t=[x] id=[2]\n");
    free(in);
}

/* jsonl.c on its own. */
static void test_module_directly(void **state)
{
    (void)state;
    vb_jsonl *j = vb_jsonl_new(NULL);
    assert_non_null(j);
    char msg[128];
    const char line[] = "{\"a\":{\"b\":[true]},\"s\":\"v\",\"n\":null}XXXX";
    assert_int_equal(vb_jsonl_parse(j, line, sizeof line - 5, 1, 1, msg, sizeof msg), VB_OK);
    const char *keys[2];
    assert_int_equal(vb_jsonl_keys(j, keys, 2), 3);
    assert_string_equal(keys[0], "a");
    assert_string_equal(keys[1], "s");
    const char *paths[] = {"a.b", "s", "n", NULL, "a.c"};
    vb_field f[5];
    assert_int_equal(vb_jsonl_extract(j, paths, 5, f), VB_OK);
    assert_int_equal(f[0].len, 6);
    assert_memory_equal(f[0].data, "[true]", 6);
    assert_int_equal(f[1].len, 1);
    assert_memory_equal(f[1].data, "v", 1);
    assert_null(f[2].data);
    assert_null(f[3].data);
    assert_null(f[4].data);
    const vb_json_kind kinds[] = {VB_JSON_ARRAY, VB_JSON_STRING, VB_JSON_NULL, VB_JSON_ABSENT,
                                  VB_JSON_ABSENT};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(vb_jsonl_kind(j, i), kinds[i]);
    /* Not NUL-terminated, and the parse must not read past len. */
    char *exact = malloc(7);
    memcpy(exact, "{\"k\":1", 6);
    assert_int_equal(vb_jsonl_parse(j, exact, 6, 1, 1, msg, sizeof msg), VB_EPARSE);
    assert_string_equal(msg, "invalid JSON at column 6");
    free(exact);
    assert_int_equal(vb_jsonl_keys(j, keys, 2), 0);
    vb_jsonl_free(j);
    vb_jsonl_free(NULL);
}

static void test_jsonl_survives_every_oom(void **state)
{
    (void)state;
    vb_source_spec spec = jsonl_spec(NULL, "id");
    const char *keep[] = {"o", "n"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 2;
    const char in[] = "{\"id\":1,\"feedback\":\"a\",\"o\":{\"x\":[1,2,3]},\"n\":2.5}\n"
                      "bad\n"
                      "{\"id\":2,\"feedback\":\"b\"}\n";
    const char *expected = "1: t=[a] id=[1] k=[{\"x\":[1,2,3]}] k=[2.5]\n"
                           "2: !EPARSE(invalid JSON at column 1) id=- k=- k=-\n"
                           "3: t=[b] id=[2] k=- k=-\n";
    check_every_oom(&spec, in, sizeof in - 1, 5, expected);
    check_every_oom(&spec, in, sizeof in - 1, sizeof in, expected);
    /* Envelopes: an object's keys are looked at before it is a record.
     * The first object settles that objects go by line. */
    const char pages[] = "{\"items\":[{\"id\":1,\"feedback\":\"a\",\"n\":2}],\"next\":2}\n"
                         "{\"items\":[{\"id\":2,\"feedback\":\"b\"}]}\n"
                         "{\n \"items\": [{\"id\":3,\"feedback\":\"c\"}]\n}\n";
    const char *paged = "1: t=[a] id=[1] k=- k=[2]\n"
                        "2: t=[b] id=[2] k=- k=-\n"
                        "3: !EPARSE(invalid JSON at column 1) id=- k=- k=-\n"
                        "4: !EPARSE(invalid JSON at column 9: text after the value) id=- k=- k=-\n"
                        "5: !EPARSE(invalid JSON at column 1) id=- k=- k=-\n";
    check_every_oom(&spec, pages, sizeof pages - 1, 7, paged);
    const char pretty[] = "{\n \"items\": [{\"id\":1,\"feedback\":\"a\"}]\n}\n"
                          "{\n \"id\": 2,\n \"feedback\": oops\n}\n";
    check_every_oom(&spec, pretty, sizeof pretty - 1, 7,
                    "2: t=[a] id=[1] k=- k=-\n"
                    "4: !EPARSE(invalid JSON at line 6, column 14) id=- k=- k=-\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dotted_paths),
        cmocka_unit_test(test_value_types),
        cmocka_unit_test(test_numbers_as_written),
        cmocka_unit_test(test_invalid_and_non_object_lines),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_blank_lines_and_crlf),
        cmocka_unit_test(test_text_key_detection),
        cmocka_unit_test(test_field_and_line_limits),
        cmocka_unit_test(test_long_line_envelope_streams),
        cmocka_unit_test(test_array_of_objects),
        cmocka_unit_test(test_array_errors),
        cmocka_unit_test(test_array_element_limit),
        cmocka_unit_test(test_envelopes),
        cmocka_unit_test(test_pretty_printed_objects),
        cmocka_unit_test(test_envelope_streams),
        cmocka_unit_test(test_module_directly),
        cmocka_unit_test(test_jsonl_survives_every_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests for encoding.c: the input's bytes as UTF-8, fed whole and in
 * every chunk size, since the result must not depend on where a read
 * ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "encoding.h"

#include <stdlib.h>
#include <string.h>

typedef struct decoded {
    vb_status status; /* of the first call that failed, else VB_OK */
    char *bytes;      /* what came out */
    size_t len;
    size_t guess_line; /* the line that chose Windows-1252 */
    const char *error;
} decoded;

static decoded decode_in_chunks(vb_encoding enc, const char *in, size_t len, size_t chunk)
{
    vb_decoder d;
    vb_decoder_init(&d, enc, NULL);
    vb_buf out;
    vb_buf_init(&out, NULL, (size_t)1 << 24);
    decoded r = {VB_OK, NULL, 0, 0, NULL};
    for (size_t pos = 0; pos < len && r.status == VB_OK; pos += chunk)
        r.status = vb_decoder_feed(&d, in + pos, len - pos < chunk ? len - pos : chunk, &out);
    if (r.status == VB_OK) r.status = vb_decoder_finish(&d, &out);
    r.bytes = malloc(out.len + 1);
    assert_non_null(r.bytes);
    if (out.len > 0) memcpy(r.bytes, out.data, out.len);
    r.bytes[out.len] = '\0';
    r.len = out.len;
    r.guess_line = d.guess_line;
    r.error = vb_decoder_error(&d);
    vb_buf_free(&out);
    vb_decoder_free(&d);
    return r;
}

/* Decodes `in` whole and in chunks of every size up to `max_chunk` (at
 * most the input's length), checks each gives `expected` and the same
 * line, and returns that line. */
static size_t check_decoded(vb_encoding enc, const char *in, size_t len, const char *expected,
                            size_t expected_len)
{
    decoded whole = decode_in_chunks(enc, in, len, len > 0 ? len : 1);
    assert_int_equal(whole.status, VB_OK);
    assert_int_equal(whole.len, expected_len);
    assert_memory_equal(whole.bytes, expected, expected_len);
    const size_t max_chunk = len < 16 ? len : 16;
    for (size_t chunk = 1; chunk < max_chunk; chunk++) {
        decoded part = decode_in_chunks(enc, in, len, chunk);
        assert_int_equal(part.status, VB_OK);
        assert_int_equal(part.len, expected_len);
        assert_memory_equal(part.bytes, expected, expected_len);
        assert_int_equal(part.guess_line, whole.guess_line);
        free(part.bytes);
    }
    free(whole.bytes);
    return whole.guess_line;
}

#define CHECK(enc, in, expected)                                                                   \
    check_decoded(enc, in, sizeof in - 1, expected, sizeof expected - 1)

static void test_auto_reads_utf8_and_ascii_unchanged(void **state)
{
    (void)state;
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "", ""), 0);
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "a", "a"), 0);
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "id,comment\n1,ok\n", "id,comment\n1,ok\n"), 0);
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "id\n1,caf\xC3\xA9 \xE2\x80\x99\n",
                           "id\n1,caf\xC3\xA9 \xE2\x80\x99\n"),
                     0);
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "\xEF\xBB\xBFid\n1\n", "\xEF\xBB\xBFid\n1\n"), 0);
    /* The line that decides has UTF-8: a stray byte in it, or bytes
     * past it that are not UTF-8, stay as they are for the text's repair
     * to replace and count. */
    assert_int_equal(
        CHECK(VB_ENCODING_AUTO, "1,caf\xC3\xA9 \x92\n2,\x92\n", "1,caf\xC3\xA9 \x92\n2,\x92\n"), 0);
}

static void test_auto_reads_windows_1252_when_not_utf8(void **state)
{
    (void)state;
    /* Excel's "CSV" on Windows: curly quotes, dashes, accents, euro. */
    assert_int_equal(CHECK(VB_ENCODING_AUTO,
                           "id,comment\n1,fine\n2,don\x92t \x96 caf\xE9 \x80\x35\n3,\x93ok\x94\n",
                           "id,comment\n1,fine\n2,don\xE2\x80\x99t \xE2\x80\x93 caf\xC3\xA9 "
                           "\xE2\x82\xAC\x35\n3,\xE2\x80\x9Cok\xE2\x80\x9D\n"),
                     3);
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "\xE9t\xE9", "\xC3\xA9t\xC3\xA9"), 1);
    /* Bytes that look like the start of UTF-8 but are not ("é" then "t"). */
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "r\xE9sum\xE9\n", "r\xC3\xA9sum\xC3\xA9\n"), 1);
    /* Lines ended by CR LF count as lines. */
    assert_int_equal(CHECK(VB_ENCODING_AUTO, "a\r\nb\r\n\xA3 5\r\n", "a\r\nb\r\n\xC2\xA3 5\r\n"),
                     3);
}

static void test_auto_decides_on_a_long_line_at_its_first_64k(void **state)
{
    (void)state;
    /* No line end: the first 64 KiB from the first byte past ASCII decide,
     * and a UTF-8 sequence cut there is not held against it. */
    const size_t n = ((size_t)64 << 10) + 100;
    char *in = malloc(n);
    assert_non_null(in);
    memset(in, 'a', n);
    in[0] = '\xE9';
    const size_t chunks[] = {1, 4093, 65536, n};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        decoded r = decode_in_chunks(VB_ENCODING_AUTO, in, n, chunks[c]);
        assert_int_equal(r.status, VB_OK);
        assert_int_equal(r.len, n + 1);
        assert_memory_equal(r.bytes,
                            "\xC3\xA9"
                            "aaa",
                            5);
        assert_int_equal(r.guess_line, 1);
        free(r.bytes);
    }
    /* UTF-8 whose last sequence the cut splits. */
    memcpy(in, "\xC3\xA9", 2);
    memcpy(in + ((size_t)64 << 10) - 1, "\xE2\x80\x99", 3);
    decoded r = decode_in_chunks(VB_ENCODING_AUTO, in, n, 1000);
    assert_int_equal(r.status, VB_OK);
    assert_int_equal(r.len, n);
    assert_memory_equal(r.bytes, in, n);
    assert_int_equal(r.guess_line, 0);
    free(r.bytes);
    free(in);
}

static void test_auto_counts_the_lines_before_it(void **state)
{
    (void)state;
    /* Lines of every length from 0 to 20 bytes, so that line ends fall
     * at every place in the eight bytes looked at together. */
    char in[4096];
    size_t len = 0, lines = 0;
    for (size_t width = 0; lines < 200; width = (width + 1) % 21, lines++) {
        memset(in + len, 'x', width);
        len += width;
        in[len++] = '\n';
    }
    memcpy(in + len, "\xE9\n", 2);
    len += 2;
    const size_t chunks[] = {1, 3, 8, 13, 64, len};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        decoded r = decode_in_chunks(VB_ENCODING_AUTO, in, len, chunks[c]);
        assert_int_equal(r.status, VB_OK);
        assert_int_equal(r.guess_line, lines + 1);
        assert_int_equal(r.len, len + 1);
        free(r.bytes);
    }
}

static void test_windows_1252_table(void **state)
{
    (void)state;
    /* Every byte past ASCII, in order: 0x80-0x9F by the table (the five
     * it leaves undefined as C1 controls), 0xA0-0xFF as Latin-1. */
    char in[128];
    for (int i = 0; i < 128; i++)
        in[i] = (char)(0x80 + i);
    decoded r = decode_in_chunks(VB_ENCODING_WINDOWS_1252, in, sizeof in, sizeof in);
    assert_int_equal(r.status, VB_OK);
    const char *expected_high =
        "\xE2\x82\xAC\xC2\x81\xE2\x80\x9A\xC6\x92\xE2\x80\x9E\xE2\x80\xA6\xE2\x80\xA0\xE2\x80\xA1"
        "\xCB\x86\xE2\x80\xB0\xC5\xA0\xE2\x80\xB9\xC5\x92\xC2\x8D\xC5\xBD\xC2\x8F"
        "\xC2\x90\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA2\xE2\x80\x93\xE2\x80"
        "\x94"
        "\xCB\x9C\xE2\x84\xA2\xC5\xA1\xE2\x80\xBA\xC5\x93\xC2\x9D\xC5\xBE\xC5\xB8";
    const size_t high_len = strlen(expected_high);
    assert_memory_equal(r.bytes, expected_high, high_len);
    assert_int_equal(r.len, high_len + 96 * 2);
    const unsigned char *latin = (const unsigned char *)r.bytes + high_len;
    for (unsigned c = 0xA0; c <= 0xFF; c++, latin += 2) {
        assert_int_equal(latin[0], 0xC0 | (c >> 6));
        assert_int_equal(latin[1], 0x80 | (c & 0x3F));
    }
    free(r.bytes);
    /* Given, it is used even where the bytes are UTF-8. */
    assert_int_equal(CHECK(VB_ENCODING_WINDOWS_1252, "caf\xC3\xA9", "caf\xC3\x83\xC2\xA9"), 0);
}

static void test_utf16(void **state)
{
    (void)state;
    /* A byte order mark decides, and becomes UTF-8's (which the parsers
     * skip): Excel's "Unicode text" and a big-endian export. */
    CHECK(VB_ENCODING_AUTO, "\xFF\xFEi\0d\0\t\0\xE9\0\n\0", "\xEF\xBB\xBFid\t\xC3\xA9\n");
    CHECK(VB_ENCODING_AUTO, "\xFE\xFF\0A\xD8\x3D\xDE\x00\x20\xAC",
          "\xEF\xBB\xBF"
          "A\xF0\x9F\x98\x80\xE2\x82\xAC");
    CHECK(VB_ENCODING_UTF16, "\xFE\xFF\0h\0i", "\xEF\xBB\xBFhi");
    /* Without a mark: as given, and little-endian for "utf-16". */
    CHECK(VB_ENCODING_UTF16, "h\0i\0", "hi");
    CHECK(VB_ENCODING_UTF16LE, "h\0i\0\x3D\xD8\x00\xDE", "hi\xF0\x9F\x98\x80");
    CHECK(VB_ENCODING_UTF16BE, "\0h\0i", "hi");
    /* What UTF-16 cannot say in UTF-8 becomes 0xFF, for the repair to
     * replace and count: a lone high or low surrogate, an odd last byte. */
    CHECK(VB_ENCODING_UTF16LE,
          "\x3D\xD8"
          "a\0",
          "\xFF"
          "a");
    CHECK(VB_ENCODING_UTF16LE, "\x3D\xD8\x3D\xD8\x00\xDE", "\xFF\xF0\x9F\x98\x80");
    CHECK(VB_ENCODING_UTF16LE,
          "\x00\xDE"
          "a\0",
          "\xFF"
          "a");
    CHECK(VB_ENCODING_UTF16LE, "h\0i", "h\xFF");
    CHECK(VB_ENCODING_UTF16LE, "h\0\x3D\xD8", "h\xFF");
}

static void test_utf8_given_passes_bytes_on(void **state)
{
    (void)state;
    assert_int_equal(CHECK(VB_ENCODING_UTF8, "don\x92t\n", "don\x92t\n"), 0);
}

static void test_not_text(void **state)
{
    (void)state;
    static const struct {
        vb_encoding enc;
        const char *in;
        size_t len;
        const char *error; /* its start */
    } cases[] = {
        {VB_ENCODING_AUTO, "\x1F\x8B\x08\0\0\0", 6, "gzip-compressed"},
        {VB_ENCODING_WINDOWS_1252, "\x1F\x8B\x08\0", 4, "gzip-compressed"},
        {VB_ENCODING_UTF16LE, "\x1F\x8B", 2, "gzip-compressed"},
        {VB_ENCODING_AUTO, "PK\3\4\x14\0", 6, "a zip archive"},
        {VB_ENCODING_UTF8, "PK\3\4", 4, "a zip archive"},
        {VB_ENCODING_AUTO, "i\0d\0\n\0", 6, "UTF-16 text without a byte order mark"},
        {VB_ENCODING_AUTO, "\0i\0d", 4, "UTF-16 text without a byte order mark"},
        {VB_ENCODING_UTF8, "\xFF\xFEi\0", 4,
         "UTF-16 text (it starts with a UTF-16 byte order mark)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t chunk = 1; chunk <= cases[i].len; chunk++) {
            decoded r = decode_in_chunks(cases[i].enc, cases[i].in, cases[i].len, chunk);
            assert_int_equal(r.status, VB_EPARSE);
            assert_non_null(r.error);
            assert_memory_equal(r.error, cases[i].error, strlen(cases[i].error));
            assert_int_equal(r.len, 0); /* nothing of it is passed on */
            free(r.bytes);
        }
    }
    /* Zero bytes are text in UTF-16, and "PK" starts words. */
    CHECK(VB_ENCODING_UTF16LE, "i\0d\0", "id");
    CHECK(VB_ENCODING_AUTO, "PKG\n", "PKG\n");
}

static void test_encoding_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        vb_encoding enc;
    } names[] = {
        {"auto", VB_ENCODING_AUTO},
        {"UTF-8", VB_ENCODING_UTF8},
        {"utf8", VB_ENCODING_UTF8},
        {"utf-16", VB_ENCODING_UTF16},
        {"UTF-16LE", VB_ENCODING_UTF16LE},
        {"utf_16be", VB_ENCODING_UTF16BE},
        {"windows-1252", VB_ENCODING_WINDOWS_1252},
        {"CP1252", VB_ENCODING_WINDOWS_1252},
        {"latin-1", VB_ENCODING_WINDOWS_1252},
        {"ISO-8859-1", VB_ENCODING_WINDOWS_1252},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        vb_encoding e = VB_ENCODING_AUTO;
        assert_true(vb_encoding_parse(names[i].name, &e));
        assert_int_equal(e, names[i].enc);
        /* The canonical name reads back. */
        vb_encoding back = VB_ENCODING_AUTO;
        assert_true(vb_encoding_parse(vb_encoding_name(e), &back));
        assert_int_equal(back, e);
    }
    static const char *const unknown[] = {
        "", "utf-32", "latin-2", "iso-8859-15", "ebcdic", "windows-1252-and-then-some-more"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        vb_encoding e = VB_ENCODING_UTF16BE;
        assert_false(vb_encoding_parse(unknown[i], &e));
        assert_int_equal(e, VB_ENCODING_UTF16BE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_auto_reads_utf8_and_ascii_unchanged),
        cmocka_unit_test(test_auto_reads_windows_1252_when_not_utf8),
        cmocka_unit_test(test_auto_decides_on_a_long_line_at_its_first_64k),
        cmocka_unit_test(test_auto_counts_the_lines_before_it),
        cmocka_unit_test(test_windows_1252_table),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_utf8_given_passes_bytes_on),
        cmocka_unit_test(test_not_text),
        cmocka_unit_test(test_encoding_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

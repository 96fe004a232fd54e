/* Tests for agg_state_read.c on input verbatim did not write: every
 * malformed line refused with its line number and what is wrong, older
 * versions refused by name, CR LF line ends and comment lines taken as
 * they are meant, every truncation refused, and random damage never a
 * crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "agg_states.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char good[] =
    "verbatim-state 3\n"
    "# a comment\n"
    "metric nps\n"
    "scale 0x0p+0 0x0p+0\n"
    "top-box 2\n"
    "lower-is-better 0\n"
    "period month\n"
    "score-col \"score\"\n"
    "date-col \"date\"\n"
    "segment-col -\n"
    "weight-col -\n"
    "taxonomy 0123456789abcdef\n"
    "rejected 1 0\n"
    "records-rejected 4\n"
    "themes 2\n"
    "theme 0 - \"a\" \"A\"\n"
    "theme 1 0 \"a.b\" -\n"
    "groups 1 0\n"
    "group overall \"\" 3 2 2\n"
    "sums 0x2 0x2 0x64 0x2710 0x0 0x0\n"
    "cell 0 2 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64\n"
    "cell 1 1 -5000 1 0x1 0x1 0x0 0x0 0x1 0x0 0x0 0x0\n"
    "group period \"2026-01\" 3 2 0\n"
    "sums 0x2 0x2 0x64 0x2710 0x0 0x0\n"
    "quotes 1 - 1\n"
    "quote 00000000000000ff 9 -0x1p-1 1767225600 1 0 4 - \"R1\" \"late\\tday\"\n"
    "drivers 1\n"
    "sxx 0 0 0x2\n"
    "end\n";

static void expect_error(const char *text, size_t len, size_t line, const char *message)
{
    vb_error err;
    vb_agg *agg = vb_agg_read_state(text, len, NULL, &err);
    if (agg != NULL) fail_msg("accepted: %.*s", (int)len, text);
    assert_int_equal(err.line, line);
    if (strstr(err.message, message) == NULL)
        fail_msg("line %zu: \"%s\" does not say \"%s\"", err.line, err.message, message);
}

/* `good` with line `line` (1-based) replaced by `with`. */
static void expect_line_error(size_t line, const char *with, size_t err_line, const char *message)
{
    char text[4096];
    size_t n = 0, at = 1;
    for (const char *p = good; *p != '\0'; at++) {
        const char *nl = strchr(p, '\n');
        const size_t len = (size_t)(nl - p) + 1;
        if (at == line)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s\n", with);
        else
            n += (size_t)snprintf(text + n, sizeof text - n, "%.*s", (int)len, p);
        p += len;
    }
    expect_error(text, n, err_line, message);
}

/* `good` with one line replaced: where the reader stops, and what it
 * says there. */
static const struct line_case {
    size_t line;      /* 1-based, in `good` */
    const char *with; /* may hold more lines */
    size_t err_line;
    const char *message; /* a part of the error message */
} line_cases[] = {
    {3, "metric nsp", 3, "unknown metric \"nsp\""},
    {3, "metrics nps", 3, "expected a \"metric\" line, got \"metrics\""},
    {4, "scale 0x0p+0 1.5", 4, "scale: not a hex float: \"1.5\""},
    {4, "scale 0x1p+1 0x1p+0", 3, "scale"},
    {5, "top-box 1001", 5, "top-box: 1001 is out of range"},
    {6, "lower-is-better 0 0", 6, "unexpected text after the last field"},
    {7, "period none", 3, "period none with a date column"},
    {8, "score-col \"sc\\qore\"", 8, "unknown escape \\q"},
    {8, "score-col \"score", 8, "unterminated string"},
    {8, "score-col \"a\\x0\"", 8, "bad \\x escape"},
    {8, "score-col \"a\\x00\"", 8, "a NUL byte"},
    {8, "score-col  \"score\"", 8, "expected one space and a value"},
    {12, "taxonomy 0123456789ABCDEF", 12, "expected 16 hex digits"},
    {12, "taxonomy 123456789abcdef", 12, "expected 16 hex digits"},
    {12, "taxonomy 0000000000000000", 12, "(not all 0), none or -"},
    {12, "taxonomy nothing", 12, "expected 16 hex digits"},
    {12, "taxonomy none x", 12, "unexpected text after the last field"},
    {12, "rejected 1 0", 12, "expected a \"taxonomy\" line, got \"rejected\""},
    {13, "rejected 1 18446744073709551616", 13, "too large"},
    {13, "rejected 01 0", 13, "not a number"},
    {14, "records-rejected", 14, "records rejected: missing"},
    {14, "records-rejected -1", 14, "records rejected: not a number"},
    {14, "themes 2", 14, "expected a \"records-rejected\" line, got \"themes\""},
    {15, "themes 3", 18, "expected a \"theme\" line"},
    {16, "theme 0 0 \"a\" \"A\"", 16, "the first theme has none"},
    {17, "theme 1 - \"a.b\" -", 17, "the parent does not fit"},
    {17, "theme 1 0 \"a\" -", 17, "theme \"a\": listed twice"},
    {17, "theme 2 0 \"a.b\" -", 17, "theme index: 2 is out of range"},
    {17, "theme 1 5 \"a.b\" -", 17, "theme parent: 5 is out of range"},
    {18, "groups 1 1", 18, "segments without a segment column"},
    {19, "group overall \"x\" 3 2 2", 19, "overall has \"\""},
    {19, "group overall \"\" 3 4 2", 19, "scored: 4 is out of range"},
    {19, "group overall \"\" 3 2 3", 19, "cells: 3 is out of range"},
    {19, "group period \"\" 3 2 2", 19, "\"period\", expected \"overall\""},
    {20, "sums 0x2 0x2 0x64 0x2710 0x0", 20, "sums: missing"},
    {20, "sums 0x2 0x2 0x64 0x2710 0x0 0xZ", 20, "not an exact sum"},
    /* Sums no weights >= 0 can give: negative weights or squares, or a
     * sum of w x beyond what sw and swx2 allow (Cauchy-Schwarz). */
    {20, "sums -0x2 0x2 0x64 0x2710 0x0 0x0", 20, "sums that no weights"},
    {20, "sums 0x2 0x2 0x64 -0x2710 0x0 0x0", 20, "sums that no weights"},
    {20, "sums 0x2 0x2 0x64 0x64 0x0 0x0", 20, "sums that no weights"},
    {20, "sums 0x2 0x2 0x64 0x2710 -0x1 0x0", 20, "sums that no weights"},
    {21, "cell 0 2 -5000 2 0x2 0x2 0x64 0x2710 -0x2 0x64 0x1 0x64", 21,
     "cell sums: sums that no weights"},
    {21, "cell 0 2 -5000 2 0x2 0x2 0x2710 0x2710 0x2 0x64 0x1 0x64", 21,
     "cell sums: sums that no weights"},
    {21, "cell 1 2 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 22, "cell theme: 1 after 1"},
    {21, "cell 0 4 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 21,
     "mentions: 4 is out of range"},
    {21, "cell 0 1 -5000 2 0x2 0x2 0x64 0x2710 0x2 0x64 0x1 0x64", 21,
     "scored mentions: 2 is out of range"},
    {21, "cell 0 2 -99999999999999999999 2 0x2", 21, "sentiment sum: not a whole"},
    {25, "quotes 2 - 1", 25, "quotes theme: 2 is out of range"},
    {25, "quotes 1 * 1", 25, "quotes side: expected + or -"},
    {25, "quotes 1 - 13", 25, "quotes: 13 is out of range"},
    {26, "quote 00ff 9 -0x1p-1 - 0 - \"R1\" \"x\"", 26, "expected 16 hex digits"},
    {26, "quote 00000000000000ff 9 -0x1p+30 - 0 - \"R1\" \"x\"", 26,
     "quote sentiment: out of range"},
    {26, "quote 00000000000000ff 9 -0x1p-1 99999999999999 0 - \"R1\" \"x\"", 26,
     "quote time: out of range"},
    {26, "quote 00000000000000ff 9 -0x1p-1 - 1 0 9 - \"R1\" \"late\"", 26,
     "quote span 0-9: outside the text"},
    {26, "quote 00000000000000ff 9 -0x1p-1 - 5 0 1 0 1 0 1 0 1 0 1 - \"R1\" \"x\"", 26,
     "quote spans: 5 is out of range"},
    {26, "quote 00000000000000ff 9 -0x1p-1 - 0 - \"R1\" \"\"", 26, "quote text: 0 bytes"},
    {26, "quote 00000000000000ff 9 -0x1p-1 - 0 - - \"x\"", 26, "id and text are strings"},
    {26, "quote 00000000000000ff 9 -0x1p-1 - 0 \"North\" \"R1\" \"x\"", 26,
     "quote segment: the state has no segment column"},
    {27, "drivers 2", 29, "expected a \"sxx\" line, got \"end\""},
    {28, "sxx 0 2 0x2", 28, "sxx theme: 2 is out of range"},
    {29, "end of it", 29, "unexpected text after the last field"},
    {29, "end\nmore", 30, "text after the \"end\" line"},
    {29, "fin", 29, "expected a \"end\" line"},
};

static void test_malformed(void **state)
{
    (void)state;
    vb_agg *agg = read_back(good, NULL);
    assert_int_equal(agg->n_themes, 2);
    assert_int_equal(agg->overall.records, 3);
    assert_true(agg->overall.score.swx2 == 10000);
    assert_true(agg->themes[1].neg.n == 1);
    assert_string_equal(vb_quote_list_at(&agg->themes[1].neg, 0)->text, "late\tday");
    assert_true(vb_agg_sxx(agg, 0, 0) == 2);
    assert_true(agg->taxonomy_known && agg->taxonomy == 0x0123456789abcdefull);
    assert_int_equal(agg->records_rejected, 4);
    vb_agg_free(agg);

    expect_error("", 0, 1, "not a verbatim state");
    expect_error("PK\x03\x04", 4, 1, "not a verbatim state");
    expect_error("verbatim-state 4\n", 17, 1, "state version 4: this build reads version 3");
    expect_error("verbatim-state 1\nmetric nps\n", 28, 1,
                 "state version 1: from an older verbatim, without the taxonomy");
    expect_error("verbatim-state 2\nmetric nps\n", 28, 1,
                 "state version 2: from an older verbatim, whose quotes carry no segment");
    expect_error("verbatim-state 3x\n", 18, 1, "version: not a number");
    expect_error("verbatim-state 3\n", 17, 1, "ends before \"metric\": truncated?");
    for (size_t i = 0; i < sizeof line_cases / sizeof line_cases[0]; i++) {
        const struct line_case *c = &line_cases[i];
        expect_line_error(c->line, c->with, c->err_line, c->message);
    }
}

/* A state whose line ends became CR LF on the way (Windows, a text-mode
 * transfer) reads as the state it was; a CR anywhere else is still refused. */
static void test_crlf_line_ends(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, 1);
    vb_agg *agg = vb_agg_new(&o, NULL);
    assert_non_null(agg);
    add_rows(&agg, 1, 5, 400, VB_METRIC_NPS);
    size_t len;
    char *text = state_of(agg, &len);
    size_t n_lines = 0;
    for (size_t i = 0; i < len; i++)
        n_lines += text[i] == '\n';
    char *crlf = malloc(len + n_lines + 1);
    assert_non_null(crlf);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') crlf[k++] = '\r';
        crlf[k++] = text[i];
    }
    crlf[k] = '\0';
    vb_agg *back = read_back(crlf, &o);
    assert_same_agg(agg, back);
    char *again = state_of(back, NULL);
    assert_string_equal(text, again); /* written again with LF */

    char *cr_inside = strstr(crlf, "metric ");
    assert_non_null(cr_inside);
    cr_inside[6] = '\r'; /* "metric\rnps" */
    vb_error err;
    assert_null(vb_agg_read_state(crlf, k, &o, &err));
    assert_int_equal(err.line, 2);
    free(again);
    free(crlf);
    free(text);
    vb_agg_free(back);
    vb_agg_free(agg);
}

/* Empty and comment lines are skipped before the "verbatim-state" line as
 * after it (a "# shard 1 of 8" on top), and after the "end" line (a
 * comment appended, a CR LF blank line); other text there is still no
 * state, or text after the end. */
static void test_comments_before_magic(void **state)
{
    (void)state;
    static const char *const tops[] = {"# shard 1 of 8\n", "\n", "\n# a\n\n#\n", "# b\r\n\r\n"};
    vb_agg *want = read_back(good, NULL);
    for (size_t i = 0; i < sizeof tops / sizeof tops[0]; i++) {
        char text[sizeof good + 32];
        snprintf(text, sizeof text, "%s%s", tops[i], good);
        vb_agg *agg = read_back(text, NULL);
        assert_same_agg(want, agg);
        vb_agg_free(agg);
        snprintf(text, sizeof text, "%s%s", good, tops[i]);
        agg = read_back(text, NULL);
        assert_same_agg(want, agg);
        vb_agg_free(agg);
    }
    vb_agg_free(want);
    expect_line_error(29, "end\n# merged\n\nmore", 32, "text after the \"end\" line");

    expect_error("# shard 1 of 8\nverbatim-state 4\n", 32, 2, "state version 4");
    expect_error("\n# x\nverbatim-state 3\n", 22, 3, "ends before \"metric\": truncated?");
    expect_error("# shard 1 of 8\nPK\x03\x04", 19, 2, "not a verbatim state");
    expect_error("\nid,score,comment\n1,9,fine\n", 27, 2, "not a verbatim state");
    expect_error("#verbatim-state 2\nmetric nps\n", 29, 2, "not a verbatim state");
    expect_error("# nothing else\n", 15, 1, "not a verbatim state");
    expect_error("\n\n", 2, 2, "not a verbatim state");
}

/* Every prefix of a state is refused: the "end" line is its last. */
static void test_truncated_everywhere(void **state)
{
    (void)state;
    const size_t len = strlen(good);
    for (size_t n = 0; n < len - 1; n++) {
        vb_error err;
        vb_agg *agg = vb_agg_read_state(good, n, NULL, &err);
        if (agg != NULL) fail_msg("a state cut at %zu bytes was accepted", n);
        assert_true(err.code == VB_EPARSE || err.code == VB_EINVAL);
    }
    /* without the final newline it is whole */
    vb_agg *agg = vb_agg_read_state(good, len - 1, NULL, NULL);
    assert_non_null(agg);
    vb_agg_free(agg);
}

/* Bytes flipped, dropped and repeated at random: never a crash (the
 * sanitizer builds run this), and an error message when refused. */
static void test_garbage(void **state)
{
    (void)state;
    vb_report_options o = options(VB_METRIC_NPS, true);
    vb_agg *agg = vb_agg_new(&o, NULL);
    add_rows(&agg, 1, 9, 60, VB_METRIC_NPS);
    size_t len;
    char *text = state_of(agg, &len);
    vb_agg_free(agg);
    char *buf = malloc(len * 2 + 16);
    uint64_t s = 1;
    size_t accepted = 0;
    for (int i = 0; i < 3000; i++) {
        memcpy(buf, text, len);
        size_t n = len;
        const int edits = 1 + (int)(vb_test_random(&s) % 4);
        for (int e = 0; e < edits; e++) {
            const uint64_t r = vb_test_random(&s);
            const size_t at = (size_t)(r % n);
            switch ((r >> 32) % 4) {
            case 0:
                buf[at] = (char)(r >> 40);
                break;
            case 1:
                buf[at] = "0123456789 -\"\\x\n#p.f"[(r >> 40) % 20];
                break;
            case 2:
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
                break;
            default:
                memmove(buf + at + 1, buf + at, n - at);
                n++;
                break;
            }
        }
        vb_error err;
        vb_agg *got = vb_agg_read_state(buf, n, &o, &err);
        if (got != NULL) {
            accepted++;
            char *r = render(got, VB_REPORT_JSON); /* and the report copes */
            free(r);
            vb_agg_free(got);
        } else {
            assert_true(err.message[0] != '\0');
        }
    }
    assert_true(accepted > 0);
    free(buf);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_malformed),      cmocka_unit_test(test_comments_before_magic),
        cmocka_unit_test(test_crlf_line_ends), cmocka_unit_test(test_truncated_everywhere),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

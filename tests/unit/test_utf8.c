/* test_utf8.c: UTF-8 repair by maximal subparts, with exact output bytes
 * and counts for every kind of invalid input; the no-copy fast path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

static void check_repair(const char *in, size_t in_len, const char *want, size_t want_len,
                         size_t want_invalid)
{
    vb_arena a;
    vb_arena_init(&a, NULL, 1024);
    const char *out;
    size_t out_len, n_invalid = 99;
    assert_int_equal(vb_utf8_repair(&a, in, in_len, &out, &out_len, &n_invalid), VB_OK);
    assert_int_equal(out_len, want_len);
    assert_memory_equal(out, want, want_len);
    assert_int_equal(n_invalid, want_invalid);
    if (want_invalid == 0)
        assert_ptr_equal(out, in); /* valid input is not copied */
    else
        assert_int_equal(out[out_len], '\0');
    vb_arena_free(&a);
}

#define REPAIR(in, want, n) check_repair(in, sizeof(in) - 1, want, sizeof(want) - 1, n)

static void test_valid_is_not_copied(void **state)
{
    (void)state;
    REPAIR("", "", 0);
    REPAIR("plain ascii text that is long enough for the 8-byte path",
           "plain ascii text that is long enough for the 8-byte path", 0);
    REPAIR("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x91\x8D", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x91\x8D", 0);
    /* The extremes of the ranges that the lead byte restricts. */
    REPAIR("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF",
           "\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 0);
}

static void test_nul_and_controls_are_kept(void **state)
{
    (void)state;
    REPAIR("a\0b\x01\x1F\x7F\tc", "a\0b\x01\x1F\x7F\tc", 0);
}

static void test_stray_continuation(void **state)
{
    (void)state;
    REPAIR("a\x80z", "a" FFFD "z", 1);
    REPAIR("\x80\xBF", FFFD FFFD, 2); /* each stray byte on its own */
}

static void test_overlong(void **state)
{
    (void)state;
    REPAIR("\xC0\xAF", FFFD FFFD, 2);             /* C0 never starts a sequence */
    REPAIR("\xC1\xBF", FFFD FFFD, 2);
    REPAIR("\xE0\x80\xAF", FFFD FFFD FFFD, 3);    /* E0 needs A0..BF next */
    REPAIR("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, 4);
}

static void test_surrogates(void **state)
{
    (void)state;
    REPAIR("x\xED\xA0\x80y", "x" FFFD FFFD FFFD "y", 3); /* U+D800 */
    REPAIR("\xED\xBF\xBF", FFFD FFFD FFFD, 3);          /* U+DFFF */
}

static void test_beyond_10ffff(void **state)
{
    (void)state;
    REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);
    REPAIR("\xF5\x80", FFFD FFFD, 2);
    REPAIR("\xFF\xFE", FFFD FFFD, 2);
}

static void test_truncated(void **state)
{
    (void)state;
    REPAIR("ok\xE2\x82", "ok" FFFD, 1);          /* at the end: one maximal subpart */
    REPAIR("\xE2\x82z", FFFD "z", 1);            /* in the middle */
    REPAIR("\xF0\x9F\x98" "a", FFFD "a", 1);
    REPAIR("\xF0\x9F\x98\xF0\x9F\x98\x80", FFFD "\xF0\x9F\x98\x80", 1);
}

static void test_unicode_example(void **state)
{
    (void)state;
    /* The example of Unicode 15 section 3.9, table 3-8. */
    REPAIR("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
           "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6);
}

static void test_valid_len_and_codec(void **state)
{
    (void)state;
    assert_int_equal(vb_utf8_valid_len("abc\xC3\xA9\x80", 6), 5);
    const int32_t cps[] = {0x24, 0xA2, 0x20AC, 0x1F44D, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        const size_t n = vb_utf8_encode(cps[i], buf);
        int32_t back;
        assert_int_equal(vb_utf8_decode((const unsigned char *)buf, n, &back), n);
        assert_int_equal(back, cps[i]);
        assert_int_equal(vb_utf8_valid_len(buf, n), n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_is_not_copied), cmocka_unit_test(test_nul_and_controls_are_kept),
        cmocka_unit_test(test_stray_continuation),  cmocka_unit_test(test_overlong),
        cmocka_unit_test(test_surrogates),          cmocka_unit_test(test_beyond_10ffff),
        cmocka_unit_test(test_truncated),           cmocka_unit_test(test_unicode_example),
        cmocka_unit_test(test_valid_len_and_codec),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

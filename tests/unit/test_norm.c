/* test_norm.c: NFKC + case folding, the ASCII fast path, apostrophes,
 * ALLCAPS, elongation and long runs of combining marks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "norm.h"
#include "utf8.h"

#include "test_arena.h"

static const char *norm_of(const char *s, vb_norm_mode mode, uint32_t *flags)
{
    const char *out;
    size_t out_len;
    uint32_t f = 0;
    assert_int_equal(vb_norm_token(&arena, s, strlen(s), mode, &out, &out_len, &f), VB_OK);
    assert_int_equal(strlen(out), out_len);
    if (flags != NULL)
        *flags = f;
    return out;
}

static void test_ascii_fast_path(void **state)
{
    (void)state;
    const size_t before = vb_norm_utf8proc_calls();
    uint32_t f;
    assert_string_equal(norm_of("Hello", VB_NORM_WORD, &f), "hello");
    assert_string_equal(norm_of("don't", VB_NORM_WORD, &f), "don't");
    assert_string_equal(norm_of("HTTPS://X.ORG/A", VB_NORM_FOLD, &f), "https://x.org/a");
    assert_int_equal(vb_norm_utf8proc_calls(), before); /* ASCII never reaches utf8proc */
    assert_string_equal(norm_of("Caf\xC3\xA9", VB_NORM_WORD, &f), "caf\xC3\xA9");
    assert_int_equal(vb_norm_utf8proc_calls(), before + 1);
}

static void test_nfkc_and_case_folding(void **state)
{
    (void)state;
    assert_string_equal(norm_of("\xEF\xAC\x81ne", VB_NORM_WORD, NULL), "fine");   /* ﬁ ligature */
    assert_string_equal(norm_of("\xEF\xBC\xA1\xEF\xBD\x82", VB_NORM_WORD, NULL), "ab"); /* Ａｂ */
    assert_string_equal(norm_of("Stra\xC3\x9F" "e", VB_NORM_WORD, NULL), "strasse");
    assert_string_equal(norm_of("CAF\x45\xCC\x81", VB_NORM_WORD, NULL), "caf\xC3\xA9"); /* composed */
    assert_string_equal(norm_of("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3", VB_NORM_WORD, NULL),
                        "\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x83"); /* ΣΟΦΟΣ -> σοφοσ */
    assert_string_equal(norm_of("m\xC2\xB2", VB_NORM_WORD, NULL), "m2");
}

static void test_no_turkish_rules(void **state)
{
    (void)state;
    /* Default (not Turkish) folding: I -> i, İ -> i + combining dot. */
    assert_string_equal(norm_of("ISTANBUL", VB_NORM_WORD, NULL), "istanbul");
    assert_string_equal(norm_of("\xC4\xB0stanbul", VB_NORM_WORD, NULL), "i\xCC\x87stanbul");
}

static void test_apostrophes(void **state)
{
    (void)state;
    assert_string_equal(norm_of("Don\xE2\x80\x99t", VB_NORM_WORD, NULL), "don't");
    assert_string_equal(norm_of("don\xE2\x80\x98t", VB_NORM_WORD, NULL), "don't");
    assert_string_equal(norm_of("don\xCA\xBCt", VB_NORM_WORD, NULL), "don't");
    assert_string_equal(norm_of("deli\xC2\xADvery", VB_NORM_WORD, NULL), "delivery");
    /* A contraction written apart (one token) is written together. */
    assert_string_equal(norm_of("Does n't", VB_NORM_WORD, NULL), "doesn't");
    assert_string_equal(norm_of("wo n\xE2\x80\x99t", VB_NORM_WORD, NULL), "won't");
    assert_string_equal(norm_of("can 't", VB_NORM_WORD, NULL), "can't");
    assert_string_equal(norm_of("n't", VB_NORM_WORD, NULL), "n't");
    assert_string_equal(norm_of("a tent", VB_NORM_WORD, NULL), "a tent");
    /* Only words are rewritten. */
    assert_string_equal(norm_of("\xE2\x80\x99", VB_NORM_FOLD, NULL), "\xE2\x80\x99");
}

static void test_copy_mode(void **state)
{
    (void)state;
    assert_string_equal(norm_of(":-D", VB_NORM_COPY, NULL), ":-D");
    assert_string_equal(norm_of("XD", VB_NORM_COPY, NULL), "XD");
}

static void test_allcaps(void **state)
{
    (void)state;
    uint32_t f;
    norm_of("GREAT", VB_NORM_WORD, &f);
    assert_true(f & VB_TOKEN_ALLCAPS);
    norm_of("OK", VB_NORM_WORD, &f);
    assert_true(f & VB_TOKEN_ALLCAPS);
    norm_of("3PM", VB_NORM_WORD, &f);
    assert_true(f & VB_TOKEN_ALLCAPS);
    norm_of("\xC3\x89T\xC3\x89", VB_NORM_WORD, &f); /* ÉTÉ */
    assert_true(f & VB_TOKEN_ALLCAPS);
    norm_of("I", VB_NORM_WORD, &f); /* one letter */
    assert_false(f & VB_TOKEN_ALLCAPS);
    norm_of("Great", VB_NORM_WORD, &f);
    assert_false(f & VB_TOKEN_ALLCAPS);
    norm_of("\xC3\x89t\xC3\xA9", VB_NORM_WORD, &f); /* Été */
    assert_false(f & VB_TOKEN_ALLCAPS);
    norm_of("42", VB_NORM_WORD, &f);
    assert_false(f & VB_TOKEN_ALLCAPS);
    norm_of("\xE6\x9D\xB1\xE4\xBA\xAC", VB_NORM_WORD, &f); /* 東京: letters without case */
    assert_false(f & VB_TOKEN_ALLCAPS);
}

static const char *lookup_of(const char *norm, uint32_t *flags)
{
    const char *out;
    size_t out_len;
    *flags = 0;
    assert_int_equal(vb_norm_lookup(&arena, norm, strlen(norm), &out, &out_len, flags), VB_OK);
    assert_int_equal(strlen(out), out_len);
    return out;
}

static void test_elongation(void **state)
{
    (void)state;
    uint32_t f;
    assert_string_equal(lookup_of("soooo", &f), "soo");
    assert_int_equal(f, VB_TOKEN_ELONGATED);
    assert_string_equal(lookup_of("goooood", &f), "good");
    assert_string_equal(lookup_of("amaaazing", &f), "amaazing");
    assert_string_equal(lookup_of("yesss", &f), "yess");
    assert_string_equal(lookup_of("s\xC3\xAD\xC3\xAD\xC3\xAD\xC3\xAD", &f), "s\xC3\xAD\xC3\xAD");
    assert_int_equal(f, VB_TOKEN_ELONGATED);
    const char *good = "good";
    assert_ptr_equal(lookup_of(good, &f), good); /* unchanged: the same string */
    assert_int_equal(f, 0);
    assert_string_equal(lookup_of("1000", &f), "1000"); /* digits are not letters */
    assert_int_equal(f, 0);
}

static const char *unelongated_of(const char *norm)
{
    const char *out;
    size_t out_len;
    assert_int_equal(vb_norm_unelongated(&arena, norm, strlen(norm), &out, &out_len), VB_OK);
    assert_int_equal(strlen(out), out_len);
    return out;
}

static void test_unelongated_cuts_runs_to_one_letter(void **state)
{
    (void)state;
    assert_string_equal(unelongated_of("sloooow"), "slow");
    assert_string_equal(unelongated_of("staaaaff"), "staff"); /* the double stays */
    assert_string_equal(unelongated_of("refunddd"), "refund");
    assert_string_equal(unelongated_of("fansss"), "fans");
    assert_string_equal(unelongated_of("s\xC3\xAD\xC3\xAD\xC3\xAD"), "s\xC3\xAD");
    assert_string_equal(unelongated_of("good"), "good");
    assert_string_equal(unelongated_of("10000"), "10000"); /* digits are not letters */
}

/* The closed-up form of a hyphenated word; "" for one that is none. */
static const char *closed_up_of(const char *word)
{
    static char out[64];
    const size_t n = vb_norm_closed_up(word, strlen(word), out);
    out[n] = '\0';
    return out;
}

static void test_closed_up_joins_a_hyphenated_word(void **state)
{
    (void)state;
    assert_string_equal(closed_up_of("light-weight"), "lightweight");
    assert_string_equal(closed_up_of("w-o-w"), "wow");
    assert_string_equal(closed_up_of("light"), "");        /* no hyphen */
    assert_string_equal(closed_up_of("-light"), "");       /* not inside the word */
    assert_string_equal(closed_up_of("light-"), "");
    assert_string_equal(closed_up_of("light--weight"), ""); /* a dash */
}

/* Appends `n_marks` combining marks after `base` to `s` (at `o`), cycling
 * through `marks`, which are of different combining classes so that
 * canonical ordering has work to do; returns the new length. */
static size_t append_run(char *s, size_t o, const char *base, const char *const *marks,
                         size_t n_kinds, size_t n_marks)
{
    o += (size_t)sprintf(s + o, "%s", base);
    for (size_t i = 0; i < n_marks; i++)
        o += (size_t)sprintf(s + o, "%s", marks[i % n_kinds]);
    return o;
}

/* The longest run of combining marks in `s` (those used below: U+0300..
 * U+036F, and U+3099, U+309A, which NFKC makes of U+FF9E, U+FF9F). */
static size_t longest_mark_run(const char *s)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0, len = strlen(s); i < len;) {
        int32_t cp;
        i += vb_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        const bool mark = (cp >= 0x300 && cp <= 0x36F) || cp == 0x3099 || cp == 0x309A;
        run = mark ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    return longest;
}

static void test_long_mark_runs_are_capped(void **state)
{
    (void)state;
    /* U+0301 (class 230), U+0316 (220), U+0327 (202), U+0358 (232) */
    static const char *const marks[] = {"\xCC\x81", "\xCC\x96", "\xCC\xA7", "\xCD\x98"};
    enum { N = VB_NORM_MAX_MARKS };
    static char zalgo[8192], cut[8192], one_less[8192];
    /* "a" + 1000 marks + "b" + 3 marks: only the first N of the long run stay. */
    size_t o = append_run(zalgo, 0, "a", marks, 4, 1000);
    append_run(zalgo, o, "b", marks, 4, 3);
    o = append_run(cut, 0, "a", marks, 4, N);
    append_run(cut, o, "b", marks, 4, 3);
    const char *norm = norm_of(zalgo, VB_NORM_WORD, NULL); /* in the arena till the end */
    assert_string_equal(norm, norm_of(cut, VB_NORM_WORD, NULL));
    assert_true(longest_mark_run(norm) <= N);
    /* A run of exactly N marks is kept whole. */
    append_run(one_less, 0, "a", marks, 4, N - 1);
    append_run(cut, 0, "a", marks, 4, N);
    assert_string_not_equal(norm_of(cut, VB_NORM_FOLD, NULL),
                            norm_of(one_less, VB_NORM_FOLD, NULL));

    /* Halfwidth sound marks are letters (Lm) that NFKC turns into
     * combining marks: they count as marks too. */
    static const char *const kana_marks[] = {"\xCC\x81", "\xEF\xBE\x9E", "\xEF\xBE\x9F"};
    append_run(zalgo, 0, "\xEF\xBD\xB6", kana_marks, 3, 1000); /* halfwidth KA */
    assert_true(longest_mark_run(norm_of(zalgo, VB_NORM_FOLD, NULL)) <= N);
}

static void test_classes(void **state)
{
    (void)state;
    assert_int_equal(vb_norm_class(0xE9), VB_CC_LETTER);
    assert_int_equal(vb_norm_class(0x0301), VB_CC_LETTER); /* marks join words */
    assert_int_equal(vb_norm_class(0x0663), VB_CC_DIGIT);
    assert_int_equal(vb_norm_class(0xA0), VB_CC_SPACE);
    assert_int_equal(vb_norm_class(0x2028), VB_CC_LINE);
    assert_int_equal(vb_norm_class(0x200D), VB_CC_FORMAT);
    assert_int_equal(vb_norm_class(0x2014), VB_CC_PUNCT);
    assert_int_equal(vb_norm_class(0x20AC), VB_CC_SYMBOL);
    assert_int_equal(vb_norm_class(0x1F44D), VB_CC_EMOJI);
    assert_int_equal(vb_norm_class(0x2764), VB_CC_EMOJI);
    assert_int_equal(vb_norm_class(0xA9), VB_CC_SYMBOL); /* (c) only with VS16 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_fast_path), cmocka_unit_test(test_nfkc_and_case_folding),
        cmocka_unit_test(test_no_turkish_rules), cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_copy_mode),       cmocka_unit_test(test_allcaps),
        cmocka_unit_test(test_elongation),
        cmocka_unit_test(test_unelongated_cuts_runs_to_one_letter),      cmocka_unit_test(test_classes),
        cmocka_unit_test(test_closed_up_joins_a_hyphenated_word),
        cmocka_unit_test(test_long_mark_runs_are_capped),
    };
    return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}

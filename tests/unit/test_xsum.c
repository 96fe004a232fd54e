/* Tests for xsum.c, the exact sums the report state keeps: the same sum
 * in any order of adding and merging, carries across limbs, and the text
 * form the state writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_random.h"
#include "xsum.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void test_xsum_exact_in_any_order(void **state)
{
    (void)state;
    enum { N = 2000 };
    double terms[N];
    uint64_t s = 7;
    for (size_t i = 0; i < N; i++) {
        const uint64_t r = vb_test_random(&s);
        const double w = (double)(r % 1000) / 100 + 0.01;
        const int k = (int)((r >> 10) % 7) + 1;
        terms[i] = (r >> 20) % 3 == 0 ? -w * 100 / k : w / k;
    }
    vb_xsum fwd = {{0, 0, 0}}, back = {{0, 0, 0}}, halves = {{0, 0, 0}}, h2 = {{0, 0, 0}};
    double naive_fwd = 0, naive_back = 0;
    for (size_t i = 0; i < N; i++) {
        vb_xsum_add(&fwd, terms[i]);
        vb_xsum_add(&back, terms[N - 1 - i]);
        vb_xsum_add(i % 2 ? &halves : &h2, terms[i]);
        naive_fwd += terms[i];
        naive_back += terms[N - 1 - i];
    }
    vb_xsum_merge(&halves, &h2);
    assert_true(vb_xsum_equal(&fwd, &back));
    assert_true(vb_xsum_equal(&fwd, &halves));
    /* the doubles do depend on the order: that is what this is for */
    assert_true(naive_fwd != naive_back);
    assert_true(fabs(vb_xsum_value(&fwd) - naive_fwd) < 1e-9 * fabs(naive_fwd));

    /* whole numbers are exact, and values are correctly rounded */
    vb_xsum x = {{0, 0, 0}};
    for (int i = 0; i < 3; i++)
        vb_xsum_add(&x, 1.0 / 3);
    assert_true(vb_xsum_value(&x) == 1.0);
    vb_xsum big = {{0, 0, 0}};
    vb_xsum_add(&big, 0x1p53);
    vb_xsum_add(&big, 1);
    assert_true(vb_xsum_value(&big) == 0x1p53);     /* tie to even */
    vb_xsum_add(&big, 0x1p-60);                     /* just above the tie */
    assert_true(vb_xsum_value(&big) == 0x1p53 + 2); /* rounds up */
    vb_xsum neg = {{0, 0, 0}};
    vb_xsum_add(&neg, -2.5);
    vb_xsum_add(&neg, 0.25);
    assert_true(vb_xsum_value(&neg) == -2.25);
    vb_xsum tiny = {{0, 0, 0}};
    vb_xsum_add(&tiny, 0x1p-66); /* below half a unit */
    vb_xsum_add(&tiny, 1e-300);
    vb_xsum_add(&tiny, NAN);
    assert_true(vb_xsum_is_zero(&tiny));
    vb_xsum_add(&tiny, 0x1p-64);
    assert_true(vb_xsum_value(&tiny) == 0x1p-64);

    /* saturation, not wrap-around */
    vb_xsum sat = {{0, 0, 0}};
    for (int i = 0; i < 4; i++)
        vb_xsum_add(&sat, INFINITY);
    assert_true(vb_xsum_value(&sat) > 1e38);
    vb_xsum_add(&sat, 1e30);
    assert_true(vb_xsum_value(&sat) > 1e38);
    vb_xsum low = {{0, 0, 0}};
    for (int i = 0; i < 4; i++)
        vb_xsum_add(&low, -1e38);
    assert_true(vb_xsum_value(&low) < -1e38);
}

/* Merging carries across every limb and saturates like adding: sums of
 * random terms split in two and merged hold the bits of one sum. */
static void test_xsum_merge_carries(void **state)
{
    (void)state;
    uint64_t s = 11;
    for (int round = 0; round < 200; round++) {
        vb_xsum one = {{0, 0, 0}}, a = {{0, 0, 0}}, b = {{0, 0, 0}};
        for (int i = 0; i < 50; i++) {
            const uint64_t r = vb_test_random(&s);
            /* fractions, whole numbers and magnitudes up to 2^100, both signs */
            double v = ldexp((double)(r >> 11), (int)((r >> 3) % 110) - 60);
            if (r & 1) v = -v;
            vb_xsum_add(&one, v);
            vb_xsum_add((r >> 2) & 1 ? &a : &b, v);
        }
        vb_xsum ab = a;
        vb_xsum_merge(&ab, &b);
        vb_xsum_merge(&b, &a);
        assert_true(vb_xsum_equal(&ab, &one));
        assert_true(vb_xsum_equal(&b, &one));
    }
    /* a carry out of the fraction and the low integer limb at once */
    vb_xsum x = {{UINT64_MAX, UINT64_MAX, 0}}, unit = {{1, 0, 0}};
    vb_xsum_merge(&x, &unit);
    assert_true(x.limb[0] == 0 && x.limb[1] == 0 && x.limb[2] == 1);
    /* -1 unit + 1 unit = 0 */
    vb_xsum m = {{UINT64_MAX, UINT64_MAX, UINT64_MAX}};
    vb_xsum_merge(&m, &unit);
    assert_true(vb_xsum_is_zero(&m));
    /* past the top either way: saturated, not wrapped */
    vb_xsum hi = {{0, 0, 0}}, lo = {{0, 0, 0}};
    vb_xsum_add(&hi, 0x1p126);
    vb_xsum_add(&lo, -0x1p126);
    vb_xsum hi2 = hi, lo2 = lo;
    vb_xsum_merge(&hi, &hi2);
    vb_xsum_merge(&hi, &hi2);
    assert_true(vb_xsum_value(&hi) > 1e38);
    vb_xsum_merge(&lo, &lo2);
    vb_xsum_merge(&lo, &lo2);
    assert_true(vb_xsum_value(&lo) < -1e38);
}

static void test_xsum_text(void **state)
{
    (void)state;
    const double values[] = {0, 1, -1, 0.5, 1.0 / 3, -1234.5678, 3e20, -0x1p-64, 1e37};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        vb_xsum x = {{0, 0, 0}}, y;
        vb_xsum_add(&x, values[i]);
        vb_xsum_add(&x, values[i] / 7);
        char text[VB_XSUM_TEXT_MAX];
        const size_t n = vb_xsum_format(&x, text);
        assert_int_equal(n, strlen(text));
        assert_true(vb_xsum_parse(text, n, &y));
        assert_true(vb_xsum_equal(&x, &y));
    }
    vb_xsum x = {{0, 0, 0}};
    char text[VB_XSUM_TEXT_MAX];
    vb_xsum_add(&x, -31.5);
    vb_xsum_format(&x, text);
    assert_string_equal(text, "-0x1f.8");
    static const char *const bad[] = {"",
                                      "0x",
                                      "-",
                                      "1",
                                      "0x.8",
                                      "0x1.",
                                      "0xG",
                                      "0X1",
                                      "0x1 ",
                                      "0x80000000000000000000000000000000",
                                      "0x1.00000000000000001",
                                      "0x1p3",
                                      "+0x1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(vb_xsum_parse(bad[i], strlen(bad[i]), &x));
    assert_true(vb_xsum_parse("0x7fffffffffffffffffffffffffffffff.ffffffffffffffff", 51, &x));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xsum_exact_in_any_order),
        cmocka_unit_test(test_xsum_merge_carries),
        cmocka_unit_test(test_xsum_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

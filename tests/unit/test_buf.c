/* Tests for buf.c (capped buffers), arena.c, alloc.c's line-aligned
 * tables and jsonw.c (JSON output). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "jsonw.h"
#include "test_alloc.h"

#include <stdio.h>
#include <string.h>

static void test_buf_append_and_cap(void **state)
{
    (void)state;
    vb_buf b;
    vb_buf_init(&b, NULL, 10);
    assert_int_equal(vb_buf_append(&b, "hello", 5), VB_OK);
    assert_int_equal(vb_buf_puts(&b, "world"), VB_OK);
    assert_string_equal(b.data, "helloworld");
    /* One more byte is over the cap and leaves the buffer unchanged. */
    assert_int_equal(vb_buf_putc(&b, '!'), VB_ELIMIT);
    assert_int_equal(b.len, 10);
    vb_buf_consume(&b, 5);
    assert_string_equal(b.data, "world");
    assert_int_equal(vb_buf_printf(&b, "%d", 42), VB_OK);
    assert_string_equal(b.data, "world42");
    vb_buf_free(&b);
}

static void test_buf_oom(void **state)
{
    (void)state;
    test_alloc t;
    vb_allocator a = test_allocator(&t, 0);
    vb_buf b;
    vb_buf_init(&b, &a, 100);
    assert_int_equal(vb_buf_append(&b, "x", 1), VB_ENOMEM);
    vb_buf_free(&b);
    assert_int_equal(t.live_blocks, 0);
}

static void test_arena_reuses_memory(void **state)
{
    (void)state;
    test_alloc t;
    vb_allocator a = test_allocator(&t, (size_t)-1);
    vb_arena ar;
    vb_arena_init(&ar, &a, 4096);
    size_t calls_after_warmup = 0;
    for (int round = 0; round < 100; round++) {
        vb_arena_reset(&ar);
        for (int i = 0; i < 200; i++) {
            char *s = vb_arena_strndup(&ar, "token", 5);
            assert_non_null(s);
            assert_string_equal(s, "token");
            assert_int_equal((uintptr_t)s % _Alignof(max_align_t), 0);
        }
        if (round == 1)
            calls_after_warmup = t.calls;
    }
    /* After two records of the same size, no allocation at all. */
    assert_int_equal(t.calls, calls_after_warmup);
    assert_int_equal(t.live_blocks, 1);
    vb_arena_free(&ar);
    assert_int_equal(t.live_blocks, 0);
    assert_null(vb_arena_array(&ar, (size_t)-1 / 2, 4)); /* overflow */
    vb_arena_free(&ar);
}

static void test_arena_large_allocation(void **state)
{
    (void)state;
    vb_arena ar;
    vb_arena_init(&ar, NULL, 1024);
    char *big = vb_arena_alloc(&ar, 1 << 20);
    assert_non_null(big);
    memset(big, 'x', 1 << 20);
    vb_arena_free(&ar);
}

/* An outlier record (a request past the growth cap, 1 MiB) gets a block of
 * its own: small requests after it still go to the block being filled, and
 * a reset gives the outlier's block back instead of keeping it for every
 * later record. */
static void test_arena_outlier_block(void **state)
{
    (void)state;
    test_alloc t;
    vb_allocator a = test_allocator(&t, (size_t)-1);
    vb_arena ar;
    vb_arena_init(&ar, &a, 4096);
    char *small = vb_arena_strndup(&ar, "before", 6);
    assert_non_null(small);
    char *big = vb_arena_alloc(&ar, (size_t)16 << 20);
    assert_non_null(big);
    memset(big, 'x', (size_t)16 << 20);
    assert_int_equal(t.live_blocks, 2);
    char *after = vb_arena_strndup(&ar, "after", 5);
    assert_non_null(after);
    assert_int_equal(t.live_blocks, 2); /* no third block */
    assert_true(after > small && after - small < 4096); /* the same block */
    vb_arena_reset(&ar);
    assert_int_equal(t.live_blocks, 1); /* the 16 MiB block is gone */
    const size_t calls = t.calls;
    assert_non_null(vb_arena_strndup(&ar, "next record", 11));
    assert_int_equal(t.calls, calls); /* the kept block serves it */
    vb_arena_free(&ar);
    assert_int_equal(t.live_blocks, 0);
}

/* Released scratch is handed out again at the same address; what was
 * allocated before the mark stays, and a mark in a block that is no
 * longer the current one gives nothing back. */
static void test_arena_release_reuses_scratch(void **state)
{
    (void)state;
    vb_arena ar;
    vb_arena_init(&ar, NULL, 4096);
    vb_arena_release(&ar, vb_arena_mark_here(&ar)); /* empty arena: nothing to do */
    char *kept = vb_arena_strndup(&ar, "kept", 4);
    assert_non_null(kept);
    const vb_arena_mark m = vb_arena_mark_here(&ar);
    char *scratch = vb_arena_alloc(&ar, 1000);
    assert_non_null(scratch);
    memset(scratch, 'x', 1000);
    vb_arena_release(&ar, m);
    char *again = vb_arena_alloc(&ar, 1000);
    assert_ptr_equal(again, scratch);
    assert_string_equal(kept, "kept");

    /* The mark's block is full: the next allocation starts a new block,
     * and releasing to the old mark must not touch it. */
    const vb_arena_mark old = vb_arena_mark_here(&ar);
    char *in_new_block = vb_arena_alloc(&ar, 4000);
    assert_non_null(in_new_block);
    vb_arena_release(&ar, old);
    char *after = vb_arena_alloc(&ar, 16);
    assert_non_null(after);
    assert_true(after >= in_new_block + 4000 || after + 16 <= in_new_block);
    vb_arena_free(&ar);
}

static void expect_json(const char *in, size_t len, const char *want)
{
    vb_buf b;
    vb_buf_init(&b, NULL, 1 << 20);
    assert_int_equal(vb_json_string(&b, in, len), VB_OK);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    vb_buf_free(&b);
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    expect_json("plain", 5, "\"plain\"");
    expect_json("say \"hi\"\\", 9, "\"say \\\"hi\\\"\\\\\"");
    expect_json("a\nb\tc\r", 6, "\"a\\nb\\tc\\r\"");
    expect_json("nul\0x\x1f", 6, "\"nul\\u0000x\\u001f\"");
    expect_json("caf\xc3\xa9 \xf0\x9f\x91\x8d", 10, "\"caf\xc3\xa9 \xf0\x9f\x91\x8d\"");
    expect_json("", 0, "\"\"");
}

static void expect_number(double x, int decimals, const char *want)
{
    vb_buf b;
    vb_buf_init(&b, NULL, 64);
    assert_int_equal(vb_json_number(&b, x, decimals), VB_OK);
    assert_string_equal(b.data, want);
    vb_buf_free(&b);
}

static void test_json_numbers(void **state)
{
    (void)state;
    expect_number(0.5, 4, "0.5");
    expect_number(-0.00001, 4, "0");
    expect_number(1.0, 4, "1");
    expect_number(-0.61249, 4, "-0.6125");
    expect_number(12.0 / 0.0, 2, "null");
    expect_number(0.05, 3, "0.05");
    expect_number(-0.999, 2, "-1");
    expect_number(1.5, 0, "2");
    expect_number(10.25, 1, "10.3");
    expect_number(-4.0, 3, "-4");
    expect_number(0.0001, 4, "0.0001");
    expect_number(123456.5, 4, "123456.5");
    expect_number(3e12, 2, "3000000000000");
    expect_number(999999999.9, 0, "1000000000"); /* rounds up to ten digits */
    expect_number(-987654321.123456789, 9, "-987654321.123456896");
    expect_number(0.1, 9, "0.1");
    expect_number(0.000000001, 9, "0.000000001");
    expect_number(1.05, 1, "1.1");
    expect_number(-0.0, 3, "0");
    vb_buf b;
    vb_buf_init(&b, NULL, 64);
    assert_int_equal(vb_json_size(&b, 0), VB_OK);
    assert_int_equal(vb_json_size(&b, 18446744073709551615u), VB_OK);
    assert_string_equal(b.data, "018446744073709551615");
    vb_buf_free(&b);
}

static void test_json_put_size(void **state)
{
    (void)state;
    static const size_t ns[] = {0, 7, 10, 42, 99, 100, 305, 999, 1000, 4096, 9999, 10000, 123456,
                                (size_t)-1};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        char want[32], got[VB_JSON_SIZE_MAX + 1];
        snprintf(want, sizeof want, "%zu", ns[i]);
        *vb_json_put_size(got, ns[i]) = '\0';
        assert_string_equal(got, want);
    }
}

/* Tables from vb_calloc_lines() start on a cache line and are zeroed,
 * whatever alignment malloc gives; the block is what is freed. */
static void test_calloc_lines(void **state)
{
    (void)state;
    test_alloc t;
    vb_allocator a = test_allocator(&t, (size_t)-1);
    void *blocks[8];
    for (size_t i = 0; i < 8; i++) {
        void *block = NULL;
        /* Odd sizes, so that malloc hands out differently aligned memory. */
        unsigned char *p = vb_calloc_lines(&a, 3 + 5 * i, 64, &block);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % VB_CACHE_LINE, 0);
        assert_true((unsigned char *)block <= p && p < (unsigned char *)block + VB_CACHE_LINE);
        for (size_t k = 0; k < (3 + 5 * i) * 64; k++)
            assert_int_equal(p[k], 0);
        blocks[i] = block;
    }
    for (size_t i = 0; i < 8; i++)
        vb_free(&a, blocks[i]);
    assert_int_equal(t.live_blocks, 0);

    void *block = NULL;
    assert_null(vb_calloc_lines(&a, SIZE_MAX / 2, 4, &block));  /* n * size overflows */
    assert_null(vb_calloc_lines(&a, 1, SIZE_MAX - 10, &block)); /* the padding does */
    test_alloc none;
    vb_allocator failing = test_allocator(&none, 0);
    assert_null(vb_calloc_lines(&failing, 4, 64, &block));
    assert_int_equal(none.live_blocks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_append_and_cap),  cmocka_unit_test(test_buf_oom),
        cmocka_unit_test(test_calloc_lines),        cmocka_unit_test(test_arena_reuses_memory),
        cmocka_unit_test(test_arena_outlier_block),
        cmocka_unit_test(test_arena_release_reuses_scratch), cmocka_unit_test(test_arena_large_allocation),
        cmocka_unit_test(test_json_string_escapes), cmocka_unit_test(test_json_numbers),
        cmocka_unit_test(test_json_put_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

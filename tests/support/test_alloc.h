/* test_alloc.h: allocators for tests. The counting allocator tracks live
 * blocks and bytes; the failing one also makes the Nth allocation (and
 * every later one, or with test_allocator_once() only that one) return
 * NULL, to walk every out-of-memory path. */
#ifndef VB_TEST_ALLOC_H
#define VB_TEST_ALLOC_H

#include "verbatim.h"

#include <stdbool.h>
#include <stdlib.h>

typedef struct test_alloc {
    size_t calls;       /* allocations attempted */
    size_t live_blocks; /* allocated and not yet freed */
    size_t fail_at;     /* the first call that fails; (size_t)-1 = never */
    bool once;          /* only call fail_at fails, later ones succeed */
} test_alloc;

static bool test_alloc_fails(test_alloc *t)
{
    const size_t call = t->calls++;
    return t->once ? call == t->fail_at : call >= t->fail_at;
}

static void *test_alloc_malloc(size_t size, void *ctx)
{
    test_alloc *t = ctx;
    if (test_alloc_fails(t))
        return NULL;
    void *p = malloc(size);
    if (p != NULL)
        t->live_blocks++;
    return p;
}

static void *test_alloc_realloc(void *ptr, size_t size, void *ctx)
{
    test_alloc *t = ctx;
    if (test_alloc_fails(t))
        return NULL;
    void *p = realloc(ptr, size);
    if (p != NULL && ptr == NULL)
        t->live_blocks++;
    return p;
}

static void test_alloc_free(void *ptr, void *ctx)
{
    test_alloc *t = ctx;
    t->live_blocks--;
    free(ptr);
}

/* Returns an allocator over `t`, failing from call `fail_at` on. */
static inline vb_allocator test_allocator(test_alloc *t, size_t fail_at)
{
    t->calls = 0;
    t->live_blocks = 0;
    t->fail_at = fail_at;
    t->once = false;
    vb_allocator a = {test_alloc_malloc, test_alloc_realloc, test_alloc_free, t};
    return a;
}

/* The same, but only call `fail_at` fails: recovery after one failure. */
static inline vb_allocator test_allocator_once(test_alloc *t, size_t fail_at)
{
    vb_allocator a = test_allocator(t, fail_at);
    t->once = true;
    return a;
}

#endif

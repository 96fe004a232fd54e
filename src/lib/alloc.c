/* alloc.c: the one place that calls malloc. Tests swap in counting and
 * failing allocators through vb_options.alloc. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(size_t size, void *ctx)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *ctx)
{
    (void)ctx;
    free(ptr);
}

static const vb_allocator std_allocator = {std_malloc, std_realloc, std_free, NULL};

const vb_allocator *vb_allocator_or_default(const vb_allocator *a)
{
    return (a != NULL && a->malloc != NULL) ? a : &std_allocator;
}

void *vb_malloc(const vb_allocator *a, size_t size)
{
    a = vb_allocator_or_default(a);
    return a->malloc(size == 0 ? 1 : size, a->ctx);
}

void *vb_calloc(const vb_allocator *a, size_t n, size_t size)
{
    if (vb_mul_overflows(n, size))
        return NULL;
    void *p = vb_malloc(a, n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

void *vb_calloc_lines(const vb_allocator *a, size_t n, size_t size, void **block)
{
    if (vb_mul_overflows(n, size) || n * size > SIZE_MAX - (VB_CACHE_LINE - 1)) return NULL;
    char *p = vb_calloc(a, 1, n * size + VB_CACHE_LINE - 1);
    if (p == NULL) return NULL;
    *block = p;
    return p + (VB_CACHE_LINE - (uintptr_t)p % VB_CACHE_LINE) % VB_CACHE_LINE;
}

void *vb_realloc(const vb_allocator *a, void *ptr, size_t size)
{
    a = vb_allocator_or_default(a);
    return a->realloc(ptr, size == 0 ? 1 : size, a->ctx);
}

void vb_free(const vb_allocator *a, void *ptr)
{
    if (ptr == NULL)
        return;
    a = vb_allocator_or_default(a);
    a->free(ptr, a->ctx);
}

char *vb_strndup(const vb_allocator *a, const char *s, size_t len)
{
    if (len == (size_t)-1)
        return NULL;
    char *d = vb_malloc(a, len + 1);
    if (d == NULL)
        return NULL;
    if (len > 0)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

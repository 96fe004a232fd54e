/* alloc.h: every library allocation goes through the caller's vb_allocator. */
#ifndef VB_ALLOC_H
#define VB_ALLOC_H

#include "verbatim.h"

/* Returns the allocator to use: `a` itself, or the C library's when `a` is
 * NULL or has no malloc. Never returns NULL. */
const vb_allocator *vb_allocator_or_default(const vb_allocator *a);

void *vb_malloc(const vb_allocator *a, size_t size);
void *vb_calloc(const vb_allocator *a, size_t n, size_t size); /* checks n*size */
void *vb_realloc(const vb_allocator *a, void *ptr, size_t size);
void vb_free(const vb_allocator *a, void *ptr); /* NULL is a no-op */

/* The line size that hot tables are aligned to. */
#define VB_CACHE_LINE 64

/* n * size zeroed bytes that start on a cache line, so that a table of
 * 64-byte (or 32-byte) entries does not split them across two lines.
 * *block gets the allocation, which is what vb_free() takes. NULL on
 * overflow or when out of memory. */
void *vb_calloc_lines(const vb_allocator *a, size_t n, size_t size, void **block);

/* Copies `len` bytes of `s` into new NUL-terminated memory. */
char *vb_strndup(const vb_allocator *a, const char *s, size_t len);

/* True when n * size would overflow size_t. */
static inline int vb_mul_overflows(size_t n, size_t size)
{
    return size != 0 && n > (size_t)-1 / size;
}

#endif

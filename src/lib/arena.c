/* arena.c: bump allocation in blocks. Reset keeps one block (the largest
 * up to MAX_KEPT_BLOCK) so a stream of similar records settles into zero
 * allocations. Blocks grow geometrically within a record up to
 * MAX_GROWN_BLOCK; a request larger than that (the token array of a
 * megabyte-long comment) gets a block of its own, exactly its size, so an
 * outlier record costs what it needs rather than that doubled, and gives
 * it back at the reset. Under AddressSanitizer, memory released by a
 * reset is poisoned, so a stale pointer into the previous record fails
 * loudly. */
#include "arena.h"

#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VB_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define VB_ASAN 1
#endif
#ifdef VB_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN VB_ARENA_ALIGN
#define MAX_GROWN_BLOCK ((size_t)1 << 20)
#define MAX_KEPT_BLOCK ((size_t)4 << 20)

void vb_arena_init(vb_arena *a, const vb_allocator *alloc, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size < 1024 ? 1024 : block_size;
    a->alloc = alloc;
}

void vb_arena_free(vb_arena *a)
{
    vb_arena_block *b = a->head;
    while (b != NULL) {
        vb_arena_block *next = b->next;
        UNPOISON(b->data, b->size);
        vb_free(a->alloc, b);
        b = next;
    }
    a->head = NULL;
}

void vb_arena_reset(vb_arena *a)
{
    const size_t keep_max = a->block_size > MAX_KEPT_BLOCK ? a->block_size : MAX_KEPT_BLOCK;
    vb_arena_block *keep = NULL;
    for (vb_arena_block *b = a->head; b != NULL; b = b->next)
        if (b->size <= keep_max && (keep == NULL || b->size > keep->size))
            keep = b;
    vb_arena_block *b = a->head;
    while (b != NULL) {
        vb_arena_block *next = b->next;
        if (b != keep) {
            UNPOISON(b->data, b->size);
            vb_free(a->alloc, b);
        }
        b = next;
    }
    a->head = keep;
    if (keep != NULL) {
        keep->next = NULL;
        keep->used = 0;
        POISON(keep->data, keep->size);
    }
}

static vb_arena_block *new_block(vb_arena *a, size_t size)
{
    if (size > (size_t)-1 - sizeof(vb_arena_block))
        return NULL;
    vb_arena_block *nb = vb_malloc(a->alloc, sizeof(vb_arena_block) + size);
    if (nb == NULL)
        return NULL;
    nb->size = size;
    nb->used = 0;
    POISON(nb->data, size);
    return nb;
}

void *vb_arena_alloc_slow(vb_arena *a, size_t size)
{
    size_t need = (size + ALIGN - 1) & ~(ALIGN - 1);
    if (need < size)
        return NULL;
    vb_arena_block *b = a->head;
    if (b == NULL || b->size - b->used < need) {
        size_t grown = a->block_size;
        if (b != NULL && b->size >= grown && b->size < MAX_GROWN_BLOCK)
            grown = b->size * 2 < MAX_GROWN_BLOCK ? b->size * 2 : MAX_GROWN_BLOCK;
        vb_arena_block *nb = new_block(a, need > grown ? need : grown);
        if (nb == NULL)
            return NULL;
        if (need > grown && b != NULL) {
            /* A block of its own, behind the one being filled, which
             * goes on taking the small requests. */
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            UNPOISON(nb->data, size);
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    UNPOISON(p, size);
    return p;
}

void vb_arena_release(vb_arena *a, vb_arena_mark m)
{
    vb_arena_block *b = a->head;
    if (b == NULL || b != m.block || m.used > b->used)
        return;
    POISON(b->data + m.used, b->used - m.used);
    b->used = m.used;
}

void *vb_arena_array(vb_arena *a, size_t n, size_t size)
{
    if (vb_mul_overflows(n, size))
        return NULL;
    return vb_arena_alloc(a, n * size);
}

char *vb_arena_strndup(vb_arena *a, const char *s, size_t len)
{
    if (len == (size_t)-1)
        return NULL;
    char *d = vb_arena_alloc(a, len + 1);
    if (d == NULL)
        return NULL;
    if (len > 0)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

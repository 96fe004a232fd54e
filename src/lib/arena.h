/* arena.h: per-record memory. Everything a record needs (tokens, normalised
 * text, stems) comes from an arena that is reset, not freed, between
 * records, so the hot path makes no allocation per token. */
#ifndef VB_ARENA_H
#define VB_ARENA_H

#include "verbatim.h"

#include <stdalign.h>
#include <stddef.h>

/* Under AddressSanitizer every allocation unpoisons its bytes (arena.c),
 * so the inline fast path below is left out. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VB_ARENA_POISONED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define VB_ARENA_POISONED 1
#endif

#define VB_ARENA_ALIGN ((size_t)alignof(max_align_t))

typedef struct vb_arena_block vb_arena_block;
struct vb_arena_block {
    vb_arena_block *next;
    size_t size; /* usable bytes in data[] */
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

typedef struct vb_arena {
    vb_arena_block *head;     /* block being filled; older blocks follow */
    size_t block_size;        /* default size of a new block, bytes */
    const vb_allocator *alloc;
} vb_arena;

void vb_arena_init(vb_arena *a, const vb_allocator *alloc, size_t block_size);
/* Frees every block. */
void vb_arena_free(vb_arena *a);
/* Forgets every allocation but keeps the largest block (up to 4 MiB) for
 * reuse. */
void vb_arena_reset(vb_arena *a);

/* The general case of vb_arena_alloc(): a new block, or ASan's bookkeeping. */
void *vb_arena_alloc_slow(vb_arena *a, size_t size);

/* Returns `size` bytes aligned for any type, or NULL when out of memory.
 * Inline: records make hundreds of small allocations, almost all of them
 * a bump in the current block. */
static inline void *vb_arena_alloc(vb_arena *a, size_t size)
{
#ifndef VB_ARENA_POISONED
    const size_t need = (size + VB_ARENA_ALIGN - 1) & ~(VB_ARENA_ALIGN - 1);
    vb_arena_block *b = a->head;
    if (need >= size && b != NULL && b->size - b->used >= need) {
        void *p = b->data + b->used;
        b->used += need;
        return p;
    }
#endif
    return vb_arena_alloc_slow(a, size);
}

/* A point in the arena's current block (vb_arena_mark_here()). */
typedef struct vb_arena_mark {
    vb_arena_block *block;
    size_t used;
} vb_arena_mark;

/* The arena's current point, for vb_arena_release(). */
static inline vb_arena_mark vb_arena_mark_here(const vb_arena *a)
{
    vb_arena_mark m = {a->head, a->head != NULL ? a->head->used : 0};
    return m;
}

/* Gives back what was allocated in the current block since mark `m`, so
 * that scratch memory which is dead once a step ends is used again by the
 * next step while it is still in cache. Nothing allocated since may be
 * used afterwards. When a new block was started since the mark, nothing is
 * given back (the reset does). */
void vb_arena_release(vb_arena *a, vb_arena_mark m);

/* Returns an array of n elements of `size` bytes; NULL on overflow or OOM. */
void *vb_arena_array(vb_arena *a, size_t n, size_t size);
/* Copies `len` bytes of `s` into the arena, NUL-terminated. */
char *vb_arena_strndup(vb_arena *a, const char *s, size_t len);

#endif

/* arena.h: per-record memory. Everything a record needs (tokens, normalised
 * text, stems) comes from an arena that is reset, not freed, between
 * records, so the hot path makes no allocation per token. */
#ifndef VB_ARENA_H
#define VB_ARENA_H

#include "verbatim.h"

typedef struct vb_arena_block vb_arena_block;

typedef struct vb_arena {
    vb_arena_block *head;     /* block being filled; older blocks follow */
    size_t block_size;        /* default size of a new block, bytes */
    const vb_allocator *alloc;
} vb_arena;

void vb_arena_init(vb_arena *a, const vb_allocator *alloc, size_t block_size);
/* Frees every block. */
void vb_arena_free(vb_arena *a);
/* Forgets every allocation but keeps the largest block for reuse. */
void vb_arena_reset(vb_arena *a);

/* Returns `size` bytes aligned for any type, or NULL when out of memory. */
void *vb_arena_alloc(vb_arena *a, size_t size);
/* Returns an array of n elements of `size` bytes; NULL on overflow or OOM. */
void *vb_arena_array(vb_arena *a, size_t n, size_t size);
/* Copies `len` bytes of `s` into the arena, NUL-terminated. */
char *vb_arena_strndup(vb_arena *a, const char *s, size_t len);

#endif

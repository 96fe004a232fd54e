/* test_arena.h: one arena per test group, for tests of the text stages.
 * Use setup_arena/teardown_arena as cmocka group fixtures. */
#ifndef VB_TEST_ARENA_H
#define VB_TEST_ARENA_H

#include "arena.h"

static vb_arena arena;

static int setup_arena(void **state)
{
    (void)state;
    vb_arena_init(&arena, NULL, 4096);
    return 0;
}

static int teardown_arena(void **state)
{
    (void)state;
    vb_arena_free(&arena);
    return 0;
}

#endif

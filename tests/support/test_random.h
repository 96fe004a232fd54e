/* test_random.h: a reproducible stream of numbers for the tests
 * (xorshift64): the same seed gives the same data on every machine. */
#ifndef VB_TEST_RANDOM_H
#define VB_TEST_RANDOM_H

#include <stdint.h>

/* The next number of the stream whose state is *s (never 0). */
static inline uint64_t vb_test_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#endif

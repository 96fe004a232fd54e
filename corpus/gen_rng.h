/*
 * gen_rng.h - the random stream of verbatim-gen: xoshiro256** seeded with
 * splitmix64, and the integer-only draws built on it (uniform, per-mille
 * chance, weighted choice, an approximate normal).
 *
 * Every draw uses integer arithmetic only, so a seed gives the same numbers on
 * every platform and compiler. The order of calls is part of the output: any
 * change to who draws what, or when, changes the generated corpus.
 */
#ifndef GEN_RNG_H
#define GEN_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t s[4]; /* xoshiro256** state; never all zero after rng_seed() */
} rng_t;

/* Seeds `r` from `seed` (any value, 0 included) through splitmix64. */
void rng_seed(rng_t *r, uint64_t seed);

/* The three draws below are inline because every phrase, slot and typo draws
 * from the stream: out of line they cost about a tenth of the run time. */

static inline uint64_t rng_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* The next 64 random bits. */
static inline uint64_t rng_next(rng_t *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rng_rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rng_rotl(s[3], 45);
    return result;
}

/* Uniform in [0, n), n < 2^32 (multiply-shift; the bias is far below noise). */
static inline uint32_t rng_below(rng_t *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per_mille / 1000. */
static inline int rng_chance(rng_t *r, int per_mille)
{
    return (int)rng_below(r, 1000) < per_mille;
}

/* Approximately N(0, 1) scaled by 100 (Irwin-Hall of 4 uniforms). */
int rng_normal100(rng_t *r);

/* An index in [0, n) drawn with the relative weights w[0..n-1], which must not
 * all be zero. */
int rng_weighted(rng_t *r, const int *w, int n);

#endif

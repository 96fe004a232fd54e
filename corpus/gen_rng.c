/*
 * gen_rng.c - the random stream of verbatim-gen. A xoshiro256** generator,
 * seeded by splitmix64, feeds every decision the generator makes: which row
 * context, which themes, which phrases, which typos. Only integer arithmetic is
 * used (no rand(), no floating point), which is what makes a seed give
 * byte-identical corpora across platforms and compilers.
 */
#include "gen_rng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

void rng_seed(rng_t *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

int rng_normal100(rng_t *r)
{
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += (int)rng_below(r, 1000);
    return (sum - 2000) * 100 / 577;
}

int rng_weighted(rng_t *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = (int)rng_below(r, (uint32_t)total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

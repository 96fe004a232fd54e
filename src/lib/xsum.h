/* xsum.h: exact sums of doubles that add in any order.
 *
 * A vb_xsum is a 192-bit two's-complement fixed-point number in units of
 * 2^-64: 128 integer bits (|value| < 2^127, about 1.7e38) and 64
 * fractional ones. Each term is rounded once to the nearest unit (ties to
 * even); from then on every sum and every merge is integer arithmetic, so
 * it is exact, associative and commutative: shards merged in any order
 * hold the very bits one pass would. A term below 2^-65 in magnitude adds
 * nothing; terms and sums past 2^126 saturate (nothing real comes close).
 *
 * vb_xsum_value() rounds the sum back to a double, a function of the sum
 * alone, so every figure computed from it is the same however the input
 * was split. The state format (agg_state.h) writes sums exactly. */
#ifndef VB_XSUM_H
#define VB_XSUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vb_xsum {
    uint64_t limb[3]; /* least significant first; limb[0] is the fraction */
} vb_xsum;

/* s += v, v rounded to 2^-64. NaN adds nothing; infinities saturate. */
static inline void vb_xsum_add(vb_xsum *s, double v);

/* into += from, saturating instead of wrapping around. */
static inline void vb_xsum_merge(vb_xsum *into, const vb_xsum *from);

/* *t = v rounded to 2^-64, the term vb_xsum_add() would add: one row's
 * term is rounded once and merged into each of its groups. */
static inline void vb_xsum_term(vb_xsum *t, double v);

/* The sum as a double: the nearest one (ties to even). */
static inline double vb_xsum_value(const vb_xsum *s);

/* The general cases of the inline functions (xsum.c). */
void vb_xsum_add_any(vb_xsum *s, double v);
void vb_xsum_term_any(vb_xsum *t, double v);
double vb_xsum_value_any(const vb_xsum *s);
void vb_xsum_saturate(vb_xsum *s, bool neg);

/* The common cases inline: a whole term (weights of 1, NPS and CSAT
 * values), a sum that is a whole number below 2^63 in magnitude. */
static inline void vb_xsum_add(vb_xsum *s, double v)
{
    if (v > -0x1p62 && v < 0x1p62 && v == (double)(int64_t)v) {
        const int64_t i = (int64_t)v;
        const uint64_t lo = s->limb[1] + (uint64_t)i;
        const uint64_t hi = s->limb[2] + (i < 0 ? UINT64_MAX : 0) + (lo < s->limb[1]);
        /* no overflow: the sign flips only when adding a like-signed term */
        if (((hi ^ s->limb[2]) & (hi ^ (i < 0 ? UINT64_MAX : 0)) & ((uint64_t)1 << 63)) == 0) {
            s->limb[1] = lo;
            s->limb[2] = hi;
            return;
        }
    }
    vb_xsum_add_any(s, v);
}

static inline void vb_xsum_merge(vb_xsum *into, const vb_xsum *from)
{
    /* Add with carry, limb by limb (add/adc); a report merges tens of
     * sums per row, so this is one of its hottest loops. */
    const uint64_t a2 = into->limb[2], b2 = from->limb[2];
    uint64_t r0, r1;
    const bool c0 = __builtin_add_overflow(into->limb[0], from->limb[0], &r0);
    bool c1 = __builtin_add_overflow(into->limb[1], from->limb[1], &r1);
    c1 |= __builtin_add_overflow(r1, (uint64_t)c0, &r1);
    const uint64_t r2 = a2 + b2 + c1;
    into->limb[0] = r0;
    into->limb[1] = r1;
    into->limb[2] = r2;
    /* Signed overflow: both signs alike and the result's different. */
    if (((a2 ^ r2) & (b2 ^ r2)) >> 63) vb_xsum_saturate(into, (a2 >> 63) != 0);
}

/* s += v exactly, for any int64 (vb_xsum_add() would round past 2^53). */
static inline void vb_xsum_add_i64(vb_xsum *s, int64_t v)
{
    const vb_xsum t = {{0, (uint64_t)v, v < 0 ? UINT64_MAX : 0}};
    vb_xsum_merge(s, &t);
}

/* A term, or a sum of terms, below 2^63 in magnitude as 128-bit fixed
 * point in a vb_xsum's units of 2^-64: it adds in two instructions. */
__extension__ typedef __int128 vb_xsum_fixed;
__extension__ typedef unsigned __int128 vb_xsum_ufixed;

/* *out = t when |t| < 2^63; false otherwise. */
static inline bool vb_xsum_to_fixed(const vb_xsum *t, vb_xsum_fixed *out)
{
    if (t->limb[2] != ((int64_t)t->limb[1] < 0 ? UINT64_MAX : 0)) return false;
    *out = (vb_xsum_fixed)(((vb_xsum_ufixed)t->limb[1] << 64) | t->limb[0]);
    return true;
}

/* s += v exactly. */
static inline void vb_xsum_add_fixed(vb_xsum *s, vb_xsum_fixed v)
{
    const vb_xsum_ufixed u = (vb_xsum_ufixed)v;
    const vb_xsum t = {{(uint64_t)u, (uint64_t)(u >> 64), v < 0 ? UINT64_MAX : 0}};
    vb_xsum_merge(s, &t);
}

static inline void vb_xsum_term(vb_xsum *t, double v)
{
    if (v > -0x1p62 && v < 0x1p62 && v == (double)(int64_t)v) {
        const int64_t i = (int64_t)v;
        t->limb[0] = 0;
        t->limb[1] = (uint64_t)i;
        t->limb[2] = i < 0 ? UINT64_MAX : 0;
        return;
    }
    vb_xsum_term_any(t, v);
}

static inline double vb_xsum_value(const vb_xsum *s)
{
    if (s->limb[0] == 0 && s->limb[2] == ((int64_t)s->limb[1] < 0 ? UINT64_MAX : 0))
        return (double)(int64_t)s->limb[1]; /* correctly rounded */
    return vb_xsum_value_any(s);
}

static inline bool vb_xsum_is_zero(const vb_xsum *s)
{
    return (s->limb[0] | s->limb[1] | s->limb[2]) == 0;
}

static inline bool vb_xsum_equal(const vb_xsum *a, const vb_xsum *b)
{
    return a->limb[0] == b->limb[0] && a->limb[1] == b->limb[1] && a->limb[2] == b->limb[2];
}

/* Writes the sum exactly as hex fixed point, "-0x1f.8" (at most 53 bytes
 * and the NUL: sign, "0x", 32 integer digits, '.', 16 fraction digits);
 * returns its length. */
#define VB_XSUM_TEXT_MAX 56
size_t vb_xsum_format(const vb_xsum *s, char out[VB_XSUM_TEXT_MAX]);

/* Parses what vb_xsum_format() writes: [-]0x<hex>[.<hex>], at most 32
 * integer and 16 fraction digits, |value| < 2^127. False otherwise. */
bool vb_xsum_parse(const char *s, size_t len, vb_xsum *out);

#endif

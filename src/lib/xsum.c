/* xsum.c: exact fixed-point sums (xsum.h).
 *
 * A double is m 2^e with m < 2^53, so in units of 2^-64 it is m shifted
 * by e + 64 bits: left into the 192-bit number, or right with rounding
 * (to nearest, ties to even) when e < -64. Reading back takes the top 64
 * significant bits with a sticky bit for the rest, which the conversion
 * to double then rounds correctly.
 */
#include "xsum.h"

#include <math.h>
#include <string.h>

#define TOP_BIT ((uint64_t)1 << 63)

static bool negative(const vb_xsum *s)
{
    return (s->limb[2] & TOP_BIT) != 0;
}

static void negate(vb_xsum *s)
{
    uint64_t carry = 1;
    for (int i = 0; i < 3; i++) {
        const uint64_t v = ~s->limb[i] + carry;
        carry = carry != 0 && v == 0;
        s->limb[i] = v;
    }
}

static void saturate(vb_xsum *s, bool neg)
{
    s->limb[0] = neg ? 0 : UINT64_MAX;
    s->limb[1] = neg ? 0 : UINT64_MAX;
    s->limb[2] = neg ? TOP_BIT : ~TOP_BIT;
}

void vb_xsum_saturate(vb_xsum *s, bool neg)
{
    saturate(s, neg);
}

void vb_xsum_add_any(vb_xsum *s, double v)
{
    vb_xsum t;
    vb_xsum_term_any(&t, v);
    vb_xsum_merge(s, &t);
}

void vb_xsum_term_any(vb_xsum *out, double v)
{
    vb_xsum t = {{0, 0, 0}};
    *out = t;
    if (v != v || v == 0) return;
    const bool neg = v < 0;
    if (fabs(v) >= 0x1p126) {
        t.limb[2] = (uint64_t)1 << 62;
    } else {
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        const int biased = (int)((bits >> 52) & 0x7ff);
        uint64_t m = bits & (((uint64_t)1 << 52) - 1);
        int e = -1074;
        if (biased != 0) {
            m |= (uint64_t)1 << 52;
            e = biased - 1075;
        }
        const int shift = e + 64; /* units = m 2^shift */
        if (shift >= 0) {
            /* |v| < 2^126: m 2^shift < 2^190, within limbs 0-2 */
            const int at = shift / 64, bit = shift % 64;
            t.limb[at] = m << bit;
            if (bit > 11) t.limb[at + 1] = m >> (64 - bit);
        } else {
            const int r = -shift;
            if (r >= 54) return; /* below half a unit */
            const uint64_t q = m >> r, rem = m & (((uint64_t)1 << r) - 1);
            const uint64_t half = (uint64_t)1 << (r - 1);
            t.limb[0] = q + (rem > half || (rem == half && (q & 1) != 0));
        }
    }
    if (neg) negate(&t);
    *out = t;
}

/* Bit `n` and up of the magnitude, as 64 bits; *sticky = any bit below n. */
static uint64_t bits_from(const uint64_t m[3], int n, bool *sticky)
{
    const int at = n / 64, bit = n % 64;
    uint64_t lo = m[at] >> bit;
    if (bit > 0 && at + 1 < 3) lo |= m[at + 1] << (64 - bit);
    *sticky = bit > 0 && (m[at] & (((uint64_t)1 << bit) - 1)) != 0;
    for (int i = 0; i < at; i++)
        *sticky = *sticky || m[i] != 0;
    return lo;
}

static int top_bit(uint64_t v) /* v != 0 */
{
#if defined(__GNUC__)
    return 63 - __builtin_clzll(v);
#else
    int n = 0;
    while (v >>= 1)
        n++;
    return n;
#endif
}

/* 2^e for -1022 <= e <= 1023, without ldexp (this is the hot path). */
static double pow2(int e)
{
    const uint64_t bits = (uint64_t)(e + 1023) << 52;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

double vb_xsum_value_any(const vb_xsum *s)
{
    vb_xsum m = *s;
    const bool neg = negative(&m);
    if (neg) negate(&m); /* the most negative value stays 2^191 unsigned */
    double v;
    if (m.limb[2] == 0 && m.limb[1] == 0) {
        v = (double)m.limb[0] * 0x1p-64; /* rounds once, then scales exactly */
    } else if (m.limb[2] == 0 && m.limb[0] == 0 && m.limb[1] <= ((uint64_t)1 << 53)) {
        v = (double)m.limb[1]; /* an integer, exactly: the common case */
    } else {
        const int top = m.limb[2] != 0 ? 128 + top_bit(m.limb[2]) : 64 + top_bit(m.limb[1]);
        bool sticky;
        const int from = top - 63;
        const uint64_t hi = bits_from(m.limb, from, &sticky);
        /* 64 bits plus a sticky one: the conversion rounds correctly */
        v = (double)(hi | (uint64_t)sticky) * pow2(from - 64);
    }
    return neg ? -v : v;
}

static const char hex_digits[] = "0123456789abcdef";

size_t vb_xsum_format(const vb_xsum *s, char out[VB_XSUM_TEXT_MAX])
{
    vb_xsum m = *s;
    size_t n = 0;
    if (negative(&m)) {
        negate(&m);
        out[n++] = '-';
    }
    out[n++] = '0';
    out[n++] = 'x';
    bool started = false;
    for (int i = 2; i >= 1; i--)
        for (int d = 15; d >= 0; d--) {
            const unsigned v = (unsigned)(m.limb[i] >> (d * 4)) & 15u;
            if (v != 0 || started || (i == 1 && d == 0)) {
                out[n++] = hex_digits[v];
                started = true;
            }
        }
    if (m.limb[0] != 0) {
        out[n++] = '.';
        uint64_t f = m.limb[0];
        while (f != 0) {
            out[n++] = hex_digits[f >> 60];
            f <<= 4;
        }
    }
    out[n] = '\0';
    return n;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool vb_xsum_parse(const char *s, size_t len, vb_xsum *out)
{
    vb_xsum m = {{0, 0, 0}};
    size_t i = 0;
    const bool neg = len > 0 && s[0] == '-';
    i += neg;
    if (len - i < 3 || s[i] != '0' || s[i + 1] != 'x') return false;
    i += 2;
    size_t digits = 0;
    for (; i < len && hex_value(s[i]) >= 0; i++, digits++) {
        if (digits == 32) return false;
        m.limb[2] = m.limb[2] << 4 | m.limb[1] >> 60;
        m.limb[1] = m.limb[1] << 4 | (uint64_t)hex_value(s[i]);
    }
    if (digits == 0 || negative(&m)) return false; /* |value| < 2^127 */
    if (i < len && s[i] == '.') {
        i++;
        size_t frac = 0;
        for (; i < len && hex_value(s[i]) >= 0; i++, frac++) {
            if (frac == 16) return false;
            m.limb[0] |= (uint64_t)hex_value(s[i]) << (60 - 4 * frac);
        }
        if (frac == 0) return false;
    }
    if (i != len) return false;
    if (neg) negate(&m);
    *out = m;
    return true;
}

/* jsonw.c: JSON escaping and number formatting for the record writers. */
#include "jsonw.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* 1 for bytes that must be escaped inside a JSON string. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
};

/* The common case of vb_json_string(): nothing to escape and room in the
 * buffer, so one scan and one copy. False: take the general path. */
static bool plain_string(vb_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++)
        if (needs_escape[p[i]])
            return false;
    if (len > SIZE_MAX - 2 || !vb_buf_fits(b, len + 2))
        return false;
    char *d = b->data + b->len;
    *d++ = '"';
    memcpy(d, s, len);
    d += len;
    *d++ = '"';
    *d = '\0';
    b->len = (size_t)(d - b->data);
    return true;
}

vb_status vb_json_string(vb_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (plain_string(b, s, len))
        return VB_OK;
    /* Worst case every byte becomes \u00XX: reserve once, then write. */
    if (len > ((size_t)-1 - 2) / 6)
        return VB_ELIMIT;
    vb_status st = vb_buf_reserve(b, len + 2);
    if (st != VB_OK)
        return st;
    b->data[b->len++] = '"';
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && !needs_escape[*p])
            p++;
        if (p > run) {
            st = vb_buf_append(b, (const char *)run, (size_t)(p - run));
            if (st != VB_OK)
                return st;
        }
        if (p == end)
            break;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t n = 2;
        switch (*p) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[*p >> 4];
            esc[5] = hex[*p & 15];
            n = 6;
        }
        st = vb_buf_append(b, esc, n);
        if (st != VB_OK)
            return st;
        p++;
    }
    return vb_buf_putc(b, '"');
}

vb_status vb_json_key(vb_buf *b, const char *key)
{
    vb_status st = vb_buf_putc(b, '"');
    if (st == VB_OK)
        st = vb_buf_puts(b, key);
    if (st == VB_OK)
        st = vb_buf_append(b, "\":", 2);
    return st;
}

const char vb_json_digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

char *vb_json_put_number(char *p, double x, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    static const uint32_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                     10000000, 100000000, 1000000000};
    /* Scores are small and printed with a few decimals: round to an
     * integer count of units and print that, which is several times
     * faster than printf's exact decimal conversion. Large values, which
     * scores never are, are left to the caller's printf path. */
    const double ax = fabs(x);
    if (!(ax < 1e9)) { /* one test for the rare cases: large, infinite, NaN */
        if (isfinite(x))
            return NULL;
        memcpy(p, "null", 4);
        return p + 4;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        return NULL;
    /* Round half away from zero, as llround() does: the fraction of a
     * double below 2^52 is exact, and from 2^52 up every double is an
     * integer. Then the sign, the integer digits and the fraction digits
     * without trailing zeros. */
    const double v = ax * scale[decimals]; /* rounding is symmetric: |x * s| */
    /* v < 1e18 < 2^63: the signed conversions are one instruction each,
     * the unsigned ones a branchy sequence on x86-64. */
    uint64_t u = (uint64_t)(int64_t)v;
    if (v - (double)(int64_t)u >= 0.5)
        u++;
    if (u == 0) {
        *p = '0'; /* no negative zero */
        return p + 1;
    }
    if (x < 0)
        *p++ = '-';
    /* A score below 1 (the common case) needs no division. */
    uint32_t frac = (uint32_t)u;
    if (u < pow10[decimals]) {
        *p++ = '0';
    } else {
        const uint64_t whole = u / pow10[decimals];
        frac = (uint32_t)(u - whole * pow10[decimals]); /* < 10^9 */
        p = vb_json_put_size(p, (size_t)whole);
    }
    if (frac == 0)
        return p;
    /* All `decimals` digits right to left, then the trailing zeros cut:
     * frac != 0, so the cut stops before the point. */
    *p++ = '.';
    char *const end = p + decimals;
    char *q = end;
    for (; q - p >= 2; frac /= 100, q -= 2)
        memcpy(q - 2, vb_json_digit_pairs + 2 * (frac % 100), 2);
    if (q > p)
        *--q = (char)('0' + frac);
    q = end;
    while (q[-1] == '0')
        q--;
    return q;
}

vb_status vb_json_number(vb_buf *b, double x, int decimals)
{
    if (vb_buf_fits(b, VB_JSON_NUMBER_MAX)) {
        char *p = vb_json_put_number(b->data + b->len, x, decimals);
        if (p != NULL) {
            *p = '\0';
            b->len = (size_t)(p - b->data);
            return VB_OK;
        }
    } else {
        char tmp[VB_JSON_NUMBER_MAX];
        const char *p = vb_json_put_number(tmp, x, decimals);
        if (p != NULL)
            return vb_buf_append(b, tmp, (size_t)(p - tmp));
    }
    char tmp[400];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, x);
    if (n <= 0 || (size_t)n >= sizeof tmp)
        return VB_EINVAL;
    if (memchr(tmp, '.', (size_t)n) != NULL) {
        while (n > 0 && tmp[n - 1] == '0')
            n--;
        if (n > 0 && tmp[n - 1] == '.')
            n--;
    }
    if (n == 2 && tmp[0] == '-' && tmp[1] == '0')
        return vb_buf_putc(b, '0');
    return vb_buf_append(b, tmp, (size_t)n);
}

vb_status vb_json_size(vb_buf *b, size_t n)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    return vb_buf_append(b, tmp + i, sizeof tmp - i);
}

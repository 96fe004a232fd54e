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

vb_status vb_json_string(vb_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
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

vb_status vb_json_number(vb_buf *b, double x, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (!isfinite(x))
        return vb_buf_append(b, "null", 4);
    if (decimals < 0)
        decimals = 0;
    /* Scores are small and printed with a few decimals: round to an
     * integer count of units and print that, which is several times
     * faster than printf's exact decimal conversion. Large values, which
     * scores never are, take the printf path. */
    if (decimals <= 9 && fabs(x) < 1e9) {
        /* Round half away from zero, as llround() does: the fraction of a
         * double below 2^52 is exact, and from 2^52 up every double is an
         * integer. Then the sign, the integer digits and the fraction
         * digits without trailing zeros. */
        static const unsigned long long pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                                   10000000, 100000000, 1000000000};
        const double v = fabs(x * scale[decimals]);
        unsigned long long u = (unsigned long long)v;
        if (v - (double)u >= 0.5)
            u++;
        if (u == 0)
            return vb_buf_putc(b, '0');
        uint32_t frac = (uint32_t)(u % pow10[decimals]); /* < 10^9: 32-bit arithmetic */
        u /= pow10[decimals];
        int frac_digits = 0;
        if (frac != 0) {
            frac_digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                frac_digits--;
            }
        }
        size_t int_digits = 1;
        for (unsigned long long q = u; q >= 10; q /= 10)
            int_digits++;
        const size_t len =
            (x < 0) + int_digits + (frac_digits > 0 ? 1 + (size_t)frac_digits : 0);
        if (!vb_buf_fits(b, len)) {
            const vb_status st = vb_buf_reserve(b, len);
            if (st != VB_OK)
                return st;
        }
        /* Written in place: sign, integer digits, then the fraction. */
        char *p = b->data + b->len;
        if (x < 0)
            *p++ = '-';
        for (size_t k = int_digits; k > 0; k--, u /= 10)
            p[k - 1] = (char)('0' + u % 10);
        p += int_digits;
        if (frac_digits > 0) {
            *p++ = '.';
            for (int k = frac_digits; k > 0; k--, frac /= 10)
                p[k - 1] = (char)('0' + frac % 10);
            p += frac_digits;
        }
        *p = '\0';
        b->len = (size_t)(p - b->data);
        return VB_OK;
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

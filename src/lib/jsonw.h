/* jsonw.h: hand-written JSON output into a vb_buf. The hot path of
 * `analyze` is writing JSON, so escaping scans runs of safe bytes and
 * copies them at once rather than going through a general serialiser. */
#ifndef VB_JSONW_H
#define VB_JSONW_H

#include "buf.h"

#include <string.h>

/* Appends `s` as a JSON string (with quotes). `s` must be valid UTF-8;
 * control characters are escaped, everything else is copied as is. */
vb_status vb_json_string(vb_buf *b, const char *s, size_t len);
/* Appends `"key":` (key is a literal without characters to escape). */
vb_status vb_json_key(vb_buf *b, const char *key);
/* Appends `x` rounded to `decimals` places, without trailing zeros and
 * with no negative zero, so the same value always prints the same. */
vb_status vb_json_number(vb_buf *b, double x, int decimals);
vb_status vb_json_size(vb_buf *b, size_t n);

/* Writes `x` as vb_json_number() does at `p`, which has room for
 * VB_JSON_NUMBER_MAX bytes, and returns the end (no NUL); "null" when `x`
 * is not finite. Returns NULL, writing nothing, for what needs printf
 * (|x| >= 1e9 or decimals > 9): then call vb_json_number(). */
#define VB_JSON_NUMBER_MAX 21 /* sign, 9 + 1 + 9 digits and point, "null" fits */
char *vb_json_put_number(char *p, double x, int decimals);

/* "00".."99", for writing digits two at a time. */
extern const char vb_json_digit_pairs[201];

/* Writes `n` in decimal at `p`, which has room for VB_JSON_SIZE_MAX bytes;
 * returns the end. For writers that reserved room beforehand. */
#define VB_JSON_SIZE_MAX 20
static inline char *vb_json_put_size(char *p, size_t n)
{
    /* Offsets and counts are mostly below 10000: those take a branch or
     * two and whole digit pairs. */
    if (n < 10) {
        *p = (char)('0' + n);
        return p + 1;
    }
    if (n < 100) {
        memcpy(p, vb_json_digit_pairs + 2 * n, 2);
        return p + 2;
    }
    if (n < 10000) {
        const size_t hi = n / 100, lo = n % 100;
        if (hi < 10)
            *p++ = (char)('0' + hi);
        else {
            memcpy(p, vb_json_digit_pairs + 2 * hi, 2);
            p += 2;
        }
        memcpy(p, vb_json_digit_pairs + 2 * lo, 2);
        return p + 2;
    }
    /* Count the digits first, then write them in place, right to left. */
    size_t len = 1;
    for (size_t v = n; v >= 10; v /= 10)
        len++;
    char *q = p + len;
    do {
        *--q = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    return p + len;
}

#endif

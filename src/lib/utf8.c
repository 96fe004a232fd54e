/* utf8.c: the first text stage. Comments arrive as arbitrary bytes (mixed
 * encodings, truncated exports); everything after this stage may assume
 * valid UTF-8. Valid input, by far the common case, is checked eight ASCII
 * bytes at a time and passed through without a copy. Invalid input is
 * copied once, with each maximal subpart replaced by U+FFFD and counted.
 * NUL and control characters are valid UTF-8 and stay: they are data for
 * the writers to escape, and separators for the tokeniser. The writers
 * that align text in columns measure it here too, with utf8proc's widths. */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

/* Length of the well-formed sequence at s[0..n), or 0 when it is not
 * one; then *bad is the length of its maximal subpart (at least 1). The
 * second byte's range depends on the lead byte (Unicode table 3-7): this
 * is what rules out overlong forms, surrogates and values past U+10FFFF. */
static size_t sequence_len(const unsigned char *s, size_t n, size_t *bad)
{
    const unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates D800..DFFF */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* past U+10FFFF */
    } else {
        *bad = 1; /* continuation byte, C0, C1, F5..FF */
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need;
}

/* Where the lowest set bit is the first byte in memory, a word's first
 * non-ASCII byte is found from its high bits at once. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FIND_HIGH_BYTE 1
#else
#define FIND_HIGH_BYTE 0
#endif

size_t vb_utf8_valid_len(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t high = w & UINT64_C(0x8080808080808080);
            if (high == 0) {
                i += 8;
                continue;
            }
            if (FIND_HIGH_BYTE)
                i += (size_t)__builtin_ctzll(high) / 8; /* skip the ASCII before it */
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t bad;
        const size_t n = sequence_len(s + i, len - i, &bad);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

/* Writes the repaired text to `out` (when not NULL) and returns its length;
 * called once to size the copy and once to fill it. */
static size_t repair_into(const unsigned char *s, size_t len, size_t from, char *out,
                          size_t *n_invalid)
{
    size_t o = from, i = from, n_bad = 0;
    while (i < len) {
        size_t bad = 0;
        const size_t n = s[i] < 0x80 ? 1 : sequence_len(s + i, len - i, &bad);
        if (n > 0) {
            if (out != NULL)
                memcpy(out + o, s + i, n);
            o += n;
            i += n;
        } else {
            if (out != NULL)
                memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += bad;
            n_bad++;
        }
    }
    *n_invalid = n_bad;
    return o;
}

vb_status vb_utf8_repair(vb_arena *arena, const char *str, size_t len, const char **out,
                         size_t *out_len, size_t *n_invalid)
{
    const unsigned char *s = (const unsigned char *)str;
    const size_t valid = vb_utf8_valid_len(str, len);
    if (valid == len) {
        *out = str;
        *out_len = len;
        *n_invalid = 0;
        return VB_OK;
    }
    size_t n_bad;
    const size_t need = repair_into(s, len, valid, NULL, &n_bad);
    char *copy = vb_arena_alloc(arena, need + 1);
    if (copy == NULL)
        return VB_ENOMEM;
    memcpy(copy, s, valid);
    repair_into(s, len, valid, copy, &n_bad);
    copy[need] = '\0';
    *out = copy;
    *out_len = need;
    *n_invalid = n_bad;
    return VB_OK;
}

size_t vb_utf8_encode(int32_t cp, char *out)
{
    const uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t vb_utf8_fit(const char *str, size_t len, size_t max, size_t *width)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, w = 0;
    while (i < len) {
        size_t n = 1, cw = 1; /* ASCII, controls included: no need of utf8proc */
        if (s[i] >= 0x80) {
            int32_t cp;
            n = vb_utf8_decode(s + i, len - i, &cp);
            cw = (size_t)utf8proc_charwidth(cp);
        }
        if (cw > max - w) break;
        w += cw;
        i += n;
    }
    *width = w;
    return i;
}

size_t vb_utf8_width(const char *s, size_t len)
{
    size_t w;
    vb_utf8_fit(s, len, SIZE_MAX, &w);
    return w;
}

/* utf8.h: UTF-8 validation, repair and decoding, and the display width
 * of text for the writers that align it (the one use of utf8proc here).
 *
 * Repair follows the Unicode "maximal subpart" practice (Unicode 15,
 * section 3.9, U+FFFD substitution): each maximal prefix of a would-be
 * well-formed sequence becomes one U+FFFD, and so does each byte that
 * cannot start one (stray continuation bytes, C0, C1, F5..FF). */
#ifndef VB_UTF8_H
#define VB_UTF8_H

#include "arena.h"

#include <stdint.h>

#define VB_UTF8_REPLACEMENT 0xFFFD

/* Returns the length of the longest valid prefix of `s`: `len` when the
 * whole of `s` is valid UTF-8. NUL and control characters are valid. */
size_t vb_utf8_valid_len(const char *s, size_t len);

/* Repairs `len` bytes at `s`. When `s` is valid, *out = s (no copy);
 * otherwise *out is a NUL-terminated copy in `arena` with every invalid
 * sequence replaced by U+FFFD. *n_invalid counts the replacements.
 * VB_OK or VB_ENOMEM. */
vb_status vb_utf8_repair(vb_arena *arena, const char *s, size_t len, const char **out,
                         size_t *out_len, size_t *n_invalid);

/* Writes `cp` (at most U+10FFFF, not a surrogate) as 1-4 bytes into
 * `out`; returns the number of bytes. */
size_t vb_utf8_encode(int32_t cp, char *out);

/* Decodes the code point at s[0] of `len` > 0 bytes of *valid* UTF-8 and
 * returns its length in bytes. A truncated sequence (which repaired text
 * never has) decodes as one U+FFFD byte, so callers always make progress. */
static inline size_t vb_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    const unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c >= 0xC0 && c < 0xE0 && len >= 2) {
        *cp = (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
        return 2;
    }
    if (c >= 0xE0 && c < 0xF0 && len >= 3) {
        *cp = (int32_t)(((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
        return 3;
    }
    if (c >= 0xF0 && len >= 4) {
        *cp = (int32_t)(((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
                        (s[3] & 0x3Fu));
        return 4;
    }
    *cp = VB_UTF8_REPLACEMENT;
    return 1;
}

/* Terminal columns of `len` bytes of valid UTF-8, by utf8proc_charwidth():
 * 2 for a wide or full-width character (CJK, most emoji), 0 for a
 * combining mark or a format character, else 1. An ASCII control counts
 * as one column: the writers that align text show it as a space. */
size_t vb_utf8_width(const char *s, size_t len);

/* Returns the length in bytes of the longest prefix of `s` (`len` bytes of
 * valid UTF-8) that takes at most `max` columns, in whole code points, and
 * its columns in *width. The zero-width marks after its last character
 * stay with it. */
size_t vb_utf8_fit(const char *s, size_t len, size_t max, size_t *width);

#endif

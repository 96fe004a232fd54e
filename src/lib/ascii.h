/* ascii.h: ASCII case folding for names and keywords (column names, file
 * extensions, survey labels), where the rules are ASCII by definition. */
#ifndef VB_ASCII_H
#define VB_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline char vb_ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static inline bool vb_ascii_iequal(const char *a, size_t a_len, const char *b, size_t b_len)
{
    if (a_len != b_len) return false;
    for (size_t i = 0; i < a_len; i++)
        if (vb_ascii_lower(a[i]) != vb_ascii_lower(b[i])) return false;
    return true;
}

#endif

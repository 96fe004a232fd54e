/* ascii.h: ASCII case folding and white space for names and keywords
 * (column names, file extensions, survey and score labels), and JSON's
 * white space, where the rules are ASCII by definition. */
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

static inline bool vb_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool vb_ascii_alpha(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool vb_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* JSON's white space (RFC 8259): no form feed or vertical tab. */
static inline bool vb_json_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Narrows s[0, len) to leave out ASCII white space at both ends. */
static inline void vb_ascii_trim(const char **s, size_t *len)
{
    while (*len > 0 && vb_ascii_space(**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && vb_ascii_space((*s)[*len - 1]))
        (*len)--;
}

#endif

/* json_check.c: a strict checker of JSON Lines for the CLI tests.
 *
 * Reads stdin; every line must be exactly one JSON value by RFC 8259: no
 * raw control character in a string, only the escapes the RFC lists,
 * \uXXXX surrogates only in proper pairs, well-formed UTF-8 (no overlong
 * form, no encoded surrogate, nothing above U+10FFFF), no trailing text.
 * Prints "N lines, all valid JSON" and exits 0, or the first problem of
 * each bad line (line number and byte column) and exits 1. Deliberately
 * stricter than cJSON, jq or Python, which accept some of these.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scan {
    const unsigned char *s;
    size_t len, pos;
    const char *error; /* first problem, or NULL */
    int depth;
} scan;

static bool bad(scan *c, const char *why)
{
    if (c->error == NULL)
        c->error = why;
    return false;
}

static void space(scan *c)
{
    while (c->pos < c->len && strchr(" \t\r\n", c->s[c->pos]) != NULL && c->s[c->pos] != '\0')
        c->pos++;
}

static bool literal(scan *c, const char *word)
{
    const size_t n = strlen(word);
    if (c->len - c->pos < n || memcmp(c->s + c->pos, word, n) != 0)
        return bad(c, "unexpected character");
    c->pos += n;
    return true;
}

/* One UTF-8 sequence at c->pos, well formed (RFC 3629). */
static bool utf8(scan *c)
{
    const unsigned char *p = c->s + c->pos;
    const size_t avail = c->len - c->pos;
    const unsigned b = p[0];
    size_t n;
    unsigned cp, min;
    if (b < 0x80) {
        c->pos++;
        return true;
    } else if (b >= 0xC2 && b <= 0xDF) {
        n = 2, cp = b & 0x1F, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3, cp = b & 0x0F, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4, cp = b & 0x07, min = 0x10000;
    } else {
        return bad(c, "invalid UTF-8 lead byte");
    }
    if (avail < n)
        return bad(c, "UTF-8 sequence cut short");
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return bad(c, "UTF-8 sequence cut short");
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min)
        return bad(c, "overlong UTF-8");
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return bad(c, "UTF-8 encoded surrogate");
    if (cp > 0x10FFFF)
        return bad(c, "code point above U+10FFFF");
    c->pos += n;
    return true;
}

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        const int ch = p[i];
        const int d = ch >= '0' && ch <= '9'   ? ch - '0'
                      : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                      : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                               : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static bool string(scan *c)
{
    c->pos++; /* the opening quote */
    while (c->pos < c->len) {
        const unsigned char ch = c->s[c->pos];
        if (ch == '"') {
            c->pos++;
            return true;
        }
        if (ch < 0x20)
            return bad(c, "raw control character in a string");
        if (ch != '\\') {
            if (!utf8(c))
                return false;
            continue;
        }
        if (c->pos + 1 >= c->len)
            return bad(c, "string not closed");
        const unsigned char e = c->s[c->pos + 1];
        if (strchr("\"\\/bfnrt", e) != NULL && e != '\0') {
            c->pos += 2;
            continue;
        }
        if (e != 'u')
            return bad(c, "invalid escape");
        const int v = c->len - c->pos >= 6 ? hex4(c->s + c->pos + 2) : -1;
        if (v < 0)
            return bad(c, "invalid \\u escape");
        c->pos += 6;
        if (v >= 0xDC00 && v <= 0xDFFF)
            return bad(c, "lone low surrogate escape");
        if (v >= 0xD800 && v <= 0xDBFF) {
            const int lo = c->len - c->pos >= 6 && c->s[c->pos] == '\\' && c->s[c->pos + 1] == 'u'
                               ? hex4(c->s + c->pos + 2)
                               : -1;
            if (lo < 0xDC00 || lo > 0xDFFF)
                return bad(c, "lone high surrogate escape");
            c->pos += 6;
        }
    }
    return bad(c, "string not closed");
}

static bool number(scan *c)
{
    const unsigned char *s = c->s;
    size_t p = c->pos;
    if (p < c->len && s[p] == '-')
        p++;
    if (p < c->len && s[p] == '0') {
        p++;
    } else if (p < c->len && s[p] >= '1' && s[p] <= '9') {
        while (p < c->len && s[p] >= '0' && s[p] <= '9')
            p++;
    } else {
        return bad(c, "invalid number");
    }
    if (p < c->len && s[p] == '.') {
        p++;
        if (p >= c->len || s[p] < '0' || s[p] > '9')
            return bad(c, "invalid number");
        while (p < c->len && s[p] >= '0' && s[p] <= '9')
            p++;
    }
    if (p < c->len && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < c->len && (s[p] == '+' || s[p] == '-'))
            p++;
        if (p >= c->len || s[p] < '0' || s[p] > '9')
            return bad(c, "invalid number");
        while (p < c->len && s[p] >= '0' && s[p] <= '9')
            p++;
    }
    c->pos = p;
    return true;
}

static bool value(scan *c);

static bool container(scan *c, unsigned char close)
{
    if (++c->depth > 10000)
        return bad(c, "nested too deep");
    c->pos++;
    space(c);
    if (c->pos < c->len && c->s[c->pos] == close) {
        c->pos++;
        c->depth--;
        return true;
    }
    for (;;) {
        if (close == '}') {
            space(c);
            if (c->pos >= c->len || c->s[c->pos] != '"')
                return bad(c, "expected a key");
            if (!string(c))
                return false;
            space(c);
            if (c->pos >= c->len || c->s[c->pos] != ':')
                return bad(c, "expected ':'");
            c->pos++;
        }
        if (!value(c))
            return false;
        space(c);
        if (c->pos < c->len && c->s[c->pos] == ',') {
            c->pos++;
            continue;
        }
        if (c->pos < c->len && c->s[c->pos] == close) {
            c->pos++;
            c->depth--;
            return true;
        }
        return bad(c, "expected ',' or the end of the container");
    }
}

static bool value(scan *c)
{
    space(c);
    if (c->pos >= c->len)
        return bad(c, "expected a value");
    switch (c->s[c->pos]) {
    case '{': return container(c, '}');
    case '[': return container(c, ']');
    case '"': return string(c);
    case 't': return literal(c, "true");
    case 'f': return literal(c, "false");
    case 'n': return literal(c, "null");
    default: return number(c);
    }
}

int main(void)
{
    size_t cap = 1 << 16, len = 0, line_no = 0, n_bad = 0;
    unsigned char *line = malloc(cap);
    int ch;
    if (line == NULL)
        return 2;
    for (;;) {
        len = 0;
        while ((ch = getchar()) != EOF && ch != '\n') {
            if (len == cap) {
                unsigned char *bigger = realloc(line, cap *= 2);
                if (bigger == NULL)
                    return 2;
                line = bigger;
            }
            line[len++] = (unsigned char)ch;
        }
        if (ch == EOF && len == 0)
            break;
        line_no++;
        scan c = {line, len, 0, NULL, 0};
        if (value(&c)) {
            space(&c);
            if (c.pos != len)
                bad(&c, "text after the value");
        }
        if (c.error != NULL) {
            printf("line %zu, byte %zu: %s\n", line_no, c.pos + 1, c.error);
            n_bad++;
        }
        if (ch == EOF) {
            printf("line %zu: no newline at the end\n", line_no);
            n_bad++;
            break;
        }
    }
    free(line);
    if (n_bad == 0)
        printf("%zu lines, all valid JSON\n", line_no);
    return n_bad == 0 ? 0 : 1;
}

/* test_text.h: a growing, NUL-terminated string for tests that collect
 * what a writer or reader gives out and compare it with one expected
 * string. Include after <cmocka.h> (it asserts on allocation). */
#ifndef VB_TEST_TEXT_H
#define VB_TEST_TEXT_H

#include <stdlib.h>
#include <string.h>

typedef struct tstr {
    char *data; /* NULL until the first append */
    size_t len, cap;
} tstr;

static inline void tstr_add(tstr *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        s->cap = (s->len + n + 1) * 2;
        s->data = realloc(s->data, s->cap);
        assert_non_null(s->data);
    }
    memcpy(s->data + s->len, p, n);
    s->len += n;
    s->data[s->len] = '\0';
}

static inline void tstr_puts(tstr *s, const char *p)
{
    tstr_add(s, p, strlen(p));
}

#endif

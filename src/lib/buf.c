/* buf.c: growable, capped byte buffers for readers and writers. */
#include "buf.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void vb_buf_init(vb_buf *b, const vb_allocator *a, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
    b->alloc = a;
}

void vb_buf_free(vb_buf *b)
{
    vb_free(b->alloc, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

vb_status vb_buf_reserve(vb_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return VB_ELIMIT;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return VB_OK;
    size_t cap = b->cap < 256 ? 256 : b->cap;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *d = vb_realloc(b->alloc, b->data, cap);
    if (d == NULL)
        return VB_ENOMEM;
    b->data = d;
    b->cap = cap;
    return VB_OK;
}

vb_status vb_buf_append_slow(vb_buf *b, const char *data, size_t len)
{
    vb_status st = vb_buf_reserve(b, len);
    if (st != VB_OK)
        return st;
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return VB_OK;
}


vb_status vb_buf_printf(vb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return VB_EINVAL;
    vb_status st = vb_buf_reserve(b, (size_t)n);
    if (st != VB_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return VB_OK;
}

void vb_buf_consume(vb_buf *b, size_t n)
{
    if (n >= b->len) {
        vb_buf_reset(b);
        return;
    }
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
    b->data[b->len] = '\0';
}

/* buf.h: a growable byte buffer with a hard cap (like curl's dynbuf), so
 * that no input can make a buffer grow without bound. */
#ifndef VB_BUF_H
#define VB_BUF_H

#include "verbatim.h"

#include <string.h>

typedef struct vb_buf {
    char *data;               /* NUL-terminated when cap > 0 */
    size_t len;               /* bytes in use, excluding the NUL */
    size_t cap;               /* bytes allocated */
    size_t max;               /* largest len allowed; VB_ELIMIT past it */
    const vb_allocator *alloc;
} vb_buf;

void vb_buf_init(vb_buf *b, const vb_allocator *a, size_t max);
void vb_buf_free(vb_buf *b);
static inline void vb_buf_reset(vb_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

/* Makes room for `extra` more bytes (plus the NUL). VB_ENOMEM, VB_ELIMIT. */
vb_status vb_buf_reserve(vb_buf *b, size_t extra);
/* The writers below are inline: their common case, room in the buffer, is
 * a bounds check and a copy; vb_buf_append_slow() grows the buffer. */
vb_status vb_buf_append_slow(vb_buf *b, const char *data, size_t len);

/* True when `extra` more bytes (and the NUL) fit without growing. */
static inline bool vb_buf_fits(const vb_buf *b, size_t extra)
{
    return extra < b->cap - b->len && b->len + extra <= b->max;
}

static inline vb_status vb_buf_append(vb_buf *b, const char *data, size_t len)
{
    if (!vb_buf_fits(b, len))
        return vb_buf_append_slow(b, data, len);
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return VB_OK;
}

static inline vb_status vb_buf_puts(vb_buf *b, const char *s)
{
    return vb_buf_append(b, s, strlen(s));
}

static inline vb_status vb_buf_putc(vb_buf *b, char c)
{
    if (!vb_buf_fits(b, 1))
        return vb_buf_append_slow(b, &c, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return VB_OK;
}
vb_status vb_buf_printf(vb_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Removes the first `n` bytes, moving the rest to the front. */
void vb_buf_consume(vb_buf *b, size_t n);

#endif

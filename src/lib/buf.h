/* buf.h: a growable byte buffer with a hard cap (like curl's dynbuf), so
 * that no input can make a buffer grow without bound. */
#ifndef VB_BUF_H
#define VB_BUF_H

#include "verbatim.h"

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
vb_status vb_buf_append(vb_buf *b, const char *data, size_t len);
vb_status vb_buf_puts(vb_buf *b, const char *s);
vb_status vb_buf_putc(vb_buf *b, char c);
vb_status vb_buf_printf(vb_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Removes the first `n` bytes, moving the rest to the front. */
void vb_buf_consume(vb_buf *b, size_t n);

#endif

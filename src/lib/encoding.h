/* encoding.h: the input's bytes, whatever their encoding, as UTF-8.
 *
 * Not every export is UTF-8: Excel saves "CSV" in the Windows code page
 * (Windows-1252 in the West: "don\x92t", "caf\xE9") and "Unicode text" in
 * UTF-16, and read as UTF-8 their apostrophes become U+FFFD, which turns
 * "wasn't good" into praise. A decoder sits in front of the parsers and
 * hands them UTF-8 (vb_encoding says what each encoding means):
 *
 *     vb_decoder d;
 *     vb_decoder_init(&d, VB_ENCODING_AUTO, alloc);
 *     vb_decoder_feed(&d, buf, len, &out);   // appends UTF-8 to out
 *     vb_decoder_finish(&d, &out);
 *     vb_decoder_free(&d);
 *
 * With VB_ENCODING_AUTO, ASCII passes straight on (it reads the same in
 * every encoding here) and the first line with a byte past ASCII is held
 * until its end, then decides: Windows-1252 when it has bytes that are not
 * UTF-8 and no UTF-8 sequence past ASCII, else UTF-8. The decision does
 * not depend on how the input is cut into chunks, and a stream waits for
 * no more than that one line (held up to 64 KiB, where it decides). A
 * UTF-16 byte order mark decides UTF-16.
 *
 * A lone UTF-16 surrogate, or an odd byte at the end, becomes the byte
 * 0xFF, which is never UTF-8: the text's repair replaces it with U+FFFD
 * and counts it, as it does an invalid UTF-8 sequence.
 *
 * The first bytes are also checked for what is not text at all (gzip, a
 * zip workbook, UTF-16 without a byte order mark), which would otherwise
 * be read as columns of mojibake. */
#ifndef VB_ENCODING_H
#define VB_ENCODING_H

#include "buf.h"

#include <stdint.h>

/* Windows-1252's 0x80-0x9F as code points (WHATWG's table: the five bytes
 * it leaves undefined stand for the C1 controls, which are below 0xA0);
 * 0xA0-0xFF are Latin-1's. Also read for HTML's numeric references
 * ("&#146;", entity.c). */
extern const uint16_t vb_cp1252_high[32];

typedef struct vb_decoder {
    vb_encoding enc;   /* in use; VB_ENCODING_AUTO while undecided */
    bool started;      /* the first bytes have been checked */
    vb_buf held;       /* bytes not passed on yet: the first few, or the
                          line that decides */
    size_t line;       /* undecided: the 1-based line of the next byte */
    size_t guess_line; /* the line that chose Windows-1252, else 0 */
    int odd;           /* UTF-16: the first byte of a code unit, or -1 */
    unsigned high;     /* UTF-16: a high surrogate awaiting its pair, or 0 */
    const char *error; /* why the input is not text, once known */
} vb_decoder;

void vb_decoder_init(vb_decoder *d, vb_encoding enc, const vb_allocator *a);
void vb_decoder_free(vb_decoder *d);

/* Decodes `len` bytes and appends the UTF-8 to `out`; bytes that cannot
 * be decoded yet are kept for the next call. VB_OK; VB_EPARSE when the
 * input is not text (vb_decoder_error() says what it is); VB_ENOMEM or
 * VB_ELIMIT from `out`. */
vb_status vb_decoder_feed(vb_decoder *d, const char *buf, size_t len, vb_buf *out);
/* The end of the input: decodes what was kept. */
vb_status vb_decoder_finish(vb_decoder *d, vb_buf *out);

const char *vb_decoder_error(const vb_decoder *d);

#endif

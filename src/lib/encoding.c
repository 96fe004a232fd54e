/* encoding.c: the input's bytes as UTF-8 (see encoding.h). */
#include "encoding.h"

#include "ascii.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Bytes the first check looks at: "PK\3\4" is the longest signature. */
#define HEAD_BYTES 4
/* The line that decides is held up to this many bytes: a file without
 * line ends decides on its first 64 KiB. */
#define HOLD_MAX ((size_t)64 << 10)
/* What a lone surrogate or a stray byte becomes: never UTF-8, so the
 * text's repair replaces and counts it. */
#define NOT_UTF8 '\xFF'

bool vb_encoding_parse(const char *name, vb_encoding *out)
{
    static const struct {
        const char *name;
        vb_encoding enc;
    } names[] = {
        {"auto", VB_ENCODING_AUTO},
        {"utf8", VB_ENCODING_UTF8},
        {"utf16", VB_ENCODING_UTF16},
        {"utf16le", VB_ENCODING_UTF16LE},
        {"utf16be", VB_ENCODING_UTF16BE},
        {"windows1252", VB_ENCODING_WINDOWS_1252},
        {"cp1252", VB_ENCODING_WINDOWS_1252},
        {"latin1", VB_ENCODING_WINDOWS_1252},
        {"iso88591", VB_ENCODING_WINDOWS_1252},
    };
    /* "UTF-8", "utf8", "ISO-8859-1", "iso_8859_1": case and separators
     * vary between tools, the names do not. */
    char key[16];
    size_t n = 0;
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '-' || *p == '_') continue;
        if (n + 1 == sizeof key) return false;
        key[n++] = vb_ascii_lower(*p);
    }
    key[n] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(key, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    }
    return false;
}

const char *vb_encoding_name(vb_encoding e)
{
    switch (e) {
    case VB_ENCODING_AUTO:
        return "auto";
    case VB_ENCODING_UTF8:
        return "utf-8";
    case VB_ENCODING_UTF16:
        return "utf-16";
    case VB_ENCODING_UTF16LE:
        return "utf-16le";
    case VB_ENCODING_UTF16BE:
        return "utf-16be";
    case VB_ENCODING_WINDOWS_1252:
        return "windows-1252";
    }
    return "?";
}

void vb_decoder_init(vb_decoder *d, vb_encoding enc, const vb_allocator *a)
{
    memset(d, 0, sizeof *d);
    d->enc = enc;
    vb_buf_init(&d->held, a, HOLD_MAX);
    d->line = 1;
    d->odd = -1;
}

void vb_decoder_free(vb_decoder *d)
{
    vb_buf_free(&d->held);
}

const char *vb_decoder_error(const vb_decoder *d)
{
    return d->error;
}

/* ---- the first bytes ------------------------------------------------------ */

/* What the input is when its first bytes say it is not text, or NULL.
 * `utf16` says whether UTF-16 is expected (no byte order mark needed). */
static const char *not_text(const unsigned char *p, size_t n, bool utf16)
{
    if (n >= 2 && p[0] == 0x1F && p[1] == 0x8B)
        return "gzip-compressed: decompress it first (zcat FILE | verbatim ... --format csv)";
    if (n >= 4 && memcmp(p, "PK\3\4", 4) == 0)
        return "a zip archive (an .xlsx or .ods workbook?): save the sheet as CSV (UTF-8)";
    if (utf16) return NULL;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return "UTF-16 text (it starts with a UTF-16 byte order mark): read it with "
               "--encoding utf-16";
    if (n >= 2 && (p[0] == 0) != (p[1] == 0))
        return "UTF-16 text without a byte order mark (one of its first two bytes is zero): "
               "read it with --encoding utf-16le (or utf-16be)";
    return NULL;
}

/* Settles what the first bytes can settle: VB_EPARSE for what is not
 * text, and UTF-16 by its byte order mark under auto. */
static vb_status check_head(vb_decoder *d, const unsigned char *head, size_t n)
{
    d->started = true;
    if ((d->enc == VB_ENCODING_AUTO || d->enc == VB_ENCODING_UTF16) && n >= 2) {
        /* The mark itself is decoded too: it becomes UTF-8's, which the
         * parsers skip. */
        if (head[0] == 0xFF && head[1] == 0xFE)
            d->enc = VB_ENCODING_UTF16LE;
        else if (head[0] == 0xFE && head[1] == 0xFF)
            d->enc = VB_ENCODING_UTF16BE;
    }
    if (d->enc == VB_ENCODING_UTF16) d->enc = VB_ENCODING_UTF16LE; /* Windows' order */
    const bool utf16 = d->enc == VB_ENCODING_UTF16LE || d->enc == VB_ENCODING_UTF16BE;
    d->error = not_text(head, n, utf16);
    return d->error != NULL ? VB_EPARSE : VB_OK;
}

/* ---- decoders --------------------------------------------------------------- */

const uint16_t vb_cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static vb_status from_windows_1252(const unsigned char *p, size_t n, vb_buf *out)
{
    /* Each byte becomes at most 3: room once, then write. */
    vb_status st = vb_buf_reserve(out, n > SIZE_MAX / 3 ? SIZE_MAX : 3 * n);
    if (st != VB_OK) return st;
    char *w = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80)
            *w++ = (char)p[i];
        else
            w += vb_utf8_encode(p[i] < 0xA0 ? vb_cp1252_high[p[i] - 0x80] : p[i], w);
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
    return VB_OK;
}

static vb_status from_utf16(vb_decoder *d, const unsigned char *p, size_t n, vb_buf *out)
{
    /* Two bytes become at most 3 (a pair of four, 4): room once, then write. */
    vb_status st = vb_buf_reserve(out, n / 2 * 3 + 4);
    if (st != VB_OK) return st;
    const bool be = d->enc == VB_ENCODING_UTF16BE;
    char *w = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        if (d->odd < 0) {
            d->odd = p[i];
            continue;
        }
        const unsigned unit =
            be ? (unsigned)d->odd << 8 | p[i] : (unsigned)p[i] << 8 | (unsigned)d->odd;
        d->odd = -1;
        if (unit >= 0xDC00 && unit < 0xE000 && d->high != 0) {
            w += vb_utf8_encode((int32_t)(0x10000 + ((d->high - 0xD800) << 10) + (unit - 0xDC00)),
                                w);
            d->high = 0;
            continue;
        }
        if (d->high != 0) { /* a high surrogate without its low one */
            *w++ = NOT_UTF8;
            d->high = 0;
        }
        if (unit >= 0xD800 && unit < 0xDC00)
            d->high = unit;
        else if (unit >= 0xDC00 && unit < 0xE000)
            *w++ = NOT_UTF8;
        else
            w += vb_utf8_encode((int32_t)unit, w);
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
    return VB_OK;
}

/* Which encoding the line that decides is in: `n` bytes from its first
 * byte past ASCII. `cut`: it was cut at HOLD_MAX, so a sequence at the
 * end may go on. */
static vb_encoding guess(const unsigned char *p, size_t n, bool cut)
{
    size_t utf8 = 0, other = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        const size_t len = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC0 ? 2 : 1;
        if (len > n - i && cut) break;
        if (len > 1 && len <= n - i && vb_utf8_valid_len((const char *)p + i, len) == len) {
            utf8++;
            i += len;
        } else {
            other++;
            i++;
        }
    }
    return other > 0 && utf8 == 0 ? VB_ENCODING_WINDOWS_1252 : VB_ENCODING_UTF8;
}

static vb_status decode(vb_decoder *d, const unsigned char *p, size_t n, vb_buf *out);

/* Checks the first bytes, those held and then p[0..len) up to HEAD_BYTES
 * in all, and passes the held ones on. */
static vb_status start(vb_decoder *d, const unsigned char *p, size_t len, vb_buf *out)
{
    unsigned char head[HEAD_BYTES];
    const size_t kept = d->held.len;
    const size_t more = len < HEAD_BYTES - kept ? len : HEAD_BYTES - kept;
    if (kept > 0) memcpy(head, d->held.data, kept);
    if (more > 0) memcpy(head + kept, p, more);
    vb_status st = check_head(d, head, kept + more);
    if (st != VB_OK) return st;
    vb_buf_reset(&d->held);
    return decode(d, head, kept, out);
}

/* Decides on the held line and passes it on. */
static vb_status settle(vb_decoder *d, vb_buf *out)
{
    d->enc = guess((const unsigned char *)d->held.data, d->held.len, d->held.len == HOLD_MAX);
    if (d->enc == VB_ENCODING_WINDOWS_1252) d->guess_line = d->line;
    vb_status st = decode(d, (const unsigned char *)d->held.data, d->held.len, out);
    vb_buf_reset(&d->held);
    return st;
}

/* The length of the ASCII run that starts p[0..n), adding its line ends
 * to *lines. Eight bytes at a time: until the encoding is known, this
 * looks at every byte, and many exports are ASCII for long stretches. */
static size_t ascii_run(const unsigned char *p, size_t n, size_t *lines)
{
    const uint64_t high = 0x8080808080808080u, low7 = 0x7F7F7F7F7F7F7F7Fu;
    const uint64_t newlines = 0x0A0A0A0A0A0A0A0Au, ones = 0x0101010101010101u;
    size_t i = 0, count = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if ((w & high) != 0) break;
        /* In ASCII a byte of w ^ newlines is 0 just where w has '\n', and
         * adding 0x7F carries into the high bit of every other byte; the
         * multiply adds up those bits in the top byte. */
        const uint64_t other = (((w ^ newlines) + low7) & high) >> 7;
        count += 8 - (size_t)((other * ones) >> 56);
    }
    for (; i < n && p[i] < 0x80; i++)
        count += p[i] == '\n';
    *lines += count;
    return i;
}

/* Undecided: ASCII goes on; from the first byte past ASCII, the rest of
 * its line is held until it ends, and then decides. */
static vb_status scan(vb_decoder *d, const unsigned char *p, size_t n, vb_buf *out)
{
    if (d->held.len == 0) {
        const size_t i = ascii_run(p, n, &d->line);
        vb_status st = vb_buf_append(out, (const char *)p, i);
        if (st != VB_OK || i == n) return st;
        p += i;
        n -= i;
    }
    const unsigned char *nl = memchr(p, '\n', n);
    size_t take = nl != NULL ? (size_t)(nl - p) + 1 : n;
    if (take > HOLD_MAX - d->held.len) take = HOLD_MAX - d->held.len;
    vb_status st = vb_buf_append(&d->held, (const char *)p, take);
    if (st != VB_OK) return st;
    if (nl == NULL && d->held.len < HOLD_MAX) return VB_OK; /* the line goes on */
    st = settle(d, out);
    if (st != VB_OK) return st;
    return decode(d, p + take, n - take, out);
}

static vb_status decode(vb_decoder *d, const unsigned char *p, size_t n, vb_buf *out)
{
    switch (d->enc) {
    case VB_ENCODING_AUTO:
        return scan(d, p, n, out);
    case VB_ENCODING_WINDOWS_1252:
        return from_windows_1252(p, n, out);
    case VB_ENCODING_UTF16:
    case VB_ENCODING_UTF16LE:
    case VB_ENCODING_UTF16BE:
        return from_utf16(d, p, n, out);
    case VB_ENCODING_UTF8:
        break;
    }
    return vb_buf_append(out, (const char *)p, n);
}

vb_status vb_decoder_feed(vb_decoder *d, const char *buf, size_t len, vb_buf *out)
{
    if (d->error != NULL) return VB_EPARSE;
    const unsigned char *p = (const unsigned char *)buf;
    if (!d->started) {
        /* Too few bytes to tell yet: keep them. */
        if (d->held.len + len < HEAD_BYTES) return vb_buf_append(&d->held, buf, len);
        vb_status st = start(d, p, len, out);
        if (st != VB_OK) return st;
    }
    return decode(d, p, len, out);
}

vb_status vb_decoder_finish(vb_decoder *d, vb_buf *out)
{
    if (d->error != NULL) return VB_EPARSE;
    if (!d->started) {
        vb_status st = start(d, NULL, 0, out);
        if (st != VB_OK) return st;
    }
    if (d->enc == VB_ENCODING_AUTO && d->held.len > 0) {
        vb_status st = settle(d, out);
        if (st != VB_OK) return st;
    }
    if (d->odd >= 0 || d->high != 0) {
        d->odd = -1;
        d->high = 0;
        return vb_buf_putc(out, NOT_UTF8);
    }
    return VB_OK;
}

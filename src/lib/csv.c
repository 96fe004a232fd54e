/* csv.c: the CSV/TSV record scanner behind source.c.
 *
 * It is the first thing that touches input bytes, so it is written for
 * speed: unquoted fields are scanned with a tight loop, quoted ones with
 * memchr, values are unescaped in place and reported as spans of the
 * caller's buffer, and the span array is reused, so a steady stream of
 * rows makes no allocation. It is a state machine that can stop at any
 * byte (inside "", between CR and LF) and resume when more arrives.
 *
 * Leniency, for the exports people really have: a quote inside an unquoted
 * field is a literal (5" screen); text after a closing quote is appended
 * to the value ("a"b -> ab); a CR alone ends a line like LF and CRLF do.
 * Bytes are never interpreted beyond delimiter, quote, CR and LF: NUL and
 * invalid UTF-8 are data.
 */
#include "csv.h"

#include "alloc.h"

#include <string.h>

enum {
    ST_FIELD,  /* at the first byte of a field */
    ST_PLAIN,  /* inside an unquoted field, or after a closing quote */
    ST_QUOTED, /* inside a quoted field */
    ST_QUOTE   /* just after a quote inside a quoted field: "" or the end? */
};

void vb_csv_init(vb_csv *c, const vb_allocator *a, char delim, size_t max_field_bytes,
                 size_t max_record_bytes)
{
    memset(c, 0, sizeof *c);
    c->alloc = a;
    c->delim = (unsigned char)delim;
    c->ends_plain[c->delim] = c->ends_plain['\n'] = c->ends_plain['\r'] = true;
    c->max_field_bytes = max_field_bytes;
    c->max_record_bytes = max_record_bytes;
    c->max_stored = (size_t)-1;
    c->state = ST_FIELD;
}

void vb_csv_free(vb_csv *c)
{
    vb_free(c->alloc, c->spans);
    c->spans = NULL;
    c->cap_spans = 0;
}

static void start_skip(vb_csv *c, vb_csv_error e, size_t field)
{
    c->skipping = true;
    c->error = e;
    c->error_field = field;
}

/* Line ends in quoted bytes: CR, LF and CRLF each count once, also when a
 * chunk ends between the CR and the LF (c->cr carries the CR over). */
static size_t count_line_ends(const unsigned char *p, size_t n, bool *cr)
{
    if (n == 0) return 0;
    size_t k = 0;
    if (memchr(p, '\r', n) == NULL) {
        const unsigned char *q = p, *end = p + n;
        if (*cr && q[0] == '\n') q++; /* the LF of a CRLF whose CR was counted */
        while (q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
            k++;
            q++;
        }
        *cr = false;
        return k;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\r') {
            k++;
            *cr = true;
        } else {
            if (p[i] == '\n' && !*cr) k++;
            *cr = false;
        }
    }
    return k;
}

/* The first delimiter, CR or LF (ends[b]) at or after r, or len. Four
 * bytes a step with one length test; each step stops at the exact byte. */
static inline size_t plain_end(const bool *ends, const unsigned char *p, size_t r, size_t len)
{
    for (; len - r >= 4; r += 4) {
        if (ends[p[r]])
            return r;
        if (ends[p[r + 1]])
            return r + 1;
        if (ends[p[r + 2]])
            return r + 2;
        if (ends[p[r + 3]])
            return r + 3;
    }
    while (r < len && !ends[p[r]])
        r++;
    return r;
}

static inline vb_status end_field(vb_csv *c)
{
    size_t len = c->w - c->field_start;
    if (!c->skipping && len > c->max_field_bytes) start_skip(c, VB_CSV_FIELD_TOO_LONG, c->n_fields);
    if (!c->skipping && c->n_fields < c->max_stored) {
        if (c->n_fields == c->cap_spans) {
            size_t cap = c->cap_spans < 16 ? 16 : c->cap_spans * 2;
            if (vb_mul_overflows(cap, sizeof *c->spans)) return VB_ENOMEM;
            vb_csv_span *s = vb_realloc(c->alloc, c->spans, cap * sizeof *s);
            if (s == NULL) return VB_ENOMEM;
            c->spans = s;
            c->cap_spans = cap;
        }
        c->spans[c->n_fields].off = c->field_start;
        c->spans[c->n_fields].len = len;
    }
    c->n_fields++;
    return VB_OK;
}

/* Fills *row from the finished record and resets for the next one. */
static void end_row(vb_csv *c, vb_csv_row *row, size_t used, bool line_end, bool cr)
{
    if (!c->skipping && used > c->max_record_bytes) start_skip(c, VB_CSV_RECORD_TOO_LONG, 0);
    row->fields = c->spans;
    row->n_fields = c->n_fields;
    row->n_stored = c->skipping ? 0 : (c->n_fields < c->max_stored ? c->n_fields : c->max_stored);
    row->used = used;
    row->n_lines = c->n_lines + (line_end ? 1 : 0);
    row->blank = !c->skipping && line_end && used == 1;
    row->ended_cr = cr;
    row->ends_line = line_end;
    row->error = c->error;
    row->error_field = c->error_field;

    c->state = ST_FIELD;
    c->scan = c->field_start = c->w = 0;
    c->n_fields = c->n_lines = 0;
    c->cr = c->skipping = false;
    c->error = VB_CSV_OK;
    c->error_field = 0;
}

vb_status vb_csv_scan(vb_csv *c, char *rec, size_t len, bool at_eof, vb_csv_row *row,
                      size_t *discard)
{
    unsigned char *p = (unsigned char *)rec;
    const unsigned char delim = c->delim;
    size_t r = c->scan;
    int state = c->state;
    *discard = 0;
    /* Kept across calls: in skip mode the last call at EOF may have no bytes. */
    if (len > 0) c->tail_eol = p[len - 1] == '\n' || p[len - 1] == '\r';

    while (r < len) {
        switch (state) {
        case ST_FIELD:
            if (p[r] == '"') {
                r++;
                c->field_start = c->w = r;
                c->quote_lines = c->n_lines;
                state = ST_QUOTED;
                break;
            }
            c->field_start = c->w = r;
            state = ST_PLAIN;
            /* fall through */
        case ST_PLAIN: {
            size_t a = r;
            r = plain_end(c->ends_plain, p, r, len); /* one load per byte, not three tests */
            /* Only after a closing quote does the value lag behind. */
            if (!c->skipping && c->w != a) memmove(p + c->w, p + a, r - a);
            c->w += r - a;
            if (r == len) break;
            const unsigned char ch = p[r++];
            c->state = state;
            vb_status st = end_field(c);
            if (st != VB_OK) return st;
            if (ch == delim) {
                state = ST_FIELD;
                break;
            }
            end_row(c, row, r, true, ch == '\r');
            return VB_OK;
        }
        case ST_QUOTED: {
            size_t a = r;
            const unsigned char *q = memchr(p + r, '"', len - r);
            r = q != NULL ? (size_t)(q - p) : len;
            c->n_lines += count_line_ends(p + a, r - a, &c->cr);
            if (!c->skipping && c->w != a) memmove(p + c->w, p + a, r - a);
            c->w += r - a;
            if (r < len) {
                r++; /* the quote */
                c->cr = false;
                state = ST_QUOTE;
            }
            break;
        }
        case ST_QUOTE:
            if (p[r] == '"') { /* "" is one literal quote */
                if (!c->skipping) p[c->w] = '"';
                c->w++;
                r++;
                state = ST_QUOTED;
            } else {
                /* Text after a closing quote is kept (lenient), but after a
                 * value over several lines it is the mark of a stray quote
                 * that joined records: RFC 4180 has no such value. */
                if (!c->ends_plain[p[r]] && c->n_lines > c->quote_lines && c->error == VB_CSV_OK) {
                    c->error = VB_CSV_STRAY_QUOTE;
                    c->error_field = c->n_fields;
                }
                state = ST_PLAIN; /* closed; ST_PLAIN handles what follows */
            }
            break;
        }
    }
    c->state = state;

    if (at_eof) {
        if (r == 0 && c->n_fields == 0 && state == ST_FIELD && !c->skipping) return VB_DONE;
        if (state == ST_QUOTED) start_skip(c, VB_CSV_UNTERMINATED, c->n_fields);
        if (state == ST_FIELD) c->field_start = c->w = r; /* "a," ends with an empty field */
        vb_status st = end_field(c);
        if (st != VB_OK) return st;
        const bool tail_eol = c->tail_eol; /* a line end inside the open quotes */
        end_row(c, row, r, false, false);
        row->ends_line = tail_eol;
        return VB_OK;
    }

    /* Checked once per chunk, so at most one chunk past the limit is held. */
    if (!c->skipping) {
        if (state != ST_FIELD && c->w - c->field_start > c->max_field_bytes)
            start_skip(c, VB_CSV_FIELD_TOO_LONG, c->n_fields);
        else if (r > c->max_record_bytes)
            start_skip(c, VB_CSV_RECORD_TOO_LONG, 0);
    }
    if (c->skipping) {
        *discard = len;
        r = c->field_start = c->w = 0;
    }
    c->scan = r;
    return VB_AGAIN;
}

/* csv.h: a resumable scanner for CSV and TSV records (RFC 4180, lenient).
 *
 * The scanner finds one record at a time in bytes the caller buffers. It
 * remembers where it stopped, so a record that arrives in many chunks is
 * scanned once, not once per chunk:
 *
 *     vb_csv_init(&c, alloc, ',', max_field_bytes, max_record_bytes);
 *     // rec = first byte of the record; len = bytes buffered from there
 *     st = vb_csv_scan(&c, rec, len, at_eof, &row, &discard);
 *     // VB_AGAIN: drop the first `discard` bytes of rec, buffer more, call
 *     //           again with rec at the same record start
 *     // VB_OK:    a row; its fields are spans of rec; drop row.used bytes
 *     // VB_DONE:  at_eof and nothing left
 *
 * Field values are unescaped in place ("" -> ", quotes removed), so rec
 * must be writable and is changed. A field longer than max_field_bytes, or
 * a record longer than max_record_bytes, turns the scanner into skip mode:
 * it asks the caller to discard what it has scanned (memory stays bounded)
 * and returns the row, with the error, once the record ends.
 */
#ifndef VB_CSV_H
#define VB_CSV_H

#include "verbatim.h"

typedef struct vb_csv_span {
    size_t off; /* from the record's first byte */
    size_t len; /* bytes of the unescaped value */
} vb_csv_span;

typedef enum vb_csv_error {
    VB_CSV_OK = 0,
    VB_CSV_UNTERMINATED,   /* a quoted field was still open at the end of input */
    VB_CSV_FIELD_TOO_LONG, /* error_field is longer than max_field_bytes */
    VB_CSV_RECORD_TOO_LONG, /* the record is longer than max_record_bytes */
    VB_CSV_STRAY_QUOTE      /* error_field's quoted value spans lines and has text after
                               its closing quote: a stray quote joined lines into one
                               record (the row is whole, its fields stored) */
} vb_csv_error;

typedef struct vb_csv_row {
    const vb_csv_span *fields; /* n_stored spans, valid until the next scan */
    size_t n_stored;           /* min(n_fields, max_stored) */
    size_t n_fields;           /* fields in the row */
    size_t used;               /* bytes of rec the row took, its line end included */
    size_t n_lines;            /* line ends consumed (CRLF is one), quoted ones too */
    bool blank;                /* an empty line: no record at all */
    bool ended_cr;             /* ended by a CR: a LF right after it is part of it */
    bool ends_line;            /* its last byte is a line end, quoted or not */
    vb_csv_error error;
    size_t error_field; /* 0-based, for VB_CSV_FIELD_TOO_LONG and VB_CSV_STRAY_QUOTE */
} vb_csv_row;

typedef struct vb_csv {
    const vb_allocator *alloc;
    unsigned char delim; /* ',', ';', '\t', ... */
    bool ends_plain[256]; /* the delimiter, CR and LF: bytes that end an unquoted value */
    size_t max_field_bytes;
    size_t max_record_bytes;
    size_t max_stored;  /* spans kept per row; later fields are only counted */
    vb_csv_span *spans; /* cap_spans entries, reused across rows */
    size_t cap_spans;

    /* The record being scanned, kept between calls. Offsets are from the
     * record start (or from the last discard, in skip mode). */
    int state;
    size_t scan;        /* bytes scanned so far */
    size_t field_start; /* where the current field's value starts */
    size_t w;           /* end of the current value written so far */
    size_t n_fields;    /* fields completed so far */
    size_t n_lines;     /* line ends inside quotes so far */
    size_t quote_lines; /* n_lines when the current quoted value opened */
    bool cr;            /* the last quoted byte was a CR */
    bool tail_eol;      /* the last byte buffered is a CR or LF */
    bool skipping;      /* rejected: dropping bytes until the record ends */
    vb_csv_error error;
    size_t error_field;
} vb_csv;

void vb_csv_init(vb_csv *c, const vb_allocator *a, char delim, size_t max_field_bytes,
                 size_t max_record_bytes);
void vb_csv_free(vb_csv *c);

/* Scans for the end of the record that starts at rec. Returns VB_OK with
 * *row filled, VB_AGAIN (after setting *discard), VB_DONE, or VB_ENOMEM,
 * after which the scanner must not be used again. */
vb_status vb_csv_scan(vb_csv *c, char *rec, size_t len, bool at_eof, vb_csv_row *row,
                      size_t *discard);

#endif

/* json_array.h: a resumable scanner for the elements of a JSON array.
 *
 * Many exports are one JSON array of objects, not JSON Lines: what an API
 * returns, or a tool's "export as JSON", compact on one line or
 * pretty-printed over many. The scanner finds one element at a time in
 * bytes the caller buffers, by the brackets and strings around it (it
 * does not parse: jsonl.c does), and remembers where it stopped, so an
 * element that arrives in many chunks is scanned once:
 *
 *     vb_json_array_init(&a, max_element_bytes, line, column); // where `at` is
 *     // at = the first byte not yet consumed (first: blanks, then the '[');
 *     // len = bytes buffered from there
 *     st = vb_json_array_scan(&a, at, len, at_eof, &el, &discard);
 *     // VB_AGAIN: drop the first `discard` bytes of at, buffer more, call
 *     //           again with at on the same byte
 *     // VB_OK:    an element, at[el.off .. el.off + el.len); drop el.used bytes
 *     // VB_DONE:  the array's ']' (or the end of the input) came instead;
 *     //           drop el.used bytes, which take the ']'
 *
 * Blanks and commas between elements are passed over (an empty element,
 * "[{...},,{...}]" or a trailing comma, is none). An element longer than
 * max_element_bytes is dropped as it streams past, so memory stays
 * bounded, and returned with too_long set once it ends.
 */
#ifndef VB_JSON_ARRAY_H
#define VB_JSON_ARRAY_H

#include "verbatim.h"

typedef struct vb_json_element {
    size_t off, len;     /* the element's bytes in `at`, blanks around it left out */
    size_t used;         /* bytes to drop: those before it, and the element */
    size_t line, column; /* where the element starts (1-based; column in bytes) */
    bool too_long;       /* over max_element_bytes: its bytes were dropped */
    bool unclosed;       /* the input ended inside one of its strings or brackets */
} vb_json_element;

typedef struct vb_json_array {
    size_t max_element_bytes;
    bool opened; /* the '[' has been passed */
    /* Where the scan is, kept between calls; offsets are from `at` (or
     * from the last discard). */
    size_t scan;         /* bytes scanned so far */
    size_t line, column; /* of the byte at `scan` */
    bool after_cr;       /* the byte before `scan` is a CR: a LF now ends no line */
    bool in_element;
    size_t start, end; /* the element's first byte, and the end of its last non-blank */
    size_t start_line, start_column;
    size_t depth; /* brackets and braces open inside the element */
    bool in_string, escaped;
    bool skipping; /* too long: dropping bytes until the element ends */
} vb_json_array;

/* Starts an array whose first bytes (blanks, then its '[') are at `line`,
 * `column` of the input. */
void vb_json_array_init(vb_json_array *a, size_t max_element_bytes, size_t line, size_t column);

/* Scans for the next element from `at`; see above. After VB_OK or
 * VB_DONE, a->line and a->column are where the first byte not dropped
 * is. */
vb_status vb_json_array_scan(vb_json_array *a, const char *at, size_t len, bool at_eof,
                             vb_json_element *el, size_t *discard);

#endif

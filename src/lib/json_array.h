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
 *     // VB_ELIMIT: an object frame's object is too long; it starts at
 *     //           el.off, el.line, el.column, and nothing was dropped
 *
 * Blanks and commas between elements are passed over (an empty element,
 * "[{...},,{...}]" or a trailing comma, is none). An element longer than
 * max_element_bytes is dropped as it streams past, so memory stays
 * bounded, and returned with too_long set once it ends.
 *
 * Two other frames use the same scan:
 * - an object (vb_json_array_init_object): one '{' and all up to its
 *   '}', as one element; one longer than max_element_bytes returns
 *   VB_ELIMIT before any of it is dropped;
 * - an envelope (vb_json_array_init_envelope): an object whose records
 *   are the elements of its first member that is an array of objects,
 *   as an API answers ({"data": [{...}, ...], "next": ...}); the other
 *   members are passed over, and VB_DONE comes at the object's '}'.
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
    bool no_records;     /* VB_DONE of an envelope: it held no array of objects */
} vb_json_element;

typedef enum vb_json_frame {
    VB_JSON_FRAME_ARRAY,
    VB_JSON_FRAME_OBJECT,
    VB_JSON_FRAME_ENVELOPE
} vb_json_frame;

typedef struct vb_json_array {
    size_t max_element_bytes;
    vb_json_frame frame;
    bool opened; /* the '[' has been passed (an envelope: its records' '[') */
    /* An envelope outside its records: brackets open (its own '{' is 1),
     * and whether a '[' of one of its members waits for its first byte. */
    size_t outer_depth;
    bool outer_string, outer_escaped, outer_bracket;
    bool records_found;
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

/* Starts one object, or an envelope, whose first bytes (blanks, then its
 * '{') are at `line`, `column`. */
void vb_json_array_init_object(vb_json_array *a, size_t max_element_bytes, size_t line,
                               size_t column);
void vb_json_array_init_envelope(vb_json_array *a, size_t max_element_bytes, size_t line,
                                 size_t column);

/* Scans for the next element from `at`; see above. After VB_OK or
 * VB_DONE, a->line and a->column are where the first byte not dropped
 * is. */
vb_status vb_json_array_scan(vb_json_array *a, const char *at, size_t len, bool at_eof,
                             vb_json_element *el, size_t *discard);

#endif

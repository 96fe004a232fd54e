/* json_array.c: the elements of a JSON array, found as the bytes stream
 * in (json_array.h). One pass over each byte: strings (with their
 * escapes) and the depth of brackets tell where an element ends, at a
 * ',' or ']' outside them. */
#include "json_array.h"

#include <string.h>

void vb_json_array_init(vb_json_array *a, size_t max_element_bytes, size_t line, size_t column)
{
    memset(a, 0, sizeof *a);
    a->max_element_bytes = max_element_bytes;
    a->line = line;
    a->column = column;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Moves the position past byte `c`: CR, LF and CRLF each end a line. */
static void pass(vb_json_array *a, char c)
{
    if (c == '\n' || c == '\r') {
        if (!(c == '\n' && a->after_cr)) a->line++;
        a->column = 1;
        a->after_cr = c == '\r';
    } else {
        a->column++;
        a->after_cr = false;
    }
}

/* The element that ends before byte `end` of `at`; the scan starts afresh
 * there. */
static vb_status element(vb_json_array *a, size_t end, bool unclosed, vb_json_element *el)
{
    *el = (vb_json_element){.off = a->skipping ? 0 : a->start,
                            .len = a->skipping ? 0 : a->end - a->start,
                            .used = end,
                            .line = a->start_line,
                            .column = a->start_column,
                            .too_long = a->skipping,
                            .unclosed = unclosed};
    a->scan = 0;
    a->in_element = a->in_string = a->escaped = a->skipping = false;
    a->depth = 0;
    return VB_OK;
}

/* The array's end (its ']' taken, or the input's end) after `used` bytes. */
static vb_status array_end(vb_json_array *a, size_t used, vb_json_element *el)
{
    *el = (vb_json_element){.used = used, .line = a->line, .column = a->column};
    a->scan = 0;
    return VB_DONE;
}

vb_status vb_json_array_scan(vb_json_array *a, const char *at, size_t len, bool at_eof,
                             vb_json_element *el, size_t *discard)
{
    *discard = 0;
    for (size_t i = a->scan; i < len; i++) {
        const char c = at[i];
        if (!a->opened) { /* blanks, then the array's '[' */
            a->opened = c == '[';
            pass(a, c);
            continue;
        }
        if (!a->in_element) {
            if (c == ']') {
                pass(a, c);
                return array_end(a, i + 1, el);
            }
            if (c == ',' || is_blank(c)) {
                pass(a, c);
                continue;
            }
            a->in_element = true;
            a->start = a->end = i;
            a->start_line = a->line;
            a->start_column = a->column;
        }
        if (a->in_string) {
            if (a->escaped)
                a->escaped = false;
            else if (c == '\\')
                a->escaped = true;
            /* A JSON string never holds a raw line end: one that does is
             * left open by mistake, and is taken to end there, so that the
             * mistake rejects its element and not the rest of the input. */
            else if (c == '"' || c == '\n' || c == '\r')
                a->in_string = false;
        } else if (c == '"') {
            a->in_string = true;
        } else if (c == '{' || c == '[') {
            a->depth++;
        } else if ((c == '}' || c == ']') && a->depth > 0) {
            a->depth--;
        } else if ((c == ',' || c == ']') && a->depth == 0) {
            return element(a, i, false, el);
        }
        if (!is_blank(c)) a->end = i + 1;
        pass(a, c);
        if (!a->skipping && i + 1 - a->start > a->max_element_bytes) a->skipping = true;
    }
    if (at_eof)
        return a->in_element ? element(a, len, a->in_string || a->depth > 0, el)
                             : array_end(a, len, el);
    /* Keep only the element scanned so far, and nothing of one dropped. */
    const size_t drop = a->in_element && !a->skipping ? a->start : len;
    if (a->in_element && !a->skipping) {
        a->start -= drop;
        a->end -= drop;
    }
    a->scan = len - drop;
    *discard = drop;
    return VB_AGAIN;
}

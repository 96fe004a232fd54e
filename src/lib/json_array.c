/* json_array.c: the elements of a JSON array, found as the bytes stream
 * in (json_array.h). One pass over each byte: strings (with their
 * escapes) and the depth of brackets tell where an element ends, at a
 * ',' or ']' outside them (an object's at its closing '}'). An envelope's
 * own members are passed over the same way until its records' '['. */
#include "json_array.h"

#include "ascii.h"

#include <string.h>

void vb_json_array_init(vb_json_array *a, size_t max_element_bytes, size_t line, size_t column)
{
    memset(a, 0, sizeof *a);
    a->max_element_bytes = max_element_bytes;
    a->line = line;
    a->column = column;
}

void vb_json_array_init_object(vb_json_array *a, size_t max_element_bytes, size_t line,
                               size_t column)
{
    vb_json_array_init(a, max_element_bytes, line, column);
    a->frame = VB_JSON_FRAME_OBJECT;
    a->opened = true; /* the object is the one element */
}

void vb_json_array_init_envelope(vb_json_array *a, size_t max_element_bytes, size_t line,
                                 size_t column)
{
    vb_json_array_init(a, max_element_bytes, line, column);
    a->frame = VB_JSON_FRAME_ENVELOPE;
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

/* An envelope's end, its '}' taken (or the input's end), after `used`
 * bytes. */
static vb_status envelope_end(vb_json_array *a, size_t used, vb_json_element *el)
{
    array_end(a, used, el);
    el->no_records = !a->records_found;
    return VB_DONE;
}

/* Whether a byte may end a run of plain string bytes: a quote, an escape
 * or a line end (which ends a string left open by mistake). */
static const bool string_special[256] = {['"'] = true, ['\\'] = true, ['\n'] = true, ['\r'] = true};

/* Passes over the plain bytes of an element's string from `i`, most of a
 * record (its comment), a byte at a time but with none of the state
 * machine's work; returns where the run ends, `len` or a special byte. */
static size_t pass_string_run(vb_json_array *a, const char *at, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && !string_special[(unsigned char)at[j]])
        j++;
    if (j == i) return i;
    a->column += j - i;
    a->after_cr = false;
    size_t last = j; /* the element ends at its last non-blank byte */
    while (last > i && vb_json_blank(at[last - 1]))
        last--;
    if (last > i) a->end = last;
    return j;
}

/* Past max_element_bytes after `scanned` bytes of the element: an object
 * frame stops there (true), the others drop the element as it streams. */
static bool over_limit(vb_json_array *a, size_t scanned)
{
    if (a->skipping || scanned <= a->max_element_bytes) return false;
    if (a->frame == VB_JSON_FRAME_OBJECT) return true;
    a->skipping = true;
    return false;
}

/* An object over max_element_bytes: nothing of it has been dropped. */
static vb_status object_too_long(const vb_json_array *a, vb_json_element *el)
{
    *el = (vb_json_element){
        .off = a->start, .line = a->start_line, .column = a->start_column, .too_long = true};
    return VB_ELIMIT;
}

typedef enum outer_step { OUTER_PASS, OUTER_RECORDS, OUTER_END } outer_step;

/* One byte of an envelope outside its records: OUTER_RECORDS at the
 * '{' that opens the first of them, OUTER_END at the envelope's '}'. */
static outer_step outer_byte(vb_json_array *a, char c)
{
    if (a->outer_string) {
        if (a->outer_escaped)
            a->outer_escaped = false;
        else if (c == '\\')
            a->outer_escaped = true;
        else if (c == '"' || c == '\n' || c == '\r') /* as inside elements */
            a->outer_string = false;
        return OUTER_PASS;
    }
    if (a->outer_bracket) { /* a member's '[': what follows says what it holds */
        if (vb_json_blank(c)) return OUTER_PASS;
        a->outer_bracket = false;
        if (c == '{') {
            a->records_found = true;
            return OUTER_RECORDS;
        }
        a->outer_depth++; /* another array, passed over as any value */
    }
    if (c == '"')
        a->outer_string = true;
    else if (c == '[' && a->outer_depth == 1 && !a->records_found)
        a->outer_bracket = true;
    else if (c == '{' || c == '[')
        a->outer_depth++;
    else if ((c == '}' || c == ']') && a->outer_depth > 0 && --a->outer_depth == 0)
        return OUTER_END;
    return OUTER_PASS;
}

vb_status vb_json_array_scan(vb_json_array *a, const char *at, size_t len, bool at_eof,
                             vb_json_element *el, size_t *discard)
{
    *discard = 0;
    for (size_t i = a->scan; i < len; i++) {
        if (a->in_string && !a->escaped) {
            i = pass_string_run(a, at, i, len);
            if (over_limit(a, i - a->start)) return object_too_long(a, el);
            if (i == len) break;
        }
        const char c = at[i];
        if (!a->opened && a->frame == VB_JSON_FRAME_ARRAY) { /* blanks, then the '[' */
            a->opened = c == '[';
            pass(a, c);
            continue;
        }
        if (!a->opened) {
            const outer_step step = outer_byte(a, c);
            if (step == OUTER_END) {
                pass(a, c);
                return envelope_end(a, i + 1, el);
            }
            if (step == OUTER_PASS) {
                pass(a, c);
                continue;
            }
            a->opened = true; /* c opens the first record, scanned below */
        }
        if (!a->in_element) {
            if (c == ']') {
                pass(a, c);
                if (a->frame != VB_JSON_FRAME_ENVELOPE) return array_end(a, i + 1, el);
                a->opened = false; /* the records end; the envelope goes on */
                continue;
            }
            if (c == ',' || vb_json_blank(c)) {
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
            if (--a->depth == 0 && a->frame == VB_JSON_FRAME_OBJECT) {
                a->end = i + 1;
                pass(a, c);
                return element(a, i + 1, false, el);
            }
        } else if ((c == ',' || c == ']') && a->depth == 0) {
            return element(a, i, false, el);
        }
        if (!vb_json_blank(c)) a->end = i + 1;
        pass(a, c);
        if (over_limit(a, i + 1 - a->start)) return object_too_long(a, el);
    }
    if (at_eof && a->in_element) return element(a, len, a->in_string || a->depth > 0, el);
    if (at_eof)
        return a->frame == VB_JSON_FRAME_ENVELOPE ? envelope_end(a, len, el)
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

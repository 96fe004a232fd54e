/* source_json.c: JSON records for source.c: JSON Lines, each line an
 * object, or a JSON array of objects, each element one (framed by
 * json_array.c); each parsed by jsonl.c. Settles which of the two an
 * input is from its first bytes, and the comment's key from the first
 * object that has one. Lines are framed by source.c, which owns the
 * buffer, the position and the columns asked for (source_int.h). */
#include "source_int.h"

#include "alloc.h"
#include "columns.h"
#include "json_array.h"
#include "jsonl.h"

#include <stdio.h>
#include <string.h>

/* JSONL objects that may come without a key that looks like the comment
 * before the input is taken to have none (detect_json_text()). */
#define JSON_KEYLESS_MAX 100

/* What a JSON value that cannot be a comment is, for its message; NULL
 * for text, a number or null. true would be read as a positive word,
 * {"a":"late"} as JSON text. */
const char *vb_source_json_not_text(vb_json_kind kind)
{
    switch (kind) {
    case VB_JSON_BOOL:
        return "a boolean";
    case VB_JSON_OBJECT:
        return "an object";
    case VB_JSON_ARRAY:
        return "an array";
    default:
        return NULL;
    }
}

/* Settles the JSONL text key from the first object with a key that looks
 * like the comment. An export may leave out the key of an empty comment,
 * so the first object need not show it: the objects before are empty
 * comments, and only after JSON_KEYLESS_MAX of them is the input taken to
 * have no such key. */
static vb_status detect_json_text(vb_source *s)
{
    if (s->slot_spec[SLOT_TEXT] == NULL) {
        const size_t n = vb_jsonl_keys(s->jsonl, NULL, 0);
        const char **keys = vb_calloc(s->alloc, n, sizeof *keys);
        if (keys == NULL) return vb_source_fail(s, VB_ENOMEM, "out of memory");
        vb_jsonl_keys(s->jsonl, keys, n);
        const size_t k = vb_columns_guess_comment(keys, n);
        if (k == NO_COL && s->objects < JSON_KEYLESS_MAX) {
            vb_free(s->alloc, keys);
            return VB_OK;
        }
        if (k == NO_COL) {
            vb_source_fail(s, VB_EINVAL, "no text key found in the first %d objects; keys are: ",
                           JSON_KEYLESS_MAX);
            vb_columns_append_list(s->errmsg, sizeof s->errmsg, keys, n);
            snprintf(s->errmsg + strlen(s->errmsg), sizeof s->errmsg - strlen(s->errmsg),
                     " (choose one with --text-col)");
            vb_free(s->alloc, keys);
            return VB_EINVAL;
        }
        s->detected = vb_strndup(s->alloc, keys[k], strlen(keys[k]));
        s->text_by_question = vb_columns_guess_text(keys, n) == NO_COL;
        vb_free(s->alloc, keys);
        if (s->detected == NULL) return vb_source_fail(s, VB_ENOMEM, "out of memory");
        s->slot_spec[SLOT_TEXT] = s->slot_name[SLOT_TEXT] = s->detected;
    }
    s->columns_ready = true;
    return VB_OK;
}

/* At the end of a JSONL input: an input where no object had the text key
 * has no comments at all, which is a wrong key (or a wrong file), not a
 * survey nobody commented on. */
vb_status vb_source_json_end(vb_source *s)
{
    if (s->objects == 0 || s->text_seen) return VB_DONE;
    if (!s->columns_ready)
        return vb_source_fail(
            s, VB_EINVAL,
            "none of the %zu objects has a key that looks like the comment (choose one "
            "with --text-col)",
            s->objects);
    return vb_source_fail(s, VB_EINVAL,
                          "none of the %zu objects has the text key \"%s\": all were read as empty "
                          "comments (choose the key with --text-col)",
                          s->objects, s->slot_name[SLOT_TEXT]);
}

/* A JSON object (a line, or an array's element that starts at `line_no`,
 * `column`) into *out, which vb_source_begin_record() has set up. */
vb_status vb_source_json_record(vb_source *s, const char *text, size_t len, size_t line_no,
                                size_t column, vb_source_record *out)
{
    vb_status st =
        vb_jsonl_parse(s->jsonl, text, len, line_no, column, s->rec_err, sizeof s->rec_err);
    if (st == VB_ENOMEM) return vb_source_fail(s, st, "out of memory");
    if (st != VB_OK) {
        out->status = st;
        out->error = s->rec_err;
        return VB_OK;
    }
    s->objects++;
    if (!s->columns_ready) {
        st = detect_json_text(s);
        if (st != VB_OK) return st;
    }
    if (vb_jsonl_extract(s->jsonl, s->slot_spec, s->n_slots, s->fields) != VB_OK)
        return vb_source_fail(s, VB_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->n_slots; i++) {
        if (s->fields[i].data != NULL && s->fields[i].len > s->max_field_bytes) {
            s->fields[i].data = NULL;
            s->fields[i].len = 0;
            vb_source_reject(s, out, VB_ELIMIT, "field \"%s\": longer than %zu bytes",
                             s->slot_name[i], s->max_field_bytes);
            out->id = s->fields[SLOT_ID];
            return VB_OK;
        }
    }
    out->text = s->fields[SLOT_TEXT];
    out->id = s->fields[SLOT_ID];
    const vb_json_kind kind = vb_jsonl_kind(s->jsonl, SLOT_TEXT);
    s->text_seen = s->text_seen || kind != VB_JSON_ABSENT;
    const char *not_text = vb_source_json_not_text(kind);
    if (not_text != NULL) {
        vb_source_reject(s, out, VB_EPARSE, "field \"%s\": %s, not text", s->slot_name[SLOT_TEXT],
                         not_text);
    } else if (out->text.data == NULL) {
        /* Null, or left out as many exports do: a respondent who wrote
         * nothing, an empty comment whose score still counts. */
        out->text.data = "";
        out->text.len = 0;
    }
    return VB_OK;
}

/* ---- JSON arrays ---------------------------------------------------------- */

/* Consumes the whole lines among `n` blank bytes at pos, counting them,
 * so that a run of blank lines streams past instead of being buffered.
 * What follows the last line end stays: a JSON line keeps its columns. */
static void pass_blank_lines(vb_source *s, size_t n)
{
    const char *p = s->in.data + s->pos;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\n' && p[i] != '\r') {
            s->after_cr = false; /* "\r\t\n" is two line ends */
            continue;
        }
        if (!(p[i] == '\n' && s->after_cr)) s->line++;
        s->after_cr = p[i] == '\r';
        used = i + 1;
    }
    s->pos += used;
    if (used > 0) s->column = 1;
}

/* Settles how JSON is framed from its next bytes that are not blank: a
 * '[' and a '{' (or a ']') open an array of objects, as does a '[' with
 * SNIFF_MAX_BYTES of blanks after it; anything else makes the rest JSON
 * Lines, where a line that is an array is rejected as not an object.
 * VB_AGAIN until those bytes are buffered. */
static vb_status choose_json_framing(vb_source *s)
{
    const char *p = s->in.data + s->pos;
    const size_t avail = s->in.len - s->pos;
    size_t i = 0;
    while (i < avail && vb_json_blank(p[i]))
        i++;
    if (i == avail && !s->finished) {
        pass_blank_lines(s, avail);
        return VB_AGAIN;
    }
    const bool bracket = i < avail && p[i] == '[';
    const size_t far = i + 1 + SNIFF_MAX_BYTES;
    size_t k = i + 1;
    while (k < avail && k < far && vb_json_blank(p[k]))
        k++;
    if (bracket && k == avail && k < far && !s->finished) return VB_AGAIN;
    const bool array = bracket && (k == far || (k < avail && (p[k] == '{' || p[k] == ']')));
    /* The scanner passes the blanks and the '[' itself. */
    if (array) vb_json_array_init(&s->array, s->max_record_bytes, s->line, s->column);
    s->json_framing = array ? JSON_ARRAY : JSON_LINES;
    return VB_OK;
}

/* The next element of the JSON array as a record, or the array's end. */
static vb_status element_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    const char *at = s->in.data + s->pos;
    vb_json_element el;
    size_t discard;
    const vb_status st =
        vb_json_array_scan(&s->array, at, s->in.len - s->pos, s->finished, &el, &discard);
    if (st == VB_AGAIN) {
        s->pos += discard;
        return st;
    }
    s->line = s->array.line;
    s->column = s->array.column;
    if (st == VB_DONE) {
        s->pos += el.used;
        s->json_framing = JSON_UNDECIDED;
        *skipped = true;
        return VB_OK;
    }
    s->pending = el.used;
    vb_source_begin_record(s, out, el.line);
    if (el.too_long) {
        vb_source_reject(s, out, VB_ELIMIT, "array element longer than %zu bytes",
                         s->max_record_bytes);
        return VB_OK;
    }
    if (el.unclosed) {
        vb_source_reject(
            s, out, VB_EPARSE,
            "the input ends inside this array element (a string or bracket left open)");
        return VB_OK;
    }
    return vb_source_json_record(s, at + el.off, el.len, el.line, el.column, out);
}

vb_status vb_source_json_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    if (s->json_framing == JSON_UNDECIDED) {
        const vb_status st = choose_json_framing(s);
        if (st != VB_OK) return st;
    }
    if (s->json_framing == JSON_ARRAY) return element_next(s, out, skipped);
    return vb_source_line_next(s, out, skipped);
}

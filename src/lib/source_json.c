/* source_json.c: JSON records for source.c: JSON Lines, each line an
 * object; a JSON array of objects, each element one; objects
 * pretty-printed one after another; and envelopes, objects that hold the
 * records in an array (framed by json_array.c); each parsed by jsonl.c.
 * Settles which an input is from its first bytes, and the comment's key
 * from the first object that has one. Lines are framed by source.c,
 * which owns the buffer, the position and the columns asked for
 * (source_int.h). */
#include "source_int.h"

#include "alloc.h"
#include "ascii.h"
#include "columns.h"
#include "json_array.h"
#include "jsonl.h"

#include <stdio.h>
#include <string.h>

/* JSONL objects that may come without a key that looks like the comment
 * before the input is taken to have none (detect_json_text()). */
#define JSON_KEYLESS_MAX 100

/* A pretty-printed object is parsed whole, to tell a record from an
 * envelope, up to this size; a longer one is read as an envelope as it
 * streams, its first array of objects holding the records. */
#define OBJECT_PARSE_MAX ((size_t)1 << 20)

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

/* The keys of the object jsonl.c looks at, in *keys (to be freed). */
static vb_status object_keys(vb_source *s, const char ***keys, size_t *n)
{
    *n = vb_jsonl_keys(s->jsonl, NULL, 0);
    *keys = vb_calloc(s->alloc, *n, sizeof **keys);
    if (*keys == NULL) return vb_source_fail(s, VB_ENOMEM, "out of memory");
    vb_jsonl_keys(s->jsonl, *keys, *n);
    return VB_OK;
}

/* Whether the object jsonl.c looks at holds a comment: the text key
 * asked for, or one that looks like a comment's. */
static vb_status holds_comment(vb_source *s, bool *yes)
{
    if (s->slot_spec[SLOT_TEXT] != NULL) {
        *yes = vb_jsonl_has(s->jsonl, s->slot_spec[SLOT_TEXT]);
        return VB_OK;
    }
    const char **keys;
    size_t n;
    if (object_keys(s, &keys, &n) != VB_OK) return VB_ENOMEM;
    *yes = vb_columns_guess_comment(keys, n) != NO_COL;
    vb_free(s->alloc, keys);
    return VB_OK;
}

/* Whether an object at the top, with no comment of its own, is an
 * envelope around the records, as an API answers ({"data": [{...}],
 * "next": ...}): the first object of its first array of objects holds a
 * comment. Once one is, so are the next objects without a comment (the
 * pages of an answer, the last maybe empty); once an object at the top
 * has been a record with its comment, the next ones are records too,
 * whatever arrays they hold: a record may leave out an empty comment. */
static vb_status is_envelope(vb_source *s, bool *yes)
{
    *yes = s->top_envelopes;
    if (*yes || s->top_records || !vb_jsonl_enter_records(s->jsonl)) return VB_OK;
    const vb_status st = holds_comment(s, yes);
    vb_jsonl_leave_records(s->jsonl);
    s->top_envelopes = *yes;
    return st;
}

/* Reads the records of the envelope that starts at `text` (a line, or an
 * object framed by its braces, at `line_no`, `column`) next, found as
 * `found` (an ENVELOPE_*). */
static void enter_envelope(vb_source *s, const char *text, size_t line_no, size_t column, int found)
{
    s->pos = (size_t)(text - s->in.data);
    s->pending = 0;
    s->line = s->envelope_line = line_no;
    s->column = column;
    s->after_cr = false;
    s->envelope_found = found;
    vb_json_array_init_envelope(&s->array, s->max_record_bytes, line_no, column);
    s->json_framing = JSON_ENVELOPE;
}

/* The size up to which an object framed by its braces is parsed whole. */
static size_t object_parse_max(const vb_source *s)
{
    return s->max_record_bytes < OBJECT_PARSE_MAX ? s->max_record_bytes : OBJECT_PARSE_MAX;
}

/* Settles the score's key, when it is to be found, from the object
 * that settles the comment's: VB_EINVAL when it has none that looks
 * like a score (none for a "score?"). */
static vb_status detect_json_score(vb_source *s, const char *const *keys, size_t n)
{
    const size_t k = vb_columns_guess_score(keys, n);
    if (k == NO_COL && s->score_optional) return VB_OK;
    if (k == NO_COL) {
        vb_source_fail(s, VB_EINVAL, "no score key found; keys are: ");
        return vb_source_fail_names(s, keys, n, "choose one with --score-col");
    }
    s->detected_score = vb_strndup(s->alloc, keys[k], strlen(keys[k]));
    if (s->detected_score == NULL) return vb_source_fail(s, VB_ENOMEM, "out of memory");
    s->slot_spec[s->score_slot] = s->slot_name[s->score_slot] = s->detected_score;
    return VB_OK;
}

/* Settles the JSONL text key from the first object with a key that looks
 * like the comment. An export may leave out the key of an empty comment,
 * so the first object need not show it: the objects before are empty
 * comments (refuse_keyless() says when to stop). */
static vb_status detect_json_text(vb_source *s)
{
    bool find_score = s->score_slot != NO_COL && s->slot_spec[s->score_slot] == NULL;
    if (s->slot_spec[SLOT_TEXT] != NULL && !find_score) {
        s->columns_ready = true;
        return VB_OK;
    }
    const char **keys;
    size_t n;
    if (object_keys(s, &keys, &n) != VB_OK) return VB_ENOMEM;
    vb_status st = VB_OK;
    /* A respondent who gave a score and no comment shows the score's key
     * before any comment's: it is settled here, so that this record's
     * score counts, whatever reads ahead. */
    if (find_score && vb_columns_guess_score(keys, n) != NO_COL) {
        st = detect_json_score(s, keys, n);
        find_score = false;
    }
    /* An envelope, or a record without its comment, may not show the
     * score's key either. */
    if (st == VB_OK && s->slot_spec[SLOT_TEXT] != NULL &&
        !vb_jsonl_has(s->jsonl, s->slot_spec[SLOT_TEXT])) {
        vb_free(s->alloc, keys);
        return VB_OK;
    }
    if (st == VB_OK && s->slot_spec[SLOT_TEXT] == NULL) {
        const size_t k = vb_columns_guess_comment(keys, n);
        if (k == NO_COL) {
            vb_free(s->alloc, keys);
            return VB_OK;
        }
        s->detected = vb_strndup(s->alloc, keys[k], strlen(keys[k]));
        s->text_by_question = vb_columns_guess_text(keys, n) == NO_COL;
        if (s->detected == NULL)
            st = vb_source_fail(s, VB_ENOMEM, "out of memory");
        else
            s->slot_spec[SLOT_TEXT] = s->slot_name[SLOT_TEXT] = s->detected;
    }
    if (st == VB_OK && find_score) st = detect_json_score(s, keys, n);
    vb_free(s->alloc, keys);
    s->columns_ready = st == VB_OK;
    return st;
}

/* After JSON_KEYLESS_MAX objects with no key that looks like the comment,
 * the input is taken to have none: the error lists the last one's keys. */
static vb_status refuse_keyless(vb_source *s)
{
    if (s->columns_ready || s->objects < JSON_KEYLESS_MAX) return VB_OK;
    const char **keys;
    size_t n;
    if (object_keys(s, &keys, &n) != VB_OK) return VB_ENOMEM;
    vb_source_fail(s, VB_EINVAL,
                   "no text key found in the first %d objects; keys are: ", JSON_KEYLESS_MAX);
    const vb_status st = vb_source_fail_names(s, keys, n, "choose one with --text-col");
    vb_free(s->alloc, keys);
    return st;
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
                                size_t column, vb_source_record *out, bool *envelope)
{
    vb_status st =
        vb_jsonl_parse(s->jsonl, text, len, line_no, column, s->rec_err, sizeof s->rec_err);
    if (st == VB_ENOMEM) return vb_source_fail(s, st, "out of memory");
    if (st != VB_OK && s->json_framing == JSON_OBJECT && !s->top_records) {
        /* Its braces framed it: an envelope's records are rejected one
         * by one, or, with none in it, it is rejected as one. */
        enter_envelope(s, text, line_no, column, ENVELOPE_BROKEN);
        s->envelope_status = st;
        *envelope = true;
        return VB_OK;
    }
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
    const vb_json_kind kind = vb_jsonl_kind(s->jsonl, SLOT_TEXT);
    /* An object at the top with no comment of its own may wrap the
     * records. */
    bool wraps = false;
    if (envelope != NULL && kind == VB_JSON_ABSENT && is_envelope(s, &wraps) != VB_OK)
        return VB_ENOMEM;
    if (wraps) {
        s->objects--; /* not a record */
        enter_envelope(s, text, line_no, column, ENVELOPE_PARSED);
        *envelope = true;
        return VB_OK;
    }
    st = refuse_keyless(s);
    if (st != VB_OK) return st;
    s->top_records = s->top_records || (envelope != NULL && kind != VB_JSON_ABSENT);
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
    const bool brace = i < avail && p[i] == '{';
    if (brace && s->objects_by == OBJECTS_UNSETTLED) {
        /* A '{' alone on its line is pretty-printed JSON, no JSON Lines;
         * the first object settles how all are framed. */
        k = i + 1;
        while (k < avail && k < far && (p[k] == ' ' || p[k] == '\t'))
            k++;
        if (k == avail && k < far && !s->finished) return VB_AGAIN;
        s->objects_by =
            k < avail && (p[k] == '\n' || p[k] == '\r') ? OBJECTS_BY_BRACES : OBJECTS_BY_LINE;
    }
    /* The scanner passes the blanks and the '[' itself. */
    if (array) vb_json_array_init(&s->array, s->max_record_bytes, s->line, s->column);
    s->json_framing = array ? JSON_ARRAY : JSON_LINES;
    if (brace && s->objects_by == OBJECTS_BY_BRACES) {
        vb_json_array_init_object(&s->array, object_parse_max(s), s->line, s->column);
        s->json_framing = JSON_OBJECT;
    }
    return VB_OK;
}

/* The scanner's next step from `at`, the buffer's unread bytes; what it
 * has passed for good is dropped. */
static vb_status scan(vb_source *s, const char *at, vb_json_element *el)
{
    size_t discard;
    const vb_status st =
        vb_json_array_scan(&s->array, at, s->in.len - s->pos, s->finished, el, &discard);
    s->pos += discard; /* 0 but for VB_AGAIN */
    return st;
}

/* The next element of the JSON array as a record, or the array's end. */
static vb_status element_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    const char *at = s->in.data + s->pos;
    vb_json_element el;
    const vb_status st = scan(s, at, &el);
    if (st == VB_AGAIN) return st;
    s->line = s->array.line;
    s->column = s->array.column;
    if (st == VB_DONE) {
        s->pos += el.used;
        /* One that streamed, too long to parse, is known to be an
         * envelope only now: the next objects at the top may be pages,
         * the last maybe empty, as after a parsed one (is_envelope()). */
        if (s->json_framing == JSON_ENVELOPE && !el.no_records) s->top_envelopes = true;
        s->json_framing = JSON_UNDECIDED;
        if (!el.no_records || s->envelope_found == ENVELOPE_PARSED) {
            *skipped = true;
            return VB_OK;
        }
        /* Taken for an envelope unparsed, with no records in it: it was
         * one record. */
        vb_source_begin_record(s, out, s->envelope_line);
        if (s->envelope_found == ENVELOPE_BROKEN) {
            out->status = s->envelope_status;
            out->error = s->rec_err; /* the parse's, as no record came since */
        } else if (s->envelope_found == ENVELOPE_LONG_LINE) {
            vb_source_reject(s, out, VB_ELIMIT,
                             "line longer than %zu bytes, with no array of objects in it",
                             s->max_record_bytes);
        } else {
            vb_source_reject(s, out, VB_ELIMIT,
                             "object longer than %zu bytes, with no array of objects in it",
                             object_parse_max(s));
        }
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
    return vb_source_json_record(s, at + el.off, el.len, el.line, el.column, out, NULL);
}

/* The next object framed by its braces: a record, or an envelope whose
 * records come next. */
static vb_status object_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    const char *at = s->in.data + s->pos;
    vb_json_element el;
    const vb_status st = scan(s, at, &el);
    if (st == VB_AGAIN) return st;
    if (st == VB_ELIMIT) { /* too long to parse: its records stream past */
        enter_envelope(s, at + el.off, el.line, el.column, ENVELOPE_TOO_LONG);
        *skipped = true;
        return VB_OK;
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
    vb_status rec = VB_OK;
    if (el.unclosed)
        vb_source_reject(s, out, VB_EPARSE,
                         "the input ends inside this object (a string or bracket left open)");
    else
        rec = vb_source_json_record(s, at + el.off, el.len, el.line, el.column, out, skipped);
    if (s->json_framing == JSON_OBJECT) s->json_framing = JSON_UNDECIDED; /* not an envelope */
    return rec;
}

void vb_source_json_stream_line(vb_source *s)
{
    enter_envelope(s, s->in.data + s->pos, s->line, 1, ENVELOPE_LONG_LINE);
}

vb_status vb_source_json_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    if (s->json_framing == JSON_UNDECIDED) {
        const vb_status st = choose_json_framing(s);
        if (st != VB_OK) return st;
    }
    if (s->json_framing == JSON_ARRAY || s->json_framing == JSON_ENVELOPE)
        return element_next(s, out, skipped);
    if (s->json_framing == JSON_OBJECT) return object_next(s, out, skipped);
    return vb_source_line_next(s, out, skipped);
}

/* jsonl.h: one JSON record at a time, for source.c.
 *
 * The caller frames the records (JSON Lines' lines, or a JSON array's
 * elements: json_array.c); this parses one into an object and extracts
 * fields by key or dotted path as text. The only cJSON user.
 *
 *     vb_jsonl *j = vb_jsonl_new(alloc);
 *     st = vb_jsonl_parse(j, line, len, line_no, 1, msg, sizeof msg); // per record
 *     st = vb_jsonl_extract(j, paths, n, fields); // VB_OK or VB_ENOMEM
 *
 * Everything returned lives until the next parse on `j`.
 */
#ifndef VB_JSONL_H
#define VB_JSONL_H

#include "verbatim.h"

typedef struct vb_jsonl vb_jsonl;

vb_jsonl *vb_jsonl_new(const vb_allocator *a);
void vb_jsonl_free(vb_jsonl *j); /* NULL is a no-op */

/* Parses one line (without its line end), or one element of a JSON
 * array, as a JSON object; it starts at `line_no`, `column` of the input
 * (1-based), for messages. Returns VB_OK; VB_EPARSE ("invalid JSON at
 * column 12", "... at line 7, column 3" past a line end inside it, "not a
 * JSON object (found an array)") or VB_ELIMIT (nesting too deep) for a
 * rejected record, with the reason in msg; or VB_ENOMEM. */
vb_status vb_jsonl_parse(vb_jsonl *j, const char *line, size_t len, size_t line_no, size_t column,
                         char *msg, size_t msg_size);

/* For each of the n paths (NULL = none) sets fields[i] to the value as
 * text: a string's unescaped content; a number, boolean, object or array
 * as compact JSON; data NULL for null, a missing key or a NULL path. A path
 * is a top-level key if one matches it exactly, else a dotted path
 * ("user.comment"); keys are matched exactly first, then ignoring ASCII
 * case. Returns VB_OK or VB_ENOMEM. */
vb_status vb_jsonl_extract(vb_jsonl *j, const char *const *paths, size_t n, vb_field *fields);

/* Whether the object has `path` (as vb_jsonl_extract() finds it), null
 * included. */
bool vb_jsonl_has(const vb_jsonl *j, const char *path);

/* What a field of the last vb_jsonl_extract() was in the line, for what
 * its text does not say: null as opposed to a missing key, and values
 * that cannot be a comment. */
typedef enum vb_json_kind {
    VB_JSON_ABSENT, /* no such key, or a NULL path */
    VB_JSON_NULL,
    VB_JSON_STRING,
    VB_JSON_NUMBER,
    VB_JSON_BOOL,
    VB_JSON_OBJECT,
    VB_JSON_ARRAY
} vb_json_kind;

/* The kind of fields[i] of the last vb_jsonl_extract() (i < its n). */
vb_json_kind vb_jsonl_kind(const vb_jsonl *j, size_t i);

/* Stores up to max_keys top-level keys of the parsed object in keys (in
 * input order, borrowed like the values) and returns how many there are. */
size_t vb_jsonl_keys(const vb_jsonl *j, const char **keys, size_t max_keys);

/* An envelope around records, as an API answers ({"data": [{...}, ...],
 * "next": ...}): when a member of the parsed object is an array that
 * starts with an object, makes the first such array's first element the
 * object that vb_jsonl_keys() and vb_jsonl_extract() look at and returns
 * true; else returns false and changes nothing. vb_jsonl_leave_records()
 * and the next parse look at the whole object again. */
bool vb_jsonl_enter_records(vb_jsonl *j);
void vb_jsonl_leave_records(vb_jsonl *j);

#endif

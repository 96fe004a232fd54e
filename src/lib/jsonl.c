/* jsonl.c: JSON Lines records, the only file that includes cJSON.h.
 *
 * source.c frames the lines; this turns one line into a cJSON object and
 * pulls fields out of it as text. The parse uses cJSON_ParseWithLengthOpts
 * with an explicit end pointer (the line needs no NUL, and we never read
 * cJSON's global error, which is not thread safe). cJSON allocates with
 * its own hooks, which belong to the application (STYLE.md, Memory); the
 * tree is kept until the next line so that string values can be returned
 * without copying. Numbers are copied as the line writes them, and
 * objects and arrays printed compactly, into a scratch buffer of ours.
 */
#include "jsonl.h"

#include "alloc.h"
#include "ascii.h"
#include "buf.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

struct vb_jsonl {
    const vb_allocator *alloc;
    cJSON *root;    /* the current line's object, or NULL */
    const cJSON *at;  /* the object looked at: root, or a record inside it */
    const char *line; /* the line root was parsed from (numbers' text) */
    size_t line_len;
    vb_buf scratch; /* printed values of the current line */
    vb_buf fixed;   /* the line with lone surrogate escapes replaced */
    size_t *offs;   /* per extracted field: offset in scratch, or -1 */
    vb_json_kind *kinds; /* per extracted field */
    size_t cap_offs;
};

vb_jsonl *vb_jsonl_new(const vb_allocator *a)
{
    vb_jsonl *j = vb_calloc(a, 1, sizeof *j);
    if (j == NULL) return NULL;
    j->alloc = a;
    vb_buf_init(&j->scratch, a, (size_t)-1 / 2);
    vb_buf_init(&j->fixed, a, (size_t)-1 / 2);
    return j;
}

void vb_jsonl_free(vb_jsonl *j)
{
    if (j == NULL) return;
    cJSON_Delete(j->root);
    vb_buf_free(&j->scratch);
    vb_buf_free(&j->fixed);
    vb_free(j->alloc, j->offs);
    vb_free(j->alloc, j->kinds);
    vb_free(j->alloc, j);
}

/* Brackets open before `end`, outside strings: tells "too deep" apart
 * from other syntax errors, since cJSON reports both the same way. */
static size_t depth_at(const char *s, size_t end)
{
    size_t depth = 0;
    bool in_str = false;
    for (size_t i = 0; i < end; i++) {
        const char ch = s[i];
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_str = false;
        } else if (ch == '"') {
            in_str = true;
        } else if (ch == '[' || ch == '{') {
            depth++;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            depth--;
        }
    }
    return depth;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsNull(v)) return "null";
    return "something else";
}

/* The code unit a \uXXXX escape at s[0..5] encodes, or -1. */
static long escaped_unit(const char *s, size_t n)
{
    if (n < 6 || s[0] != '\\' || s[1] != 'u') return -1;
    long v = 0;
    for (size_t i = 2; i < 6; i++) {
        const char c = s[i];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* What cJSON cannot take as it comes, repaired in a copy of the line:
 * - a surrogate escape without its pair (JSON allows \uD800 alone, and
 *   JavaScript writes one when it cuts a string inside an emoji; cJSON
 *   rejects the line) becomes \uFFFD, as invalid UTF-8 becomes U+FFFD;
 * - \u0000 becomes \uFFFD and a raw NUL byte a space: cJSON's strings end
 *   at a NUL, which would silently cut the text there.
 * Every change keeps the length, so columns in messages stay right. */
static vb_status repair_line(vb_jsonl *j, const char **line, size_t len)
{
    const char *s = *line;
    bool copied = false;
    for (size_t i = 0; i < len; i++) {
        const char *with = NULL;
        size_t at = i;
        if (s[i] == '\0') {
            with = " ";
        } else if (s[i] == '\\') {
            const long unit = escaped_unit(s + i, len - i);
            if (unit < 0) {
                i++; /* skip the escaped character, e.g. the second \ of \\ */
                continue;
            }
            i += 5;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const long lo = escaped_unit(s + i + 1, len - i - 1);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    i += 6; /* a proper pair */
                    continue;
                }
            }
            if (unit != 0 && (unit < 0xD800 || unit > 0xDFFF)) continue;
            with = "\\uFFFD";
        } else {
            continue;
        }
        if (!copied) {
            vb_buf_reset(&j->fixed);
            vb_status st = vb_buf_append(&j->fixed, s, len);
            if (st != VB_OK) return st;
            s = j->fixed.data;
            copied = true;
        }
        memcpy(j->fixed.data + at, with, strlen(with));
    }
    *line = s;
    return VB_OK;
}

/* Where byte `at` of a value that starts at `line`, `column` is, for a
 * message: "column 12", or "line 7, column 3" past a line end inside the
 * value (a pretty-printed element of a JSON array). */
static void position(const char *text, size_t at, size_t line, size_t column, char *out,
                     size_t size)
{
    size_t breaks = 0, last_break = 0;
    for (size_t i = 0; i < at; i++) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        if (text[i] == '\r' || i == 0 || text[i - 1] != '\r') breaks++; /* CRLF is one */
        last_break = i;
    }
    if (breaks == 0)
        snprintf(out, size, "column %zu", column + at);
    else
        snprintf(out, size, "line %zu, column %zu", line + breaks, at - last_break);
}

vb_status vb_jsonl_parse(vb_jsonl *j, const char *line, size_t len, size_t line_no, size_t column,
                         char *msg, size_t msg_size)
{
    cJSON_Delete(j->root);
    j->root = NULL;
    j->at = NULL;
    vb_buf_reset(&j->scratch);

    if ((memchr(line, '\\', len) != NULL || memchr(line, '\0', len) != NULL) &&
        repair_line(j, &line, len) != VB_OK)
        return VB_ENOMEM;
    const char *end = NULL;
    cJSON *v = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (v == NULL) {
        size_t at = (end != NULL && end >= line && end <= line + len) ? (size_t)(end - line) : 0;
        if (depth_at(line, at) >= CJSON_NESTING_LIMIT) {
            snprintf(msg, msg_size, "JSON nested deeper than %d levels", CJSON_NESTING_LIMIT);
            return VB_ELIMIT;
        }
        char where[64];
        position(line, at, line_no, column, where, sizeof where);
        snprintf(msg, msg_size, "invalid JSON at %s", where);
        return VB_EPARSE;
    }
    size_t at = (size_t)(end - line);
    while (at < len && vb_json_blank(line[at]))
        at++;
    if (at < len) {
        cJSON_Delete(v);
        char where[64];
        position(line, at, line_no, column, where, sizeof where);
        snprintf(msg, msg_size, "invalid JSON at %s: text after the value", where);
        return VB_EPARSE;
    }
    if (!cJSON_IsObject(v)) {
        snprintf(msg, msg_size, "not a JSON object (found %s)", type_name(v));
        cJSON_Delete(v);
        return VB_EPARSE;
    }
    j->root = v;
    j->at = v;
    j->line = line;
    j->line_len = len;
    return VB_OK;
}

static bool key_equals(const char *key, const char *s, size_t len, bool fold)
{
    if (key == NULL) return false;
    size_t i = 0;
    for (; i < len; i++) {
        unsigned char a = (unsigned char)key[i], b = (unsigned char)s[i];
        if (a == '\0') return false;
        if (fold) {
            a = (a >= 'A' && a <= 'Z') ? (unsigned char)(a + 32) : a;
            b = (b >= 'A' && b <= 'Z') ? (unsigned char)(b + 32) : b;
        }
        if (a != b) return false;
    }
    return key[i] == '\0';
}

static cJSON *child_named(const cJSON *obj, const char *name, size_t len, bool fold)
{
    for (cJSON *c = obj->child; c != NULL; c = c->next)
        if (key_equals(c->string, name, len, fold)) return c;
    return NULL;
}

/* A key that matches the whole remaining path wins; otherwise try each dot
 * as a separator, so keys that contain dots work at any level. */
static cJSON *find_path(const cJSON *obj, const char *path, size_t len, bool fold)
{
    cJSON *c = child_named(obj, path, len, fold);
    if (c != NULL) return c;
    for (size_t i = 0; i < len; i++) {
        if (path[i] != '.') continue;
        c = child_named(obj, path, i, fold);
        if (c != NULL && cJSON_IsObject(c)) {
            cJSON *r = find_path(c, path + i + 1, len - i - 1, fold);
            if (r != NULL) return r;
        }
    }
    return NULL;
}

static cJSON *lookup(const vb_jsonl *j, const char *path)
{
    if (j->at == NULL || path == NULL) return NULL;
    const size_t len = strlen(path);
    cJSON *v = find_path(j->at, path, len, false);
    return v != NULL ? v : find_path(j->at, path, len, true);
}

bool vb_jsonl_has(const vb_jsonl *j, const char *path)
{
    return lookup(j, path) != NULL;
}

vb_json_kind vb_jsonl_kind(const vb_jsonl *j, size_t i)
{
    return j->kinds[i];
}

static vb_json_kind kind_of(const cJSON *v)
{
    return v == NULL               ? VB_JSON_ABSENT
           : cJSON_IsNull(v)       ? VB_JSON_NULL
           : cJSON_IsString(v)     ? VB_JSON_STRING
           : cJSON_IsNumber(v)     ? VB_JSON_NUMBER
           : cJSON_IsBool(v)       ? VB_JSON_BOOL
           : cJSON_IsObject(v)     ? VB_JSON_OBJECT
                                   : VB_JSON_ARRAY;
}

#define NO_OFFSET ((size_t)-1)

/* Counts the number nodes that come before `v` in a depth-first walk from
 * `node`; true once `v` is reached. */
static bool numbers_before(const cJSON *node, const cJSON *v, size_t *n)
{
    for (const cJSON *c = node->child; c != NULL; c = c->next) {
        if (c == v) return true;
        if (cJSON_IsNumber(c))
            (*n)++;
        else if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && numbers_before(c, v, n))
            return true;
    }
    return false;
}

static bool in_number(char ch)
{
    return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.' || ch == 'e' ||
           ch == 'E';
}

/* Number `v` as the line writes it. cJSON keeps only a double, which
 * rounds ids past 2^53 (1234567890123456789 became 1.2345678901234568e+18)
 * and drops what a kept column wrote ("1.10"). The line's number tokens
 * come in the order of a depth-first walk of its tree, so `v`'s text is
 * the n-th number token outside a string. */
static bool number_text(const vb_jsonl *j, const cJSON *v, const char **text, size_t *len)
{
    size_t n = 0;
    if (!numbers_before(j->root, v, &n)) return false;
    const char *s = j->line;
    bool in_string = false;
    for (size_t i = 0; i < j->line_len; i++) {
        if (in_string) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                in_string = false;
        } else if (s[i] == '"') {
            in_string = true;
        } else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
            size_t end = i;
            while (end < j->line_len && in_number(s[end]))
                end++;
            if (n-- == 0) {
                *text = s + i;
                *len = end - i;
                return true;
            }
            i = end - 1;
        }
    }
    return false;
}

vb_status vb_jsonl_extract(vb_jsonl *j, const char *const *paths, size_t n, vb_field *fields)
{
    if (n > j->cap_offs) {
        if (vb_mul_overflows(n, sizeof *j->offs)) return VB_ENOMEM;
        size_t *o = vb_realloc(j->alloc, j->offs, n * sizeof *o);
        if (o == NULL) return VB_ENOMEM;
        j->offs = o;
        vb_json_kind *k = vb_realloc(j->alloc, j->kinds, n * sizeof *k);
        if (k == NULL) return VB_ENOMEM;
        j->kinds = k;
        j->cap_offs = n;
    }
    vb_buf_reset(&j->scratch);
    const char *number;
    size_t len;
    /* Printed values go to scratch, which may move while it grows: keep
     * offsets first, make pointers at the end. */
    for (size_t i = 0; i < n; i++) {
        const cJSON *v = lookup(j, paths[i]);
        j->kinds[i] = kind_of(v);
        j->offs[i] = NO_OFFSET;
        fields[i].data = NULL;
        fields[i].len = 0;
        if (v == NULL || cJSON_IsNull(v)) continue;
        if (cJSON_IsString(v)) {
            fields[i].data = v->valuestring;
            fields[i].len = strlen(v->valuestring);
        } else if (cJSON_IsTrue(v)) {
            fields[i].data = "true";
            fields[i].len = 4;
        } else if (cJSON_IsFalse(v)) {
            fields[i].data = "false";
            fields[i].len = 5;
        } else if (cJSON_IsNumber(v) && number_text(j, v, &number, &len)) {
            /* copied: the line is the reader's, and moves on */
            j->offs[i] = j->scratch.len;
            if (vb_buf_append(&j->scratch, number, len) != VB_OK) return VB_ENOMEM;
            fields[i].len = len;
        } else {
            char *text = cJSON_PrintUnformatted(v);
            if (text == NULL) return VB_ENOMEM;
            len = strlen(text);
            j->offs[i] = j->scratch.len;
            vb_status st = vb_buf_append(&j->scratch, text, len);
            cJSON_free(text);
            if (st != VB_OK) return VB_ENOMEM;
            fields[i].len = len;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (j->offs[i] != NO_OFFSET) fields[i].data = j->scratch.data + j->offs[i];
    return VB_OK;
}

size_t vb_jsonl_keys(const vb_jsonl *j, const char **keys, size_t max_keys)
{
    size_t n = 0;
    if (j->at == NULL) return 0;
    for (const cJSON *c = j->at->child; c != NULL; c = c->next, n++)
        if (n < max_keys) keys[n] = c->string;
    return n;
}

bool vb_jsonl_enter_records(vb_jsonl *j)
{
    if (j->root == NULL) return false;
    for (const cJSON *c = j->root->child; c != NULL; c = c->next) {
        if (cJSON_IsArray(c) && cJSON_IsObject(c->child)) {
            j->at = c->child;
            return true;
        }
    }
    return false;
}

void vb_jsonl_leave_records(vb_jsonl *j)
{
    j->at = j->root;
}

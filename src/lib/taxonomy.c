/* taxonomy.c: reads a theme taxonomy with cJSON and checks it.
 *
 * The file is read whole (at most 16 MiB), parsed, and walked once. The
 * walk keeps the JSON path of where it is ("$.themes[0].children[1]"), so
 * every problem names its place; it never stops at the first problem, so
 * `verbatim themes check` can list them all. What it builds is syntax
 * only: themes in pre-order (parents before children) and their entries
 * split into operands (words, phrase, prefix, NEAR). Turning operands into
 * stems and patterns into PCRE2 code is themes.c's job.
 *
 * Keys: taxonomy {name, language, description, themes}; theme {id, label,
 * description, match, match_alone, exclude, regex, exclude_regex,
 * exclude_scope, opinion, answer, children}; any key that
 * starts with "x-" is ignored anywhere (tools keep statistics there).
 */
#include "taxonomy.h"

#include "alloc.h"
#include "ascii.h"
#include "error.h"
#include "jsonw.h" /* vb_json_put_size() */
#include "utf8.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES ((size_t)16 << 20)
#define MAX_TERM_BYTES 1000
#define MAX_ID_BYTES 200
#define MAX_KEY_IN_PATH 64
#define PATH_BYTES 1024

const char *const vb_tax_list_names[VB_TAX_N_LISTS] = {
    "match", "match_alone", "exclude", "regex", "exclude_regex", "opinion", "answer"};

typedef struct reader {
    vb_taxonomy *tax;
    vb_tax_report_fn report;
    void *ctx;
    size_t n_problems;
    bool oom;
    char path[PATH_BYTES]; /* JSON path of the value being read */
    size_t path_len;
} reader;

static void problem(reader *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void problem(reader *r, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->n_problems++;
    if (r->report != NULL)
        r->report(r->path, msg, r->ctx);
}

/* ---- JSON paths ---------------------------------------------------------- */

static void path_append(reader *r, const char *s, size_t len)
{
    size_t room = PATH_BYTES - 1 - r->path_len;
    if (len > room)
        len = room;
    memcpy(r->path + r->path_len, s, len);
    r->path_len += len;
    r->path[r->path_len] = '\0';
}

/* Appends ".key", or ["key"] for a key that is not a plain name. Returns
 * the length to restore with path_pop(). */
static size_t path_key(reader *r, const char *key)
{
    size_t old = r->path_len;
    size_t len = strlen(key);
    bool plain = len > 0 && strspn(key, "abcdefghijklmnopqrstuvwxyz"
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == len;
    if (len > MAX_KEY_IN_PATH)
        len = MAX_KEY_IN_PATH;
    if (plain) {
        path_append(r, ".", 1);
        path_append(r, key, len);
        return old;
    }
    path_append(r, "[\"", 2);
    for (size_t i = 0; i < len; i++) {
        char c = key[i];
        if (c == '"' || c == '\\')
            path_append(r, "\\", 1);
        if ((unsigned char)c < 0x20)
            c = '?';
        path_append(r, &c, 1);
    }
    path_append(r, "\"]", 2);
    return old;
}

/* Written by hand: a taxonomy has thousands of terms, each with its
 * path, and snprintf() took a tenth of a default run's start-up. */
static size_t path_index(reader *r, size_t i)
{
    size_t old = r->path_len;
    char buf[VB_JSON_SIZE_MAX + 2];
    buf[0] = '[';
    char *end = vb_json_put_size(buf + 1, i);
    *end++ = ']';
    path_append(r, buf, (size_t)(end - buf));
    return old;
}

static void path_pop(reader *r, size_t old)
{
    r->path_len = old;
    r->path[old] = '\0';
}

/* ---- helpers ------------------------------------------------------------- */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

static const char *copy(reader *r, const char *s, size_t len)
{
    char *c = vb_arena_strndup(&r->tax->strings, s, len);
    if (c == NULL)
        r->oom = true;
    return c;
}

/* A string value, checked for type and UTF-8; NULL after a problem. */
static const char *string_value(reader *r, const cJSON *v)
{
    if (!cJSON_IsString(v) || v->valuestring == NULL) {
        problem(r, "expected a string, got %s", type_name(v));
        return NULL;
    }
    size_t len = strlen(v->valuestring);
    if (vb_utf8_valid_len(v->valuestring, len) != len) {
        problem(r, "not valid UTF-8");
        return NULL;
    }
    return v->valuestring;
}

/* Levenshtein distance of two short keys, capped: for "did you mean". */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 31 || lb > 31)
        return 99;
    size_t row[32];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static void unknown_key(reader *r, const char *key, const char *const *allowed, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (edit_distance(key, allowed[i]) <= 2) {
            problem(r, "unknown key (did you mean \"%s\"?)", allowed[i]);
            return;
        }
    }
    problem(r, "unknown key");
}

/* Index of `key` in `allowed`, or -1. */
static int key_index(const char *key, const char *const *allowed, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, allowed[i]) == 0)
            return (int)i;
    return -1;
}

/* ---- the model ----------------------------------------------------------- */

static bool grow(reader *r, void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t new_cap = *cap == 0 ? 16 : *cap * 2;
    if (vb_mul_overflows(new_cap, size)) {
        r->oom = true;
        return false;
    }
    void *p = vb_realloc(r->tax->alloc, *items, new_cap * size);
    if (p == NULL) {
        r->oom = true;
        return false;
    }
    *items = p;
    *cap = new_cap;
    return true;
}

static bool add_term(reader *r, const vb_tax_term *t)
{
    vb_taxonomy *tax = r->tax;
    if (!grow(r, (void **)&tax->terms, &tax->cap_terms, tax->n_terms, sizeof *tax->terms))
        return false;
    tax->terms[tax->n_terms++] = *t;
    return true;
}

/* ---- entries ------------------------------------------------------------- */

/* The proximity operator word `w` is (NEAR or PRE, with or without its
 * "/k"), or NULL. */
static const char *proximity_operator(const char *w, size_t len)
{
    static const char *const names[] = {"NEAR", "PRE"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const size_t n = strlen(names[i]);
        if (len >= n && memcmp(w, names[i], n) == 0 && (len == n || w[n] == '/'))
            return names[i];
    }
    return NULL;
}

/* Takes the '=' off an exact operand (=word, ="a phrase"): sets
 * side->exact, or reports what cannot follow it. */
static bool strip_exact_mark(reader *r, const char **s, size_t *len, vb_tax_side *side)
{
    if ((*s)[0] != '=')
        return true;
    (*s)++;
    (*len)--;
    vb_ascii_trim(s, len);
    if (*len == 0) {
        problem(r, "nothing after = (write =word or =\"a phrase\")");
        return false;
    }
    if ((*s)[*len - 1] == '*') {
        problem(r, "an exact term (=word) cannot be a prefix (word*)");
        return false;
    }
    side->exact = true;
    return true;
}

/* One operand: "a phrase", word, several words (a phrase too) or word*,
 * each exact with a leading '='. */
static bool parse_side(reader *r, const char *s, size_t len, vb_tax_side *side)
{
    memset(side, 0, sizeof *side);
    if (!strip_exact_mark(r, &s, &len, side))
        return false;
    if (s[0] == '"') {
        if (len < 2 || s[len - 1] != '"' || memchr(s + 1, '"', len - 2) != NULL) {
            problem(r, "unbalanced quotes");
            return false;
        }
        s++;
        len -= 2;
        vb_ascii_trim(&s, &len);
        if (len == 0) {
            problem(r, "empty phrase");
            return false;
        }
        if (s[len - 1] == '*') {
            problem(r, "a prefix (word*) cannot be inside quotes");
            return false;
        }
    } else if (memchr(s, '"', len) != NULL) {
        problem(r, "unbalanced quotes");
        return false;
    } else if (s[len - 1] == '*') {
        len--;
        vb_ascii_trim(&s, &len);
        bool one_word = len > 0 && memchr(s, '*', len) == NULL;
        for (size_t i = 0; one_word && i < len; i++)
            one_word = !vb_ascii_space(s[i]);
        if (!one_word) {
            problem(r, "a prefix is one word followed by * (e.g. parcel*)");
            return false;
        }
        side->prefix = true;
    }
    side->text = copy(r, s, len);
    side->len = len;
    return side->text != NULL;
}

/* A NEAR operand: one side, or a set of them, "(cozy|quaint|=cute)",
 * whose alternatives are chained on `side` by `next_alt`. */
static bool parse_operand(reader *r, const char *s, size_t len, vb_tax_side *side)
{
    if (s[0] != '(' && s[len - 1] != ')') return parse_side(r, s, len, side);
    if (s[0] != '(' || s[len - 1] != ')' || len < 2) {
        problem(r, "unbalanced parentheses (a set is written (a|b|c))");
        return false;
    }
    s++;
    len -= 2;
    vb_tax_side *last = NULL;
    bool in_quote = false;
    for (size_t start = 0, i = 0; i <= len; i++) {
        if (i < len && s[i] == '"') in_quote = !in_quote;
        if (i < len && !in_quote && (s[i] == '(' || s[i] == ')')) {
            problem(r, "a set cannot hold parentheses (write (a|b|c))");
            return false;
        }
        if (i < len && (in_quote || s[i] != '|')) continue;
        const char *alt = s + start;
        size_t alt_len = i - start;
        start = i + 1;
        vb_ascii_trim(&alt, &alt_len);
        if (alt_len == 0) {
            problem(r, "an empty alternative in a set (write (a|b|c))");
            return false;
        }
        vb_tax_side *next = side;
        if (last != NULL && (next = vb_arena_alloc(&r->tax->strings, sizeof *next)) == NULL) {
            r->oom = true;
            return false;
        }
        if (!parse_side(r, alt, alt_len, next)) return false;
        if (last != NULL) last->next_alt = next;
        last = next;
    }
    return true;
}

/* Parses one match/match_alone/exclude entry into `t` (a, b, near_k,
 * near_ordered). */
static bool parse_term(reader *r, const char *s, size_t len, vb_tax_term *t)
{
    vb_ascii_trim(&s, &len);
    if (len == 0) {
        problem(r, "empty term");
        return false;
    }
    if (len > MAX_TERM_BYTES) {
        problem(r, "term longer than %d bytes", MAX_TERM_BYTES);
        return false;
    }
    /* Find NEAR and PRE operators: whole words outside quotes. */
    size_t n_ops = 0, op_start = 0, op_end = 0;
    const char *op = NULL;
    bool in_quote = false;
    for (size_t i = 0; i < len;) {
        if (s[i] == '"') {
            in_quote = !in_quote;
            i++;
        } else if (in_quote || vb_ascii_space(s[i])) {
            i++;
        } else {
            size_t w = i;
            while (i < len && !vb_ascii_space(s[i]) && s[i] != '"')
                i++;
            const char *name = proximity_operator(s + w, i - w);
            if (name != NULL && n_ops++ == 0) {
                op = name;
                op_start = w;
                op_end = i;
            }
        }
    }
    if (n_ops == 0) {
        if (s[0] == '(' && s[len - 1] == ')') {
            problem(r, "a set (a|b) is a NEAR operand; list its words as entries of their own");
            return false;
        }
        return parse_side(r, s, len, &t->a);
    }
    if (n_ops > 1) {
        problem(r, "bad %s: only one NEAR or PRE per term", op);
        return false;
    }
    const size_t op_len = strlen(op);
    unsigned long k = 0;
    bool k_ok = op_end - op_start > op_len + 1 && op_end - op_start <= op_len + 3;
    for (size_t i = op_start + op_len + 1; k_ok && i < op_end; i++) {
        k_ok = s[i] >= '0' && s[i] <= '9';
        k = k * 10 + (unsigned long)(s[i] - '0');
    }
    if (!k_ok || k < 1 || k > VB_TAX_MAX_NEAR) {
        problem(r, "bad %s: write A %s/k B with k from 1 to %d", op, op, VB_TAX_MAX_NEAR);
        return false;
    }
    const char *left = s, *right = s + op_end;
    size_t left_len = op_start, right_len = len - op_end;
    vb_ascii_trim(&left, &left_len);
    vb_ascii_trim(&right, &right_len);
    if (left_len == 0 || right_len == 0) {
        problem(r, "bad %s: a term is needed on each side", op);
        return false;
    }
    t->near_k = (uint32_t)k;
    t->near_ordered = strcmp(op, "PRE") == 0;
    return parse_operand(r, left, left_len, &t->a) && parse_operand(r, right, right_len, &t->b);
}

/* An entry of `theme`'s list at `index`, nothing parsed yet. */
static vb_tax_term new_term(uint32_t theme, vb_tax_list list, size_t index)
{
    vb_tax_term t;
    memset(&t, 0, sizeof t);
    t.theme = theme;
    t.list = list;
    t.index = (uint32_t)index;
    return t;
}

static void read_entry(reader *r, uint32_t theme, vb_tax_list list, size_t index,
                       const cJSON *v)
{
    const char *s = string_value(r, v);
    if (s == NULL)
        return;
    vb_tax_term t = new_term(theme, list, index);
    size_t len = strlen(s);
    if (vb_tax_list_is_regex(list)) {
        if (len == 0) {
            problem(r, "empty regex");
            return;
        }
    } else if (!parse_term(r, s, len, &t)) {
        return;
    } else if (list == VB_TAX_ANSWER && t.near_k > 0) {
        /* An answer covers its words, so that the sentence can be seen
         * to say nothing else; the words between a NEAR pair it does not. */
        problem(r, "an answer term is a word, a phrase or a prefix (no NEAR or PRE)");
        return;
    }
    t.raw = copy(r, s, len);
    t.raw_len = len;
    if (t.raw != NULL)
        add_term(r, &t);
}

/* ---- themes -------------------------------------------------------------- */

static const char *const theme_keys[] = {
    "id",    "label",         "description",   "match",   "match_alone", "exclude",
    "regex", "exclude_regex", "exclude_scope", "opinion", "answer",      "children"};
enum { K_ID, K_LABEL, K_DESCRIPTION, K_MATCH, K_MATCH_ALONE, K_EXCLUDE, K_REGEX, K_EXCLUDE_REGEX,
       K_EXCLUDE_SCOPE, K_OPINION, K_ANSWER, K_CHILDREN, N_THEME_KEYS };

/* The theme's list a key names; only for the list keys. */
static vb_tax_list list_of_key(int k)
{
    switch (k) {
    case K_MATCH:
        return VB_TAX_MATCH;
    case K_MATCH_ALONE:
        return VB_TAX_MATCH_ALONE;
    case K_EXCLUDE:
        return VB_TAX_EXCLUDE;
    case K_REGEX:
        return VB_TAX_REGEX;
    case K_ANSWER:
        return VB_TAX_ANSWER;
    default:
        return VB_TAX_EXCLUDE_REGEX;
    }
}

static const char *const scope_names[] = {"sentence", "clause", "span"};

/* "exclude_scope": one of scope_names. */
static void read_scope(reader *r, const cJSON *v, vb_tax_theme *th)
{
    const char *s = string_value(r, v);
    if (s == NULL)
        return;
    int k = key_index(s, scope_names, sizeof scope_names / sizeof *scope_names);
    if (k < 0)
        problem(r, "expected \"sentence\", \"clause\" or \"span\"");
    else
        th->exclude_scope = (vb_tax_scope)k;
}

/* One "term": valence member of "opinion": a word or phrase (exact or
 * not; no prefix, no NEAR) and a number from -4 to 4. */
static void read_opinion_term(reader *r, uint32_t theme, size_t index, const cJSON *v)
{
    const char *term = v->string != NULL ? v->string : "";
    if (!cJSON_IsNumber(v)) {
        problem(r, "expected a valence (a number from -4 to 4), got %s", type_name(v));
        return;
    }
    if (!(v->valuedouble >= -VB_TAX_MAX_VALENCE && v->valuedouble <= VB_TAX_MAX_VALENCE)) {
        problem(r, "valence %g is outside -4..4", v->valuedouble);
        return;
    }
    size_t len = strlen(term);
    if (vb_utf8_valid_len(term, len) != len) {
        problem(r, "not valid UTF-8");
        return;
    }
    vb_tax_term t = new_term(theme, VB_TAX_OPINION, index);
    t.valence = v->valuedouble;
    if (!parse_term(r, term, len, &t))
        return;
    if (t.near_k > 0 || t.a.prefix) {
        problem(r, "an opinion term is a word or a phrase (no NEAR or PRE, no prefix)");
        return;
    }
    t.raw = copy(r, term, len);
    t.raw_len = len;
    t.path = copy(r, r->path, r->path_len);
    if (t.raw != NULL && t.path != NULL)
        add_term(r, &t);
}

/* "opinion": {"term": valence, ...}. */
static void read_opinions(reader *r, uint32_t theme, const cJSON *item)
{
    if (!cJSON_IsObject(item)) {
        problem(r, "expected an object of terms and valences, got %s", type_name(item));
        return;
    }
    size_t i = 0;
    for (const cJSON *e = item->child; e != NULL; e = e->next, i++) {
        size_t o = path_key(r, e->string != NULL ? e->string : "");
        read_opinion_term(r, theme, i, e);
        path_pop(r, o);
    }
}

/* A match/match_alone/exclude/regex/exclude_regex/answer array; returns its
 * number of entries. */
static size_t read_list(reader *r, uint32_t theme, vb_tax_list list, const cJSON *item)
{
    if (!cJSON_IsArray(item)) {
        problem(r, "expected an array of strings, got %s", type_name(item));
        return 0;
    }
    size_t i = 0;
    for (const cJSON *e = item->child; e != NULL; e = e->next, i++) {
        size_t o = path_index(r, i);
        read_entry(r, theme, list, i, e);
        path_pop(r, o);
    }
    return i;
}

static bool id_ok(reader *r, const char *id)
{
    size_t len = strlen(id);
    if (len == 0) {
        problem(r, "empty id");
        return false;
    }
    if (len > MAX_ID_BYTES) {
        problem(r, "id longer than %d bytes", MAX_ID_BYTES);
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)id[i] <= 0x20 || id[i] == 0x7f) {
            problem(r, "an id cannot contain spaces or control characters");
            return false;
        }
    }
    return true;
}

static void read_theme(reader *r, const cJSON *obj, int32_t parent, uint32_t depth)
{
    if (!cJSON_IsObject(obj)) {
        problem(r, "expected an object (a theme), got %s", type_name(obj));
        return;
    }
    if (depth > VB_TAX_MAX_DEPTH) {
        problem(r, "themes nested more than %d levels deep", VB_TAX_MAX_DEPTH);
        return;
    }
    vb_taxonomy *tax = r->tax;
    if (!grow(r, (void **)&tax->themes, &tax->cap_themes, tax->n_themes, sizeof *tax->themes))
        return;
    const uint32_t idx = (uint32_t)tax->n_themes++;
    vb_tax_theme *th = &tax->themes[idx];
    memset(th, 0, sizeof *th);
    th->id = "";
    th->parent = parent;
    th->depth = depth;
    th->path = copy(r, r->path, r->path_len);
    if (th->path == NULL)
        th->path = "";

    bool seen[N_THEME_KEYS] = {false};
    bool has_rules = false;
    const cJSON *children = NULL;
    for (const cJSON *item = obj->child; item != NULL; item = item->next) {
        const char *key = item->string != NULL ? item->string : "";
        if (strncmp(key, "x-", 2) == 0)
            continue;
        size_t old = path_key(r, key);
        int k = key_index(key, theme_keys, N_THEME_KEYS);
        if (k < 0) {
            unknown_key(r, key, theme_keys, N_THEME_KEYS);
        } else if (seen[k]) {
            problem(r, "duplicate key");
        } else {
            seen[k] = true;
            const char *s;
            switch (k) {
            case K_ID:
                if ((s = string_value(r, item)) != NULL && id_ok(r, s)) {
                    const char *id = copy(r, s, strlen(s));
                    if (id != NULL)
                        tax->themes[idx].id = id;
                }
                break;
            case K_LABEL:
                if ((s = string_value(r, item)) != NULL) {
                    if (*s == '\0')
                        problem(r, "empty label");
                    else
                        tax->themes[idx].label = copy(r, s, strlen(s));
                }
                break;
            case K_DESCRIPTION:
                string_value(r, item);
                break;
            case K_CHILDREN:
                if (!cJSON_IsArray(item))
                    problem(r, "expected an array of themes, got %s", type_name(item));
                else
                    children = item;
                break;
            case K_EXCLUDE_SCOPE:
                read_scope(r, item, &tax->themes[idx]);
                break;
            case K_OPINION:
                read_opinions(r, idx, item);
                break;
            default: {
                vb_tax_list list = list_of_key(k);
                if (read_list(r, idx, list, item) > 0 && vb_tax_list_matches(list))
                    has_rules = true;
                break;
            }
            }
        }
        path_pop(r, old);
    }
    th = &tax->themes[idx];
    if (!seen[K_ID])
        problem(r, "missing \"id\"");
    if (th->label == NULL)
        th->label = th->id;
    if (!has_rules && (children == NULL || cJSON_GetArraySize(children) == 0))
        problem(r, "empty theme: no match, match_alone, answer, regex or children");
    if (children != NULL) {
        size_t old = path_key(r, "children");
        size_t i = 0;
        for (const cJSON *c = children->child; c != NULL; c = c->next, i++) {
            size_t o = path_index(r, i);
            read_theme(r, c, (int32_t)idx, depth + 1);
            path_pop(r, o);
        }
        path_pop(r, old);
    }
}

/* ---- the document -------------------------------------------------------- */

static const char *const root_keys[] = {"name", "language", "description", "themes"};
enum { R_NAME, R_LANGUAGE, R_DESCRIPTION, R_THEMES, N_ROOT_KEYS };

static void read_root(reader *r, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        problem(r, "expected an object with \"themes\", got %s", type_name(root));
        return;
    }
    bool seen[N_ROOT_KEYS] = {false};
    const cJSON *themes = NULL;
    for (const cJSON *item = root->child; item != NULL; item = item->next) {
        const char *key = item->string != NULL ? item->string : "";
        if (strncmp(key, "x-", 2) == 0)
            continue;
        size_t old = path_key(r, key);
        int k = key_index(key, root_keys, N_ROOT_KEYS);
        const char *s;
        if (k < 0) {
            unknown_key(r, key, root_keys, N_ROOT_KEYS);
        } else if (seen[k]) {
            problem(r, "duplicate key");
        } else {
            seen[k] = true;
            switch (k) {
            case R_NAME:
                if ((s = string_value(r, item)) != NULL)
                    r->tax->name = copy(r, s, strlen(s));
                break;
            case R_LANGUAGE:
                if ((s = string_value(r, item)) != NULL)
                    r->tax->language = copy(r, s, strlen(s));
                break;
            case R_DESCRIPTION:
                string_value(r, item);
                break;
            case R_THEMES:
                if (!cJSON_IsArray(item))
                    problem(r, "expected an array of themes, got %s", type_name(item));
                else if (cJSON_GetArraySize(item) == 0)
                    problem(r, "no themes");
                else
                    themes = item;
                break;
            }
        }
        path_pop(r, old);
    }
    if (!seen[R_THEMES])
        problem(r, "missing \"themes\"");
    if (themes == NULL)
        return;
    size_t old = path_key(r, "themes");
    size_t i = 0;
    for (const cJSON *t = themes->child; t != NULL; t = t->next, i++) {
        size_t o = path_index(r, i);
        read_theme(r, t, -1, 1);
        path_pop(r, o);
    }
    path_pop(r, old);
}

static int compare_ids(const void *a, const void *b, void *themes)
{
    const vb_tax_theme *t = themes;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    int c = strcmp(t[x].id, t[y].id);
    return c != 0 ? c : (x > y) - (x < y);
}

/* qsort has no context argument in C11: sort indices with a small merge
 * sort instead (stable, O(n log n)). */
static void sort_ids(uint32_t *v, uint32_t *tmp, size_t n, const vb_tax_theme *themes)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_ids(v, tmp, h, themes);
    sort_ids(v + h, tmp, n - h, themes);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = compare_ids(&v[j], &v[i], (void *)themes) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Every id must be unique across the whole tree. */
static void check_duplicate_ids(reader *r)
{
    const vb_taxonomy *tax = r->tax;
    if (tax->n_themes < 2)
        return;
    uint32_t *order = vb_calloc(tax->alloc, tax->n_themes, sizeof *order);
    uint32_t *tmp = vb_calloc(tax->alloc, tax->n_themes, sizeof *tmp);
    if (order == NULL || tmp == NULL) {
        r->oom = true;
    } else {
        for (size_t i = 0; i < tax->n_themes; i++)
            order[i] = (uint32_t)i;
        sort_ids(order, tmp, tax->n_themes, tax->themes);
        /* Report in document order: mark each later duplicate with its first. */
        for (size_t i = 0; i < tax->n_themes; i++)
            tmp[i] = UINT32_MAX;
        for (size_t i = 1; i < tax->n_themes; i++) {
            const vb_tax_theme *a = &tax->themes[order[i - 1]], *b = &tax->themes[order[i]];
            if (b->id[0] != '\0' && strcmp(a->id, b->id) == 0)
                tmp[order[i]] = tmp[order[i - 1]] != UINT32_MAX ? tmp[order[i - 1]] : order[i - 1];
        }
        for (size_t i = 0; i < tax->n_themes; i++) {
            if (tmp[i] == UINT32_MAX)
                continue;
            path_pop(r, 0);
            path_append(r, tax->themes[i].path, strlen(tax->themes[i].path));
            path_append(r, ".id", 3);
            problem(r, "duplicate id \"%s\" (first at %s)", tax->themes[i].id,
                    tax->themes[tmp[i]].path);
        }
        path_pop(r, 0);
    }
    vb_free(tax->alloc, order);
    vb_free(tax->alloc, tmp);
}

static vb_status read_file(const char *path, const vb_allocator *a, char **data, size_t *len,
                           vb_error *err)
{
    *data = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0) {
        /* The library never reads stdin itself, and "-" names stdin
         * (vb_options.source_name): a taxonomy loaded from it would eat
         * the records a caller then reads from there. */
        vb_error_set(err, VB_EINVAL, path, 0, "%s",
                     "a taxonomy cannot come from stdin: it is loaded before the records, "
                     "which stdin may carry; give the taxonomy's file");
        return VB_EINVAL;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        vb_error_set(err, VB_EIO, path, 0, "cannot open: %s", strerror(errno));
        return VB_EIO;
    }
    vb_status st = VB_OK;
    size_t cap = 0;
    for (;;) {
        if (*len == cap) {
            if (cap >= MAX_FILE_BYTES) {
                vb_error_set(err, VB_ELIMIT, path, 0, "%s", "taxonomy larger than 16 MiB");
                st = VB_ELIMIT;
                break;
            }
            size_t new_cap = cap == 0 ? 16384 : cap * 2;
            char *p = vb_realloc(a, *data, new_cap + 1);
            if (p == NULL) {
                vb_error_set(err, VB_ENOMEM, path, 0, "%s", "out of memory");
                st = VB_ENOMEM;
                break;
            }
            *data = p;
            cap = new_cap;
        }
        size_t n = fread(*data + *len, 1, cap - *len, f);
        *len += n;
        if (n == 0) {
            if (ferror(f)) {
                vb_error_set(err, VB_EIO, path, 0, "read error: %s", strerror(errno));
                st = VB_EIO;
            }
            break;
        }
    }
    fclose(f);
    if (st != VB_OK) {
        vb_free(a, *data);
        *data = NULL;
        return st;
    }
    (*data)[*len] = '\0';
    return VB_OK;
}

vb_status vb_taxonomy_read(const char *path, const vb_allocator *a, vb_tax_report_fn report,
                           void *ctx, vb_taxonomy **out, size_t *n_problems, vb_error *err)
{
    *out = NULL;
    *n_problems = 0;
    a = vb_allocator_or_default(a);
    vb_taxonomy *tax = vb_calloc(a, 1, sizeof *tax);
    if (tax == NULL) {
        vb_error_set(err, VB_ENOMEM, path, 0, "%s", "out of memory");
        return VB_ENOMEM;
    }
    tax->alloc = a;
    tax->name = "";
    vb_arena_init(&tax->strings, a, 4096);

    char *data;
    size_t len;
    vb_status st = read_file(path, a, &data, &len, err);
    if (st != VB_OK) {
        vb_taxonomy_free(tax);
        return st;
    }
    reader r;
    memset(&r, 0, sizeof r);
    r.tax = tax;
    r.report = report;
    r.ctx = ctx;
    path_append(&r, "$", 1);

    /* The length includes the terminating NUL: with
     * require_null_terminated, cJSON wants to see it. */
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len + 1, &end, 1);
    if (root == NULL) {
        /* cJSON points `end` at the first byte it could not use. */
        size_t at = end != NULL && end >= data && end <= data + len ? (size_t)(end - data) : 0;
        size_t line = 1, col = 1;
        for (size_t i = 0; i < at; i++) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        if (len == 0)
            problem(&r, "empty file: expected a JSON object");
        else
            problem(&r, "not valid JSON (line %zu, column %zu)", line, col);
    } else {
        read_root(&r, root);
        cJSON_Delete(root);
        if (!r.oom)
            check_duplicate_ids(&r);
    }
    vb_free(a, data);
    if (r.oom) {
        vb_error_set(err, VB_ENOMEM, path, 0, "%s", "out of memory");
        vb_taxonomy_free(tax);
        return VB_ENOMEM;
    }
    *out = tax;
    *n_problems = r.n_problems;
    return VB_OK;
}

void vb_taxonomy_free(vb_taxonomy *tax)
{
    if (tax == NULL)
        return;
    const vb_allocator *a = tax->alloc;
    vb_arena_free(&tax->strings);
    vb_free(a, tax->themes);
    vb_free(a, tax->terms);
    vb_free(a, tax);
}

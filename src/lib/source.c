/* source.c: records out of a byte stream, whatever the format.
 *
 * This is the front of the pipeline. It buffers what the caller feeds, as
 * UTF-8 (encoding.c decodes Windows-1252 and UTF-16), skips a UTF-8 BOM,
 * settles the format (by name, else by sniffing the first line) and a
 * CSV's delimiter (Excel's "sep=;" line, else ',' or ';' from the first
 * line), and
 * then hands the bytes to a framer: csv.c for CSV and TSV rows, the line
 * splitter here for plain text and JSON Lines, and source_json.c for JSON
 * (lines, or a JSON array's elements; parsed by jsonl.c). It also
 * maps the caller's columns (name, 1-based number, dotted path, or
 * guessed: header.c keeps a CSV's header and survey header rows, columns.c
 * reads names) to fields, decides which rows are header, and turns broken
 * input into rejected records rather than failures.
 *
 * Memory: `in` holds the unconsumed bytes from `pos` on. Records point into
 * it, so the bytes of a returned record are dropped only at the next call
 * (`pending`), and the buffer is compacted only in feed(): one memmove per
 * chunk, of at most one partial record. Fields and lines over their limit
 * are skipped as they stream past instead of being buffered.
 */
#include "source_int.h"

#include "alloc.h"
#include "ascii.h"
#include "columns.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_MAX_FIELD_BYTES ((size_t)16 << 20)
#define RECORD_SLACK_BYTES ((size_t)64 << 10)

/* ---- small helpers ---------------------------------------------------- */

vb_status vb_source_fail(vb_source *s, vb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    s->fatal = st;
    return st;
}

vb_status vb_source_fail_names(vb_source *s, const char *const *names, size_t n, const char *hint)
{
    vb_columns_append_list(s->errmsg, sizeof s->errmsg, names, n);
    const size_t at = strlen(s->errmsg);
    if (hint != NULL) snprintf(s->errmsg + at, sizeof s->errmsg - at, " (%s)", hint);
    return s->fatal;
}

/* True for a non-empty string of digits; *n saturates rather than wraps. */
static bool parse_column_number(const char *spec, size_t *n)
{
    if (spec == NULL || *spec == '\0') return false;
    size_t v = 0;
    for (const char *c = spec; *c != '\0'; c++) {
        if (*c < '0' || *c > '9') return false;
        const size_t d = (size_t)(*c - '0');
        v = v > ((size_t)-1 - d) / 10 ? (size_t)-1 : v * 10 + d;
    }
    *n = v;
    return true;
}

/* What messages call the column of `slot`: "text", "id", or for a kept
 * column the caller's kind (report's "date" for its --date-col), else "keep". */
static const char *slot_kind(const vb_source *s, size_t slot)
{
    if (slot == SLOT_TEXT || slot >= s->more_text) return "text";
    if (slot == SLOT_ID) return "id";
    const char *const *kinds = s->spec.keep_kinds;
    const char *kind = kinds != NULL ? kinds[slot - SLOT_KEEP] : NULL;
    if (kind == NULL) return "keep";
    return strcmp(kind, "score?") == 0 ? "score" : kind;
}

static const char *find_eol(const char *p, size_t n)
{
    const char *lf = memchr(p, '\n', n);
    const size_t m = lf != NULL ? (size_t)(lf - p) : n;
    const char *cr = memchr(p, '\r', m);
    return cr != NULL ? cr : lf;
}

static bool is_blank(const char *p, size_t n, bool json)
{
    for (size_t i = 0; i < n; i++) {
        const char c = p[i];
        if (c != ' ' && c != '\t' && !(json && (c == '\r' || c == '\n'))) return false;
    }
    return true;
}

/* ---- format names and sniffing ---------------------------------------- */

vb_format vb_format_from_name(const char *name)
{
    static const struct {
        const char *ext;
        vb_format format;
    } exts[] = {{"csv", VB_FORMAT_CSV},     {"tsv", VB_FORMAT_TSV},      {"tab", VB_FORMAT_TSV},
                {"jsonl", VB_FORMAT_JSONL}, {"ndjson", VB_FORMAT_JSONL}, {"json", VB_FORMAT_JSONL},
                {"txt", VB_FORMAT_TEXT}};
    if (name == NULL) return VB_FORMAT_AUTO;
    const char *base = strrchr(name, '/');
    base = base != NULL ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    if (dot == NULL) return VB_FORMAT_AUTO;
    const char *ext = dot + 1;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (vb_ascii_iequal(ext, strlen(ext), exts[i].ext, strlen(exts[i].ext)))
            return exts[i].format;
    return VB_FORMAT_AUTO;
}

/* The delimiters on the first line that is not empty (after a BOM),
 * outside quotes: a name may hold a comma ("Comment, free text"). The
 * line ends at its first line end even inside quotes, and the count at
 * SNIFF_MAX_BYTES, so that it does not depend on how much is buffered
 * (first_line_ready()). */
typedef struct delimiter_counts {
    size_t tabs, commas, semicolons;
} delimiter_counts;

/* Where the first line that is not empty starts (after a BOM); *end is
 * where the sniffed bytes end. */
static const char *first_line(const char *buf, size_t len, const char **end)
{
    const char *p = buf;
    *end = buf + (len < SNIFF_MAX_BYTES ? len : SNIFF_MAX_BYTES);
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    while (p < *end && (*p == '\r' || *p == '\n'))
        p++;
    return p;
}

static delimiter_counts count_delimiters(const char *buf, size_t len)
{
    const char *end, *p = first_line(buf, len, &end);
    delimiter_counts n = {0, 0, 0};
    bool quoted = false;
    for (; p < end && *p != '\n' && *p != '\r'; p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            n.tabs += *p == '\t';
            n.commas += *p == ',';
            n.semicolons += *p == ';';
        }
    }
    return n;
}

/* A CSV's delimiter: ';' where the first line has more semicolons than
 * commas (spreadsheets write that where the comma is the decimal mark),
 * else ','. */
static char csv_delimiter(const char *buf, size_t len)
{
    const delimiter_counts n = count_delimiters(buf, len);
    return n.semicolons > n.commas ? ';' : ',';
}

/* Whether the first line is a comment column's name alone ("comment",
 * "\"Feedback\""): the header of a one-column CSV, which has no
 * delimiter to tell it by. Its quoted, multi-line comments would be cut
 * into lines as plain text. */
static bool first_line_names_text(const char *buf, size_t len)
{
    const char *end, *p = first_line(buf, len, &end), *eol = p;
    while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
    while (eol > p && eol[-1] == ' ')
        eol--;
    if (eol - p >= 2 && *p == '"' && eol[-1] == '"') {
        p++;
        eol--;
    }
    char name[64];
    const size_t n = (size_t)(eol - p);
    if (n == 0 || n >= sizeof name) return false;
    memcpy(name, p, n);
    name[n] = '\0';
    return vb_columns_is_text_name(name);
}

/* Whether the bytes from `p` to `end` start a JSON object, after blanks. */
static bool starts_object(const char *p, const char *end)
{
    while (p < end && vb_json_blank(*p))
        p++;
    return p < end && *p == '{';
}

vb_format vb_format_sniff(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    while (p < end && vb_json_blank(*p))
        p++;
    if (starts_object(p, end)) return VB_FORMAT_JSONL;
    /* an array of objects; "[x] done" is text */
    if (p < end && *p == '[' && starts_object(p + 1, end)) return VB_FORMAT_JSONL;
    /* Counted from the line's first byte: a leading tab still counts. */
    const delimiter_counts n = count_delimiters(buf, len);
    if (n.tabs > n.commas && n.tabs > n.semicolons) return VB_FORMAT_TSV;
    if (n.commas + n.semicolons > 0 || first_line_names_text(buf, len)) return VB_FORMAT_CSV;
    return VB_FORMAT_TEXT;
}

/* ---- set-up ------------------------------------------------------------ */

/* Checks what can be checked once the format is known. */
static vb_status check_columns(vb_source *s, char *msg, size_t size)
{
    if (s->spec.n_more_text_cols > 0 && s->spec.text_col == NULL) {
        snprintf(msg, size, "a text over several columns needs its first column named");
        return VB_EINVAL;
    }
    for (size_t i = 0; i < s->n_slots; i++) {
        const char *spec = s->slot_spec[i];
        size_t n;
        if (spec == NULL) continue;
        if (*spec == '\0') {
            snprintf(msg, size, "%s column: the name is empty", slot_kind(s, i));
            return VB_EINVAL;
        }
        if (s->format != VB_FORMAT_JSONL && parse_column_number(spec, &n) && n == 0) {
            snprintf(msg, size, "%s column 0: columns are numbered from 1", slot_kind(s, i));
            return VB_EINVAL;
        }
    }
    if (s->format == VB_FORMAT_TEXT) {
        if (s->slot_spec[SLOT_ID] != NULL || s->spec.n_keep_cols > 0 ||
            s->spec.n_more_text_cols > 0) {
            snprintf(msg, size, "plain text input has no columns");
            return VB_EINVAL;
        }
        return VB_OK;
    }
    if ((s->format == VB_FORMAT_CSV || s->format == VB_FORMAT_TSV) && !s->spec.has_header) {
        if (s->score_slot != NO_COL && !s->score_optional) {
            snprintf(msg, size,
                     "score column: the input has no header row to find it by, so give the "
                     "column's 1-based number (--score-col)");
            return VB_EINVAL;
        }
        for (size_t i = 0; i < s->n_slots; i++) {
            size_t n;
            const char *spec = s->slot_spec[i];
            if (spec != NULL && !parse_column_number(spec, &n)) {
                snprintf(msg, size,
                         "%s column \"%s\": the input has no header row, so give the "
                         "column's 1-based number",
                         slot_kind(s, i), spec);
                return VB_EINVAL;
            }
        }
    }
    return VB_OK;
}

/* Whether byte `d` can separate fields: a tab, or punctuation other than
 * the quote. */
static bool can_delimit(char d)
{
    const unsigned char c = (unsigned char)d;
    return c == '\t' ||
           (c > ' ' && c < 0x7F && c != '"' && !vb_ascii_digit(d) && !vb_ascii_alpha(d));
}

/* A delimiter the caller gave: the input is delimited (TSV for a tab),
 * whatever its name says, unless the caller named another format. */
static vb_status take_delimiter(vb_source *s, char d, char *msg, size_t size)
{
    const unsigned char c = (unsigned char)d;
    if (!can_delimit(d)) {
        char shown[8];
        if (c > ' ' && c < 0x7F)
            snprintf(shown, sizeof shown, "'%c'", c);
        else
            snprintf(shown, sizeof shown, "0x%02X", c);
        snprintf(msg, size,
                 "delimiter %s cannot separate fields: give a punctuation byte other than "
                 "'\"' (',', ';', '|', ...) or a tab",
                 shown);
        return VB_EINVAL;
    }
    if (s->format == VB_FORMAT_JSONL || s->format == VB_FORMAT_TEXT) {
        snprintf(msg, size, "a delimiter is for CSV input, not %s", vb_format_name(s->format));
        return VB_EINVAL;
    }
    if (s->format == VB_FORMAT_TSV && c != '\t') {
        snprintf(msg, size,
                 "TSV fields are separated by tabs: with delimiter '%c' the format is csv", d);
        return VB_EINVAL;
    }
    s->format = c == '\t' ? VB_FORMAT_TSV : VB_FORMAT_CSV;
    s->delim = d;
    return VB_OK;
}

/* Prepares the reader for s->format; msg gets the reason on failure. */
static vb_status setup_format(vb_source *s, char *msg, size_t size)
{
    vb_status st = check_columns(s, msg, size);
    if (st != VB_OK) return st;
    switch (s->format) {
    case VB_FORMAT_TSV:
        s->delim = '\t';
        /* fall through */
    case VB_FORMAT_CSV:
        /* Without a delimiter yet, the first line settles it
         * (settle_delimiter()). */
        if (s->delim != 0)
            vb_csv_init(&s->csv, s->alloc, s->delim, s->max_field_bytes, s->max_record_bytes);
        break;
    case VB_FORMAT_JSONL:
        s->jsonl = vb_jsonl_new(s->alloc);
        if (s->jsonl == NULL) {
            snprintf(msg, size, "out of memory");
            return VB_ENOMEM;
        }
        break;
    case VB_FORMAT_TEXT:
        s->columns_ready = true;
        break;
    case VB_FORMAT_AUTO:
        break;
    }
    return VB_OK;
}

vb_source *vb_source_new(const vb_source_spec *spec, const vb_allocator *alloc, vb_error *err)
{
    vb_error local;
    if (err == NULL) err = &local;
    memset(err, 0, sizeof *err);
    if (spec != NULL && spec->source_name != NULL)
        snprintf(err->source, sizeof err->source, "%s", spec->source_name);
    err->code = VB_ENOMEM;
    snprintf(err->message, sizeof err->message, "out of memory");
    if (spec == NULL || (spec->n_keep_cols > 0 && spec->keep_cols == NULL) ||
        (spec->n_more_text_cols > 0 && spec->more_text_cols == NULL)) {
        err->code = VB_EINVAL;
        snprintf(err->message, sizeof err->message, "invalid source specification");
        return NULL;
    }

    alloc = vb_allocator_or_default(alloc);
    vb_source *s = vb_calloc(alloc, 1, sizeof *s);
    if (s == NULL) return NULL;
    s->alloc = alloc;
    s->spec = *spec;
    s->line = 1;
    s->column = 1;
    vb_header_init(&s->header, s->alloc);
    s->max_field_bytes =
        spec->max_field_bytes > 0 ? spec->max_field_bytes : DEFAULT_MAX_FIELD_BYTES;
    /* A row may hold several fields; the cap only stops runaway input. */
    s->max_record_bytes = s->max_field_bytes > ((size_t)-1 / 2 - RECORD_SLACK_BYTES) / 4
                              ? (size_t)-1 / 2
                              : s->max_field_bytes * 4 + RECORD_SLACK_BYTES;
    vb_buf_init(&s->in, alloc, (size_t)-1 / 2);
    vb_decoder_init(&s->dec, spec->encoding, alloc);
    vb_buf_init(&s->joined, alloc, (size_t)-1 / 2);
    if (vb_buf_reserve(&s->in, 4096) != VB_OK) /* so in.data is never NULL */
        goto fail;

    if (spec->n_keep_cols > (size_t)-1 / sizeof(vb_field) / 2 - 3 ||
        spec->n_more_text_cols > (size_t)-1 / sizeof(vb_field) / 2)
        goto fail;
    s->more_text = SLOT_KEEP + spec->n_keep_cols;
    s->n_slots = s->more_text + spec->n_more_text_cols;
    s->slot_spec = vb_calloc(alloc, s->n_slots, sizeof *s->slot_spec);
    s->slot_col = vb_calloc(alloc, s->n_slots, sizeof *s->slot_col);
    s->slot_name = vb_calloc(alloc, s->n_slots + 1, sizeof *s->slot_name);
    s->fields = vb_calloc(alloc, s->n_slots, sizeof *s->fields);
    if (s->slot_spec == NULL || s->slot_col == NULL || s->slot_name == NULL || s->fields == NULL)
        goto fail;
    s->slot_spec[SLOT_TEXT] = spec->text_col;
    s->slot_spec[SLOT_ID] = spec->id_col;
    for (size_t i = 0; i < spec->n_keep_cols; i++)
        s->slot_spec[SLOT_KEEP + i] = spec->keep_cols[i];
    for (size_t i = 0; i < spec->n_more_text_cols; i++)
        s->slot_spec[s->more_text + i] = spec->more_text_cols[i];
    for (size_t i = 0; i < s->n_slots; i++) {
        s->slot_col[i] = NO_COL;
        s->slot_name[i] = s->slot_spec[i];
    }
    s->score_slot = NO_COL;
    s->score_optional = false;
    for (size_t i = 0; i < spec->n_keep_cols; i++) {
        if (spec->keep_cols[i] != NULL) continue;
        /* A kept column without a name is found by its kind: the score,
         * once ("score?": if there is one). */
        const char *kind = spec->keep_kinds != NULL ? spec->keep_kinds[i] : NULL;
        const bool optional = kind != NULL && strcmp(kind, "score?") == 0;
        if (kind == NULL || (strcmp(kind, "score") != 0 && !optional) || s->score_slot != NO_COL) {
            err->code = VB_EINVAL;
            snprintf(err->message, sizeof err->message,
                     "a kept column without a name must be the score's, and only one");
            goto fail;
        }
        s->score_slot = SLOT_KEEP + i;
        s->score_optional = optional;
        s->slot_name[s->score_slot] = "score";
    }

    s->format = spec->format;
    if (spec->delimiter != 0) {
        vb_status st = take_delimiter(s, spec->delimiter, err->message, sizeof err->message);
        if (st != VB_OK) {
            err->code = st;
            goto fail;
        }
    }
    if (s->format == VB_FORMAT_AUTO) s->format = vb_format_from_name(spec->source_name);
    /* Excel's "Text (tab delimited)" and "Unicode text" are .txt files too:
     * the first line tells them from comments one per line. */
    if (s->format == VB_FORMAT_TEXT && spec->format == VB_FORMAT_AUTO) {
        s->format = VB_FORMAT_AUTO;
        s->txt_name = true;
    }
    if (s->format != VB_FORMAT_AUTO) {
        vb_status st = setup_format(s, err->message, sizeof err->message);
        if (st != VB_OK) {
            err->code = st;
            goto fail;
        }
    }
    return s;

fail:
    vb_source_free(s);
    return NULL;
}

void vb_source_free(vb_source *s)
{
    if (s == NULL) return;
    const vb_allocator *a = s->alloc;
    vb_jsonl_free(s->jsonl);
    vb_csv_free(&s->csv);
    vb_free(a, s->detected);
    vb_free(a, s->detected_score);
    vb_buf_free(&s->joined);
    vb_header_free(&s->header);
    vb_free(a, s->key_mem);
    vb_free(a, s->fields);
    vb_free(a, s->slot_name);
    vb_free(a, s->slot_col);
    vb_free(a, s->slot_spec);
    vb_buf_free(&s->in);
    vb_decoder_free(&s->dec);
    vb_free(a, s);
}

/* ---- feeding ------------------------------------------------------------ */

/* Input that is not text stops the source, but the feed went well: the
 * reader learns why from vb_source_next(), as it does of a missing column. */
static vb_status not_text(vb_source *s)
{
    vb_source_fail(s, VB_EPARSE, "%s", vb_decoder_error(&s->dec));
    return VB_OK;
}

vb_status vb_source_feed(vb_source *s, const char *buf, size_t len)
{
    if (s->fatal != VB_OK) return s->fatal;
    if (s->finished) return vb_source_fail(s, VB_EINVAL, "input fed after vb_source_finish()");
    s->pos += s->pending;
    s->pending = 0;
    if (s->pos > 0) {
        vb_buf_consume(&s->in, s->pos);
        s->pos = 0;
    }
    if (len == 0) return VB_OK;
    vb_status st = vb_decoder_feed(&s->dec, buf, len, &s->in);
    if (st == VB_EPARSE) return not_text(s);
    if (st != VB_OK)
        return vb_source_fail(s, st == VB_ENOMEM ? VB_ENOMEM : VB_ELIMIT,
                              "cannot buffer %zu more bytes", len);
    return VB_OK;
}

vb_status vb_source_finish(vb_source *s)
{
    if (s->fatal != VB_OK) return s->fatal;
    s->finished = true;
    vb_status st = vb_decoder_finish(&s->dec, &s->in);
    if (st == VB_EPARSE) return not_text(s);
    if (st != VB_OK)
        return vb_source_fail(s, st == VB_ENOMEM ? VB_ENOMEM : VB_ELIMIT,
                              "cannot buffer the input's end");
    return VB_OK;
}

/* ---- CSV and TSV ------------------------------------------------------- */

/* `field "comment"` with a header, `field 3` without one. */
static void field_label(const vb_source *s, size_t col, char *out, size_t size)
{
    if (col < s->header.n)
        snprintf(out, size, "field \"%s\"", s->header.names[col]);
    else
        snprintf(out, size, "field %zu", col + 1);
}

/* Kept columns may share a header name (survey exports repeat question
 * labels), but as keys of "fields" they must differ: a name already taken
 * by another kept column gets the column's number, "score_4". A column
 * kept twice keeps one name, and the writer writes it once. */
static vb_status unique_keep_names(vb_source *s)
{
    size_t size = 0, used = 0;
    for (size_t i = SLOT_KEEP; i < s->more_text; i++)
        size += strlen(s->slot_name[i]) + 2 + 3 * sizeof(size_t); /* "_" digits NUL */
    for (size_t i = SLOT_KEEP + 1; i < s->more_text; i++) {
        size_t same = SLOT_KEEP, twin = SLOT_KEEP;
        while (same < i && s->slot_col[same] != s->slot_col[i])
            same++;
        if (same < i) {
            s->slot_name[i] = s->slot_name[same];
            continue;
        }
        while (twin < i && strcmp(s->slot_name[twin], s->slot_name[i]) != 0)
            twin++;
        if (twin == i) continue;
        if (s->key_mem == NULL && (s->key_mem = vb_malloc(s->alloc, size)) == NULL)
            return vb_source_fail(s, VB_ENOMEM, "out of memory");
        char *key = s->key_mem + used;
        used += (size_t)snprintf(key, size - used, "%s_%zu", s->slot_name[i], s->slot_col[i] + 1) + 1;
        for (size_t j = SLOT_KEEP; j < i; j++)
            if (strcmp(s->slot_name[j], key) == 0)
                return vb_source_fail(
                    s, VB_EINVAL,
                    "kept columns %zu and %zu are both named \"%s\", and \"%s\" is "
                    "the name of another: keep fewer of them",
                    s->slot_col[twin] + 1, s->slot_col[i] + 1, s->slot_name[i], key);
        s->slot_name[i] = key;
    }
    return VB_OK;
}

/* What to do when no header name looks like the comment's: name the
 * column; or, for a guess that may be wrong, read the input another way. */
static const char *no_text_column_hint(const vb_source *s)
{
    if (s->sniffed)
        return "choose one with --text-col, or give --format text if each line is one "
               "comment";
    if (s->header.n == 1 && strpbrk(s->header.names[0], ",;|\t") != NULL)
        return "choose one with --text-col, or give the byte between the fields with "
               "--delimiter";
    return "choose one with --text-col";
}

/* Fails with the header module's message. */
static vb_status fail_with(vb_source *s, vb_status st, const char *msg)
{
    return vb_source_fail(s, st, "%s", msg);
}

/* Maps every slot to a column, from the header, or from the first row's
 * field count (n_fields) when there is no header. */
static vb_status resolve_csv_columns(vb_source *s, size_t n_fields)
{
    const bool header = s->spec.has_header;
    size_t max_col = 0;
    for (size_t i = 0; i < s->n_slots; i++) {
        const char *spec = s->slot_spec[i];
        size_t col = NO_COL, n;
        if (spec == NULL && i == SLOT_TEXT) {
            if (header) {
                col = vb_header_text_column(&s->header);
                if (col == NO_COL) {
                    char msg[sizeof s->errmsg];
                    const vb_status st = vb_header_no_text_column(
                        &s->header, no_text_column_hint(s), msg, sizeof msg);
                    return fail_with(s, st, msg);
                }
                s->text_by_question =
                    vb_columns_guess_text(s->header.names, s->header.n) == NO_COL;
            } else if (n_fields == 1) {
                col = 0;
                s->slot_name[i] = "1";
            } else {
                return vb_source_fail(s, VB_EINVAL,
                                      "no text column: the input has no header row and %zu columns "
                                      "(choose one with --text-col)",
                                      n_fields);
            }
        } else if (spec == NULL && i == s->score_slot) {
            col = vb_header_score_column(&s->header);
            if (col == NO_COL && !s->score_optional) {
                vb_source_fail(s, VB_EINVAL, "no score column found; columns are: ");
                return vb_source_fail_names(s, s->header.names, s->header.n,
                                            "choose one with --score-col");
            }
        } else if (spec == NULL) {
            col = NO_COL;
        } else if (parse_column_number(spec, &n)) {
            if (header && n > s->header.n) {
                vb_source_fail(s, VB_EINVAL,
                               "%s column %s is beyond the last column (%zu); columns are: ",
                               slot_kind(s, i), spec, s->header.n);
                return vb_source_fail_names(s, s->header.names, s->header.n, NULL);
            }
            col = n - 1; /* n > 0: checked when the format was set up */
        } else {
            col = vb_columns_find(s->header.names, s->header.n, spec);
            if (col == NO_COL) {
                vb_source_fail(s, VB_EINVAL,
                               "%s column \"%s\" not found; columns are: ", slot_kind(s, i), spec);
                return vb_source_fail_names(s, s->header.names, s->header.n, NULL);
            }
        }
        /* Detected, or named exactly: the exact name must be unique; named
         * but found ignoring case: so must the name ignoring case. */
        size_t twin = NO_COL;
        if (header && col != NO_COL && (spec == NULL || !parse_column_number(spec, &n)))
            twin = vb_columns_twin(s->header.names, s->header.n, col,
                                   spec != NULL && strcmp(s->header.names[col], spec) != 0);
        if (twin != NO_COL)
            return vb_source_fail(
                s, VB_EINVAL,
                "%s column \"%s\" is ambiguous: columns %zu and %zu have that name "
                "(choose one by number)",
                slot_kind(s, i), s->header.names[col], (col < twin ? col : twin) + 1,
                (col < twin ? twin : col) + 1);
        s->slot_col[i] = col;
        if (header && col != NO_COL) s->slot_name[i] = s->header.names[col];
        if (col != NO_COL && col + 1 > max_col) max_col = col + 1;
    }
    if (header) {
        const vb_status st = unique_keep_names(s);
        if (st != VB_OK) return st;
    }
    /* The columns that tell a survey's header rows from responses. */
    const vb_survey_ids *ids = &s->header.survey;
    if (ids->qualtrics != NO_COL && ids->qualtrics + 1 > max_col)
        max_col = ids->qualtrics + 1;
    if (ids->respondent_id != NO_COL && ids->respondent_id + 1 > max_col)
        max_col = ids->respondent_id + 1;
    s->csv.max_stored = max_col;
    s->columns_ready = true;
    return VB_OK;
}

void vb_source_reject(vb_source *s, vb_source_record *out, vb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->rec_err, sizeof s->rec_err, fmt, ap);
    va_end(ap);
    out->status = st;
    out->error = s->rec_err;
    out->text.data = NULL;
    out->text.len = 0;
}

static void clear_fields(vb_source *s)
{
    for (size_t i = 0; i < s->n_slots; i++) {
        s->fields[i].data = NULL;
        s->fields[i].len = 0;
    }
}

/* "lines 2-4" for the lines a row took, "line 2" for one. */
static const char *csv_row_lines(const vb_csv_row *row, size_t line, char out[64])
{
    const size_t last = line + row->n_lines - (row->ends_line ? 1 : 0);
    if (last > line)
        snprintf(out, 64, "lines %zu-%zu", line, last);
    else
        snprintf(out, 64, "line %zu", line);
    return out;
}

static vb_status csv_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    char *rec = s->in.data + s->pos;
    vb_csv_row row;
    size_t discard;
    vb_status st = vb_csv_scan(&s->csv, rec, s->in.len - s->pos, s->finished, &row, &discard);
    if (st == VB_AGAIN) s->pos += discard;
    if (st == VB_ENOMEM) return vb_source_fail(s, st, "out of memory");
    /* Header rows only: the columns are still to be resolved, for the
     * error that no text (or score) column was found. */
    if (st == VB_DONE && !s->columns_ready && s->await_survey_rows) {
        const vb_status rst = resolve_csv_columns(s, 0);
        if (rst != VB_OK) return rst;
    }
    if (st != VB_OK) return st;

    const size_t line = s->line;
    s->line += row.n_lines;
    s->after_cr = row.ended_cr;
    if (row.blank) {
        s->pos += row.used;
        *skipped = true;
        return VB_OK;
    }
    char lines[64];
    if (!s->columns_ready && s->spec.has_header && s->header.names == NULL) {
        if (row.error == VB_CSV_UNTERMINATED)
            return vb_source_fail(s, VB_EPARSE, "header row (line %zu): unterminated quoted field",
                                  line);
        if (row.error == VB_CSV_STRAY_QUOTE)
            return vb_source_fail(s, VB_EPARSE,
                                  "header row (%s): text after the closing quote of a name over "
                                  "several lines: a stray quote?",
                                  csv_row_lines(&row, line, lines));
        if (row.error != VB_CSV_OK)
            return vb_source_fail(
                s, VB_ELIMIT, "header row (line %zu): longer than %zu bytes", line,
                row.error == VB_CSV_FIELD_TOO_LONG ? s->max_field_bytes : s->max_record_bytes);
        if (vb_header_read_names(&s->header, rec, &row) != VB_OK)
            return vb_source_fail(s, VB_ENOMEM, "out of memory");
        /* A survey export names its questions Q1, Q2 or by their text:
         * then its header rows may say which one is open-ended, or which
         * asks for a score, and the columns wait for them. */
        const bool survey = vb_survey_ids_any(&s->header.survey);
        s->await_survey_rows =
            survey && ((s->slot_spec[SLOT_TEXT] == NULL &&
                        vb_columns_guess_text(s->header.names, s->header.n) == NO_COL) ||
                       (s->score_slot != NO_COL &&
                        vb_columns_guess_score(s->header.names, s->header.n) == NO_COL));
        if (!s->await_survey_rows) {
            st = resolve_csv_columns(s, 0);
            if (st != VB_OK) return st;
        }
        s->pos += row.used;
        *skipped = true;
        return VB_OK;
    }
    const vb_survey_row kind =
        s->spec.has_header && row.error == VB_CSV_OK && vb_survey_ids_any(&s->header.survey)
            ? vb_survey_header_row(&s->header.survey, rec, &row,
                                   !s->data_seen && s->extra_header_rows == 0)
            : VB_SURVEY_NOT_HEADER;
    if (kind != VB_SURVEY_NOT_HEADER) {
        if (!s->columns_ready) {
            char msg[sizeof s->errmsg];
            st = vb_header_read_survey_row(&s->header, rec, &row, kind, msg, sizeof msg);
            if (st != VB_OK) return fail_with(s, st, msg);
        }
        s->extra_header_rows++;
        s->pos += row.used;
        *skipped = true;
        return VB_OK;
    }
    s->data_seen = true;
    /* Without a header the first good row settles the columns; with a
     * survey's header rows, the first row after them. */
    if (!s->columns_ready && (row.error == VB_CSV_OK || s->await_survey_rows)) {
        st = resolve_csv_columns(s, row.n_fields);
        if (st != VB_OK) return st;
    }

    s->pending = row.used;
    vb_source_begin_record(s, out, line);
    char label[300];
    switch (row.error) {
    case VB_CSV_OK:
        break;
    case VB_CSV_UNTERMINATED:
        field_label(s, row.error_field, label, sizeof label);
        /* The quote ran to the end of the input: say how much it took. */
        vb_source_reject(s, out, VB_EPARSE,
                         "%s: unterminated quoted field (%s, the rest of the input)", label,
                         csv_row_lines(&row, line, lines));
        return VB_OK;
    case VB_CSV_FIELD_TOO_LONG:
        field_label(s, row.error_field, label, sizeof label);
        vb_source_reject(s, out, VB_ELIMIT, "%s: longer than %zu bytes", label, s->max_field_bytes);
        return VB_OK;
    case VB_CSV_RECORD_TOO_LONG:
        vb_source_reject(s, out, VB_ELIMIT, "record longer than %zu bytes", s->max_record_bytes);
        return VB_OK;
    case VB_CSV_STRAY_QUOTE: /* the row is whole: its id is known */
        break;
    }
    for (size_t i = 0; i < s->n_slots; i++) {
        const size_t col = s->slot_col[i];
        if (col != NO_COL && col < row.n_stored) {
            s->fields[i].data = rec + row.fields[col].off;
            s->fields[i].len = row.fields[col].len;
        }
    }
    out->text = s->fields[SLOT_TEXT];
    out->id = s->fields[SLOT_ID];
    if (row.error == VB_CSV_STRAY_QUOTE) {
        field_label(s, row.error_field, label, sizeof label);
        vb_source_reject(s, out, VB_EPARSE,
                         "%s: text after the closing quote of a value over %s: a stray quote? "
                         "Those lines were read as this one record",
                         label, csv_row_lines(&row, line, lines));
        return VB_OK;
    }
    if (out->text.data == NULL) {
        field_label(s, s->slot_col[SLOT_TEXT], label, sizeof label);
        vb_source_reject(s, out, VB_EPARSE, "%s: missing (row has %zu field%s)", label,
                         row.n_fields, row.n_fields == 1 ? "" : "s");
    }
    return VB_OK;
}

/* ---- JSONL and plain text: one record per line -------------------------- */

/* Frames the next line. VB_OK with the line's length in *len (without its
 * end) and *too_long set when it was over `limit` (and dropped); VB_AGAIN;
 * VB_DONE; with `objects_stream`, VB_ELIMIT for a line over `limit` that
 * starts an object, none of it dropped. Updates the line count; the
 * caller consumes the bytes. */
static vb_status next_line(vb_source *s, size_t limit, bool objects_stream, size_t *len,
                           size_t *used, bool *too_long)
{
    const char *p = s->in.data + s->pos;
    const size_t avail = s->in.len - s->pos;
    const char *eol = find_eol(p + s->line_scan, avail - s->line_scan);
    const size_t so_far = eol != NULL ? (size_t)(eol - p) : avail;
    if (objects_stream && !s->line_skip && so_far > limit && starts_object(p, p + so_far)) {
        s->line_scan = 0;
        return VB_ELIMIT;
    }
    if (eol == NULL && !s->finished) {
        if (!s->line_skip && avail > limit) s->line_skip = true;
        if (s->line_skip) { /* drop it as it streams past */
            s->pos += avail;
            s->line_scan = 0;
        } else {
            s->line_scan = avail; /* resume here: each byte is searched once */
        }
        return VB_AGAIN;
    }
    if (eol == NULL) {
        if (avail == 0 && !s->line_skip) return VB_DONE;
        *len = *used = avail;
        s->after_cr = false;
    } else {
        *len = (size_t)(eol - p);
        *used = *len + 1;
        s->after_cr = *eol == '\r';
        s->line++;
    }
    *too_long = s->line_skip || *len > limit;
    s->line_skip = false;
    s->line_scan = 0;
    return VB_OK;
}

/* Sets up *out for a record that starts at `line`, its fields cleared. */
void vb_source_begin_record(vb_source *s, vb_source_record *out, size_t line)
{
    clear_fields(s);
    out->line = line;
    out->status = VB_OK;
    out->error = NULL;
    out->text.data = NULL;
    out->text.len = 0;
    out->id = s->fields[SLOT_ID];
    out->keep = s->fields + SLOT_KEEP;
}

vb_status vb_source_line_next(vb_source *s, vb_source_record *out, bool *skipped)
{
    const bool json = s->format == VB_FORMAT_JSONL;
    const size_t start_line = s->line;
    size_t len, used;
    bool too_long;
    /* Until a line has been a record, one too long to parse may be an
     * envelope: its records stream. */
    const bool objects_stream = json && !s->top_records;
    vb_status st = next_line(s, json ? s->max_record_bytes : s->max_field_bytes, objects_stream,
                             &len, &used, &too_long);
    if (st == VB_ELIMIT) {
        vb_source_json_stream_line(s);
        *skipped = true;
        return VB_OK;
    }
    if (st == VB_DONE && json) return vb_source_json_end(s);
    if (st != VB_OK) return st;
    const char *line = s->in.data + s->pos;
    if (!too_long && is_blank(line, len, json)) {
        s->pos += used;
        *skipped = true;
        return VB_OK;
    }
    s->pending = used;
    vb_source_begin_record(s, out, start_line);
    if (too_long) {
        vb_source_reject(s, out, VB_ELIMIT, "line longer than %zu bytes",
                         json ? s->max_record_bytes : s->max_field_bytes);
        return VB_OK;
    }
    if (json) return vb_source_json_record(s, line, len, start_line, 1, out, skipped);
    out->text.data = line;
    out->text.len = len;
    return VB_OK;
}

/* ---- pulling records ---------------------------------------------------- */

/* True when the spec names a column (text, id or kept). */
static bool names_a_column(const vb_source *s)
{
    for (size_t i = 0; i < s->n_slots; i++)
        if (s->slot_spec[i] != NULL) return true;
    return false;
}

/* VB_OK once enough of the input is buffered to sniff it: the first
 * non-space byte, then the end of the first line (unless `brace_will_do`
 * and that byte is a '{', which says JSONL, or a '[', when the next byte
 * that is not blank will do); else VB_AGAIN. */
static vb_status first_line_ready(vb_source *s, bool brace_will_do)
{
    const char *p = s->in.data + s->pos;
    const size_t avail = s->in.len - s->pos;
    bool ready = s->finished || avail >= SNIFF_MAX_BYTES;
    if (!ready) {
        size_t i = s->sniff_space;
        /* vb_format_sniff() skips a BOM (here a second one) before the line
         * it reads: wait for the line after it, not for the BOM's own. */
        if (i == 0 && memcmp(p, "\xEF\xBB\xBF", avail < 3 ? avail : 3) == 0) {
            if (avail < 3) return VB_AGAIN;
            i = 3;
        }
        while (i < avail && vb_json_blank(p[i]))
            i++;
        s->sniff_space = i;
        /* A '[' may open a JSON array: the byte after it and its blanks
         * tells (vb_format_sniff()); a '{' there will do, else the line. */
        size_t k = i + 1;
        while (brace_will_do && i < avail && p[i] == '[' && k < avail && vb_json_blank(p[k]))
            k++;
        if (i < avail && brace_will_do && p[i] == '[' && k == avail) {
            ready = false;
        } else if (i < avail) {
            const size_t from = s->sniff_scan > i ? s->sniff_scan : i;
            ready = (brace_will_do && (p[i] == '{' || (p[i] == '[' && p[k] == '{'))) ||
                    find_eol(p + from, avail - from) != NULL;
            s->sniff_scan = avail;
        }
    }
    return ready ? VB_OK : VB_AGAIN;
}

/* The longest "sep=" line: a quoted "sep=;" and its CRLF. */
#define SEP_LINE_MAX 9

/* Excel's delimiter line: a first line "sep=;" (or "sep=|", or "sep=" and
 * a tab; quoted by some tools) names the delimiter and is no header. The
 * delimiter it names is taken unless the caller gave one or chose TSV or
 * another format, and the line is skipped for CSV and TSV either way.
 * VB_AGAIN while the line may still be one. */
static vb_status excel_sep_line(vb_source *s)
{
    if (s->format == VB_FORMAT_JSONL || s->format == VB_FORMAT_TEXT) {
        s->sep_done = true;
        return VB_OK;
    }
    const char *p = s->in.data + s->pos;
    const size_t avail = s->in.len - s->pos;
    const char *eol = find_eol(p, avail < SEP_LINE_MAX ? avail : SEP_LINE_MAX);
    if (eol == NULL && avail < SEP_LINE_MAX && !s->finished) return VB_AGAIN;
    s->sep_done = true;
    const size_t n = eol != NULL ? (size_t)(eol - p) : avail;
    const bool quoted = n == 7 && p[0] == '"' && p[6] == '"';
    const char *body = quoted ? p + 1 : p;
    if (!(n == 5 || quoted) || !vb_ascii_iequal(body, 4, "sep=", 4)) return VB_OK;
    const char d = body[4];
    if (!can_delimit(d)) return VB_OK;
    if (s->delim == 0 && (s->format == VB_FORMAT_AUTO || s->format == VB_FORMAT_CSV)) {
        s->format = d == '\t' ? VB_FORMAT_TSV : VB_FORMAT_CSV;
        s->delim = d;
        char msg[sizeof s->errmsg];
        const vb_status st = setup_format(s, msg, sizeof msg);
        if (st != VB_OK) return vb_source_fail(s, st, "%s", msg);
    }
    /* The line and its line end; the LF of a CRLF goes as after any line
     * (after_cr). */
    s->pos += n;
    if (eol != NULL) {
        s->pos++;
        s->after_cr = *eol == '\r';
    }
    s->line++;
    return VB_OK;
}

/* Settles an unknown format (and a CSV's delimiter) from the first line. */
static vb_status sniff(vb_source *s)
{
    const vb_status ready = first_line_ready(s, !s->txt_name);
    if (ready != VB_OK) return ready;
    const char *p = s->in.data + s->pos;
    const size_t avail = s->in.len - s->pos;
    if (s->txt_name) {
        const char *eol = find_eol(p, avail);
        const size_t first_line = eol != NULL ? (size_t)(eol - p) : avail;
        s->format = memchr(p, '\t', first_line) != NULL ? VB_FORMAT_TSV : VB_FORMAT_TEXT;
    } else {
        s->format = vb_format_sniff(p, avail);
    }
    s->sniffed = true;
    /* A one-column CSV has no delimiter to sniff ("comment\nfine\n"):
     * where the user names a column, the input has columns. */
    if (s->format == VB_FORMAT_TEXT && names_a_column(s)) s->format = VB_FORMAT_CSV;
    if (s->format == VB_FORMAT_CSV) s->delim = csv_delimiter(p, avail);
    char msg[sizeof s->errmsg];
    vb_status st = setup_format(s, msg, sizeof msg);
    if (st != VB_OK) return vb_source_fail(s, st, "%s", msg);
    return VB_OK;
}

/* Settles the delimiter of a CSV known by its name or the caller's word
 * from its first line. */
static vb_status settle_delimiter(vb_source *s)
{
    const vb_status ready = first_line_ready(s, false);
    if (ready != VB_OK) return ready;
    s->delim = csv_delimiter(s->in.data + s->pos, s->in.len - s->pos);
    vb_csv_init(&s->csv, s->alloc, s->delim, s->max_field_bytes, s->max_record_bytes);
    return VB_OK;
}

/* A comment over several columns (a review's title and body): the parts
 * that are not blank, in the order the columns were given, each on a line
 * of its own so that each ends a sentence. A JSONL part that is not text
 * rejects the record, as the text itself would. */
static vb_status join_text(vb_source *s, vb_source_record *out)
{
    const bool json = s->format == VB_FORMAT_JSONL;
    vb_buf_reset(&s->joined);
    for (size_t i = SLOT_TEXT; i < s->n_slots; i = i == SLOT_TEXT ? s->more_text : i + 1) {
        const char *not_text = json ? vb_source_json_not_text(vb_jsonl_kind(s->jsonl, i)) : NULL;
        if (not_text != NULL) {
            vb_source_reject(s, out, VB_EPARSE, "field \"%s\": %s, not text", s->slot_name[i],
                             not_text);
            return VB_OK;
        }
        const vb_field *f = &s->fields[i];
        if (f->data == NULL || is_blank(f->data, f->len, true)) continue;
        if ((s->joined.len > 0 && vb_buf_putc(&s->joined, '\n') != VB_OK) ||
            vb_buf_append(&s->joined, f->data, f->len) != VB_OK)
            return vb_source_fail(s, VB_ENOMEM, "out of memory");
    }
    out->text.data = s->joined.len > 0 ? s->joined.data : "";
    out->text.len = s->joined.len;
    return VB_OK;
}

vb_status vb_source_next(vb_source *s, vb_source_record *out)
{
    if (s->fatal != VB_OK) return s->fatal;
    s->pos += s->pending;
    s->pending = 0;
    for (;;) {
        const char *p = s->in.data + s->pos;
        const size_t avail = s->in.len - s->pos;
        if (!s->bom_done) {
            /* A BOM may arrive split over chunks: wait while it could be one. */
            if (!s->finished && avail < 3 && memcmp(p, "\xEF\xBB\xBF", avail) == 0)
                return VB_AGAIN;
            if (avail >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) s->pos += 3;
            s->bom_done = true;
            continue;
        }
        if (!s->sep_done) {
            const vb_status st = excel_sep_line(s);
            if (st != VB_OK) return st;
            continue;
        }
        if (s->after_cr) {
            if (avail == 0 && !s->finished) return VB_AGAIN;
            if (avail > 0 && p[0] == '\n') s->pos++;
            s->after_cr = false;
            continue;
        }
        vb_status st;
        bool skipped = false;
        switch (s->format) {
        case VB_FORMAT_AUTO:
            st = sniff(s);
            if (st != VB_OK) return st;
            continue;
        case VB_FORMAT_CSV:
        case VB_FORMAT_TSV:
            if (s->delim == 0) {
                st = settle_delimiter(s);
                if (st != VB_OK) return st;
                continue;
            }
            st = csv_next(s, out, &skipped);
            break;
        case VB_FORMAT_JSONL:
            st = vb_source_json_next(s, out, &skipped);
            break;
        default:
            st = vb_source_line_next(s, out, &skipped);
            break;
        }
        if (st == VB_OK && !skipped && s->more_text < s->n_slots && out->status == VB_OK)
            return join_text(s, out);
        if (st != VB_OK || !skipped) return st;
    }
}

const char *vb_source_errmsg(const vb_source *s)
{
    return s->errmsg;
}

vb_format vb_source_format(const vb_source *s)
{
    return s->format;
}

size_t vb_source_extra_header_rows(const vb_source *s)
{
    return s->extra_header_rows;
}

const char *const *vb_source_keep_names(const vb_source *s)
{
    return s->slot_name + SLOT_KEEP;
}

bool vb_source_columns_ready(const vb_source *s)
{
    return s->columns_ready;
}

bool vb_source_keep_found(const vb_source *s, size_t i)
{
    const size_t slot = SLOT_KEEP + i; /* a JSON key found may come before the comment's */
    return s->slot_spec[slot] != NULL || s->slot_col[slot] != NO_COL;
}

const char *vb_source_keep_question(const vb_source *s, size_t i)
{
    if (!s->columns_ready) return NULL;
    const size_t col = s->slot_col[SLOT_KEEP + i];
    return col < s->header.n_questions ? s->header.questions[col] : NULL;
}

const char *vb_source_text_column_by_question(const vb_source *s)
{
    return s->text_by_question ? s->slot_name[SLOT_TEXT] : NULL;
}

size_t vb_source_windows_1252_line(const vb_source *s)
{
    return s->dec.guess_line;
}

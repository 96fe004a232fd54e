/* agg_state_read.c: a vb_agg's state read back from text (agg_state.h has
 * the format).
 *
 * The reader takes any bytes: every number is range-checked, every count
 * matched against the lines that follow, every index against what was
 * declared, and the figures against each other (scored <= mentions <=
 * records). Memory grows with the input, never with a declared count.
 */
#include "agg.h"
#include "agg_state.h"

#include "alloc.h"
#include "buf.h"
#include "quotes.h"
#include "utf8.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_TEXT_MAX (VB_QUOTE_MAX_BYTES + 6) /* an excerpt and two "…" */
#define QUOTE_TIME_MAX ((int64_t)1 << 40)       /* seconds: ±35,000 years */
#define QUOTE_SENTIMENT_MAX 1e6

/* ---- Numbers as text --------------------------------------------------------- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Parses what format_double() writes: [-]0x1[.h{1,13}]p±E for normal
 * numbers, 0x0[.h{1,13}]p-1022 for subnormal ones, 0x0p+0 for zero. */
static bool parse_double(const char *s, size_t len, double *out)
{
    size_t i = 0;
    uint64_t bits = 0;
    if (i < len && s[i] == '-') {
        bits = (uint64_t)1 << 63;
        i++;
    }
    if (len - i < 6 || s[i] != '0' || s[i + 1] != 'x' || (s[i + 2] != '0' && s[i + 2] != '1'))
        return false;
    const bool normal = s[i + 2] == '1';
    i += 3;
    uint64_t frac = 0;
    if (s[i] == '.') {
        i++;
        int d = 12;
        for (; i < len && hex_value(s[i]) >= 0; i++, d--) {
            if (d < 0) return false;
            frac |= (uint64_t)hex_value(s[i]) << (d * 4);
        }
        if (d == 12) return false;
    }
    if (i >= len || s[i] != 'p' || i + 2 >= len || (s[i + 1] != '+' && s[i + 1] != '-'))
        return false;
    const bool neg_exp = s[i + 1] == '-';
    i += 2;
    int e = 0;
    for (size_t d = 0; i < len; i++, d++) {
        if (s[i] < '0' || s[i] > '9' || d == 4) return false;
        e = e * 10 + (s[i] - '0');
    }
    if (neg_exp) e = -e;
    if (normal) {
        if (e < -1022 || e > 1023) return false;
        bits |= (uint64_t)(e + 1023) << 52 | frac;
    } else {
        if (frac == 0 ? e != 0 : e != -1022) return false;
        bits |= frac;
    }
    memcpy(out, &bits, sizeof bits);
    return true;
}

/* ---- Reading ------------------------------------------------------------------ */

typedef struct reader {
    const char *p, *end;        /* input not yet split into lines */
    const char *at, *line_end;  /* the rest of the current line */
    size_t line;                /* its number, 1-based */
    vb_buf scratch;             /* the current line's decoded strings */
    vb_error *err;
    bool failed;
} reader;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool fail(reader *r, vb_status code, const char *fmt, ...)
{
    if (r->failed) return false;
    r->failed = true;
    memset(r->err, 0, sizeof *r->err);
    r->err->code = code;
    r->err->line = r->line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
    va_end(ap);
    return false;
}

/* Makes the line at r->p the current one. A state is written with LF
 * line ends and never holds a raw CR (strings escape it), so a CR before
 * the LF is a copy that went through Windows or a text-mode transfer:
 * read it as it was written. */
static void take_line(reader *r)
{
    const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
    r->at = r->p;
    r->line_end = nl != NULL ? nl : r->end;
    r->p = nl != NULL ? nl + 1 : r->end;
    if (r->line_end > r->at && r->line_end[-1] == '\r') r->line_end--;
}

/* Moves to the next line that is not empty or a comment; false when the
 * input ends first. */
static bool skip_to_line(reader *r)
{
    while (r->p != r->end) {
        take_line(r);
        r->line++;
        vb_buf_reset(&r->scratch);
        if (r->at != r->line_end && *r->at != '#') return true;
    }
    return false;
}

/* skip_to_line(), where the end is an error; `what` names the line
 * expected. */
static bool next_line(reader *r, const char *what)
{
    return skip_to_line(r) || fail(r, VB_EPARSE, "the state ends before %s: truncated?", what);
}

/* The line's keyword must be `kw`. */
static bool keyword(reader *r, const char *kw)
{
    const size_t n = strlen(kw), have = (size_t)(r->line_end - r->at);
    if (have < n || memcmp(r->at, kw, n) != 0 || (have > n && r->at[n] != ' ')) {
        size_t m = 0;
        while (m < have && m < 20 && r->at[m] != ' ')
            m++;
        return fail(r, VB_EPARSE, "expected a \"%s\" line, got \"%.*s\"", kw, (int)m, r->at);
    }
    r->at += n;
    return true;
}

static bool eol(reader *r, const char *kw)
{
    if (r->at == r->line_end) return true;
    return fail(r, VB_EPARSE, "\"%s\": unexpected text after the last field", kw);
}

/* The next space-separated field (not a string). */
static bool field(reader *r, const char *what, const char **s, size_t *len)
{
    *s = r->at;
    *len = 0;
    if (r->at == r->line_end) return fail(r, VB_EPARSE, "%s: missing", what);
    if (*r->at != ' ' || r->at + 1 == r->line_end || r->at[1] == ' ')
        return fail(r, VB_EPARSE, "%s: expected one space and a value", what);
    *s = ++r->at;
    while (r->at < r->line_end && *r->at != ' ')
        r->at++;
    *len = (size_t)(r->at - *s);
    return true;
}

static bool f_u64(reader *r, const char *what, uint64_t max, uint64_t *out)
{
    const char *s;
    size_t len;
    if (!field(r, what, &s, &len)) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || len > 20 || (i == 0 && s[0] == '0' && len > 1))
            return fail(r, VB_EPARSE, "%s: not a number: \"%.*s\"", what, (int)(len < 40 ? len : 40), s);
        const uint64_t d = (uint64_t)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return fail(r, VB_EPARSE, "%s: too large: %.*s", what, (int)len, s);
        v = v * 10 + d;
    }
    if (v > max)
        return fail(r, VB_EPARSE, "%s: %" PRIu64 " is out of range (at most %" PRIu64 ")", what,
                    v, max);
    *out = v;
    return true;
}

static bool f_size(reader *r, const char *what, uint64_t max, size_t *out)
{
    uint64_t v;
    if (max > (size_t)-1 / 2) max = (size_t)-1 / 2;
    if (!f_u64(r, what, max, &v)) return false;
    *out = (size_t)v;
    return true;
}

static bool f_i64(reader *r, const char *what, int64_t *out)
{
    const char *s;
    size_t len;
    if (!field(r, what, &s, &len)) return false;
    const bool neg = len > 0 && s[0] == '-';
    uint64_t v = 0;
    if (len == (size_t)neg || len - neg > 19)
        return fail(r, VB_EPARSE, "%s: not a whole number", what);
    for (size_t i = neg; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return fail(r, VB_EPARSE, "%s: not a whole number", what);
        v = v * 10 + (uint64_t)(s[i] - '0'); /* 19 digits: no wrap */
    }
    if (v > (uint64_t)INT64_MAX + neg) return fail(r, VB_EPARSE, "%s: out of range", what);
    *out = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    return true;
}

static bool f_xsum(reader *r, const char *what, vb_xsum *out)
{
    const char *s;
    size_t len;
    if (!field(r, what, &s, &len)) return false;
    if (!vb_xsum_parse(s, len, out))
        return fail(r, VB_EPARSE, "%s: not an exact sum (hex fixed point): \"%.*s\"", what,
                    (int)(len < 60 ? len : 60), s);
    return true;
}

static bool f_double(reader *r, const char *what, double *out)
{
    const char *s;
    size_t len;
    if (!field(r, what, &s, &len)) return false;
    if (!parse_double(s, len, out))
        return fail(r, VB_EPARSE, "%s: not a hex float: \"%.*s\"", what, (int)(len < 40 ? len : 40),
                    s);
    return true;
}

/* A field that is a word of at most size - 1 bytes, NUL-terminated. */
static bool f_word(reader *r, const char *what, char *out, size_t size)
{
    const char *s;
    size_t len;
    if (!field(r, what, &s, &len)) return false;
    if (len >= size)
        return fail(r, VB_EPARSE, "%s: unknown value \"%.*s\"", what, (int)(len < 40 ? len : 40),
                    s);
    memcpy(out, s, len);
    out[len] = '\0';
    return true;
}

/* A string field, decoded into the scratch buffer (NUL-terminated there):
 * *off is its offset, SIZE_MAX for "-" (none). */
static bool f_string(reader *r, const char *what, size_t *off, size_t *len)
{
    if (r->at == r->line_end) return fail(r, VB_EPARSE, "%s: missing", what);
    if (*r->at != ' ' || r->at + 1 == r->line_end || r->at[1] == ' ')
        return fail(r, VB_EPARSE, "%s: expected one space and a value", what);
    r->at++;
    if (*r->at == '-' && (r->at + 1 == r->line_end || r->at[1] == ' ')) {
        r->at++;
        *off = SIZE_MAX;
        *len = 0;
        return true;
    }
    if (*r->at != '"') return fail(r, VB_EPARSE, "%s: expected a quoted string or -", what);
    r->at++;
    *off = r->scratch.len;
    for (;;) {
        const char *s = r->at;
        while (r->at < r->line_end && *r->at != '"' && *r->at != '\\' &&
               (unsigned char)*r->at >= 0x20 && *r->at != 0x7f)
            r->at++;
        if (vb_buf_append(&r->scratch, s, (size_t)(r->at - s)) != VB_OK)
            return fail(r, VB_ENOMEM, "out of memory");
        if (r->at == r->line_end) return fail(r, VB_EPARSE, "%s: unterminated string", what);
        const char c = *r->at++;
        if (c == '"') break;
        if (c != '\\') return fail(r, VB_EPARSE, "%s: a control character in a string", what);
        if (r->at == r->line_end) return fail(r, VB_EPARSE, "%s: unterminated string", what);
        const char e = *r->at++;
        char out;
        if (e == 'x') {
            const int hi = r->line_end - r->at >= 2 ? hex_value(r->at[0]) : -1;
            const int lo = hi >= 0 ? hex_value(r->at[1]) : -1;
            if (lo < 0) return fail(r, VB_EPARSE, "%s: bad \\x escape", what);
            out = (char)(hi << 4 | lo);
            r->at += 2;
        } else {
            const char *from = "\"\\nrt", *to = "\"\\\n\r\t";
            const char *k = memchr(from, e, 5);
            if (k == NULL) return fail(r, VB_EPARSE, "%s: unknown escape \\%c", what, e);
            out = to[k - from];
        }
        if (vb_buf_putc(&r->scratch, out) != VB_OK) return fail(r, VB_ENOMEM, "out of memory");
    }
    if (r->at != r->line_end && *r->at != ' ')
        return fail(r, VB_EPARSE, "%s: text right after a string", what);
    *len = r->scratch.len - *off;
    if (vb_buf_putc(&r->scratch, '\0') != VB_OK) return fail(r, VB_ENOMEM, "out of memory");
    return true;
}

static const char *str_at(const reader *r, size_t off)
{
    return off == SIZE_MAX ? NULL : r->scratch.data + off;
}

/* Strings that the agg keeps as C strings must not hold a NUL, and what
 * the report prints must be valid UTF-8: verbatim writes no other (its
 * readers repair text, vb_agg_add() takes UTF-8), but a "\x" escape can
 * spell anything. */
static bool plain_text(reader *r, const char *what, size_t off, size_t len)
{
    if (off == SIZE_MAX) return true;
    const char *s = r->scratch.data + off;
    if (memchr(s, '\0', len) != NULL) return fail(r, VB_EPARSE, "%s: a NUL byte", what);
    if (vb_utf8_valid_len(s, len) != len) return fail(r, VB_EPARSE, "%s: invalid UTF-8", what);
    return true;
}

/* "taxonomy FINGERPRINT|none|-": 16 hex digits, not all zero (that is
 * "none", and one value is written one way). */
static bool read_taxonomy(reader *r, vb_agg *agg)
{
    const char *s;
    size_t len;
    if (!next_line(r, "\"taxonomy\"") || !keyword(r, "taxonomy") || !field(r, "taxonomy", &s, &len))
        return false;
    if (len == 1 && s[0] == '-') {
        agg->taxonomy_known = false;
    } else if (len == 4 && memcmp(s, "none", 4) == 0) {
        vb_agg_set_taxonomy(agg, 0);
    } else {
        uint64_t v = 0;
        bool digits = len == 16;
        for (size_t i = 0; i < len && digits; i++) {
            digits = hex_value(s[i]) >= 0;
            v = v << 4 | (uint64_t)(digits ? hex_value(s[i]) : 0);
        }
        if (!digits || v == 0)
            return fail(r, VB_EPARSE, "taxonomy: expected 16 hex digits (not all 0), none or -");
        vb_agg_set_taxonomy(agg, v);
    }
    return eol(r, "taxonomy");
}

/* The header and the options: a new agg, or NULL. */
static vb_agg *read_options(reader *r, const vb_report_options *caller)
{
    vb_report_options ro;
    if (caller != NULL)
        ro = *caller;
    else
        vb_report_options_init(&ro);
    const vb_allocator *a = vb_allocator_or_default(&ro.alloc);
    char word[16];
    uint64_t v;

    /* "verbatim-state N", after any empty or comment lines as elsewhere
     * (a "# shard 1 of 8" on top); no such line at all is no state. */
    const size_t m = sizeof VB_STATE_MAGIC - 1;
    if (!skip_to_line(r) || (size_t)(r->line_end - r->at) < m + 2 ||
        memcmp(r->at, VB_STATE_MAGIC " ", m + 1) != 0) {
        if (r->line == 0) r->line = 1; /* empty input: name its first line */
        fail(r, VB_EPARSE, "not a verbatim state (the first line is not \"" VB_STATE_MAGIC " %d\")",
             VB_STATE_VERSION);
        return NULL;
    }
    r->at += m;
    if (!f_u64(r, "version", UINT64_MAX, &v) || !eol(r, VB_STATE_MAGIC)) return NULL;
    if (v == 1 || v == 2) {
        fail(r, VB_EPARSE,
             "state version %" PRIu64 ": from an older verbatim, %s; this build reads version "
             "%d (write the state again)",
             v,
             v == 1 ? "without the taxonomy and the records rejected while reading"
                    : "whose quotes carry no segment and are dated in UTC",
             VB_STATE_VERSION);
        return NULL;
    }
    if (v != VB_STATE_VERSION) {
        fail(r, VB_EPARSE, "state version %" PRIu64 ": this build reads version %d", v,
             VB_STATE_VERSION);
        return NULL;
    }

    if (!next_line(r, "\"metric\"") || !keyword(r, "metric") ||
        !f_word(r, "metric", word, sizeof word) || !eol(r, "metric"))
        return NULL;
    if (!vb_metric_parse(word, &ro.metric)) {
        fail(r, VB_EPARSE, "metric: unknown metric \"%s\"", word);
        return NULL;
    }
    const size_t options_line = r->line;
    if (!next_line(r, "\"scale\"") || !keyword(r, "scale") ||
        !f_double(r, "scale", &ro.scale_min) || !f_double(r, "scale", &ro.scale_max) ||
        !eol(r, "scale"))
        return NULL;
    if (!next_line(r, "\"top-box\"") || !keyword(r, "top-box") || !f_u64(r, "top-box", 1000, &v) ||
        !eol(r, "top-box"))
        return NULL;
    ro.top_box = (unsigned)v;
    if (!next_line(r, "\"lower-is-better\"") || !keyword(r, "lower-is-better") ||
        !f_u64(r, "lower-is-better", 1, &v) || !eol(r, "lower-is-better"))
        return NULL;
    ro.lower_is_better = v != 0;
    if (!next_line(r, "\"period\"") || !keyword(r, "period") ||
        !f_word(r, "period", word, sizeof word) || !eol(r, "period"))
        return NULL;
    if (!vb_period_parse(word, &ro.period)) {
        fail(r, VB_EPARSE, "period: unknown period \"%s\"", word);
        return NULL;
    }

    /* The column names, into one block that the agg will own. */
    static const char *const names[] = {"score-col", "date-col", "segment-col", "weight-col"};
    char *cols[4] = {NULL, NULL, NULL, NULL};
    bool ok = true;
    for (size_t i = 0; i < 4 && ok; i++) {
        size_t off, len;
        ok = next_line(r, names[i]) && keyword(r, names[i]) && f_string(r, names[i], &off, &len) &&
             eol(r, names[i]) && plain_text(r, names[i], off, len);
        if (ok && off != SIZE_MAX && (cols[i] = vb_strndup(a, str_at(r, off), len)) == NULL)
            ok = fail(r, VB_ENOMEM, "out of memory");
    }
    size_t total = 0;
    for (size_t i = 0; i < 4 && ok; i++)
        total += cols[i] != NULL ? strlen(cols[i]) + 1 : 0;
    char *block = ok ? vb_malloc(a, total + 1) : NULL;
    if (ok && block == NULL) ok = fail(r, VB_ENOMEM, "out of memory");
    const char **dst[4] = {&ro.score_col, &ro.date_col, &ro.segment_col, &ro.weight_col};
    for (size_t i = 0, at = 0; i < 4; i++) {
        *dst[i] = NULL;
        if (ok && cols[i] != NULL) {
            const size_t len = strlen(cols[i]) + 1;
            memcpy(block + at, cols[i], len);
            *dst[i] = block + at;
            at += len;
        }
        vb_free(a, cols[i]);
    }
    if (!ok) {
        vb_free(a, block);
        return NULL;
    }
    ro.date_format = NULL; /* how dates were written does not matter any more */
    vb_error e;
    vb_agg *agg = vb_agg_new(&ro, &e);
    if (agg == NULL) {
        vb_free(a, block);
        r->line = options_line;
        fail(r, e.code, "%s", e.message);
        return NULL;
    }
    agg->strings = block;
    if (agg->opts.period != ro.period) {
        r->line = options_line;
        fail(r, VB_EPARSE, "period none with a date column");
        vb_agg_free(agg);
        return NULL;
    }

    if (!read_taxonomy(r, agg) || !next_line(r, "\"rejected\"") || !keyword(r, "rejected") ||
        !f_u64(r, "rejected scores", UINT64_MAX, &agg->scores_rejected) ||
        !f_u64(r, "rejected dates", UINT64_MAX, &agg->dates_rejected) || !eol(r, "rejected") ||
        !next_line(r, "\"records-rejected\"") || !keyword(r, "records-rejected") ||
        !f_u64(r, "records rejected", UINT64_MAX, &agg->records_rejected) ||
        !eol(r, "records-rejected")) {
        vb_agg_free(agg);
        return NULL;
    }
    return agg;
}

static bool read_themes(reader *r, vb_agg *agg)
{
    size_t n;
    if (!next_line(r, "\"themes\"") || !keyword(r, "themes") ||
        !f_size(r, "themes", UINT32_MAX / 8, &n) || !eol(r, "themes"))
        return false;
    for (size_t k = 0; k < n; k++) {
        size_t index, id, id_len, label, label_len;
        const char *s;
        size_t len;
        if (!next_line(r, "a \"theme\" line") || !keyword(r, "theme") ||
            !f_size(r, "theme index", k, &index))
            return false;
        if (index != k) return fail(r, VB_EPARSE, "theme index: %zu, expected %zu", index, k);
        if (!field(r, "theme parent", &s, &len)) return false;
        int32_t parent = -1;
        if (len != 1 || s[0] != '-') {
            r->at = s - 1; /* read it again as a number */
            size_t p;
            if (k == 0) return fail(r, VB_EPARSE, "theme parent: the first theme has none");
            if (!f_size(r, "theme parent", k - 1, &p)) return false;
            parent = (int32_t)p;
        }
        if (!f_string(r, "theme id", &id, &id_len) || !f_string(r, "theme label", &label, &label_len) ||
            !eol(r, "theme") || !plain_text(r, "theme id", id, id_len) ||
            !plain_text(r, "theme label", label, label_len))
            return false;
        if (id == SIZE_MAX || id_len == 0) return fail(r, VB_EPARSE, "theme id: empty");
        uint32_t got;
        if (vb_agg_theme_find(agg, str_at(r, id), &got))
            return fail(r, VB_EPARSE, "theme \"%s\": listed twice", str_at(r, id));
        if (vb_agg_theme_index(agg, str_at(r, id), str_at(r, label),
                               parent >= 0 ? agg->themes[parent].id : NULL, &got) != VB_OK)
            return fail(r, VB_ENOMEM, "out of memory");
        /* A dotted id without a parent gets its prefix as one, which
         * must then be listed, before it. */
        if (got != k || agg->n_themes != k + 1 || agg->themes[k].parent != parent)
            return fail(r, VB_EPARSE,
                        "theme \"%s\": the parent does not fit (a dotted id's parent is its "
                        "prefix, listed before it)",
                        str_at(r, id));
    }
    return true;
}

/* A state's sums come from weights >= 0 (report refuses others): sums of
 * weights and of squares cannot be negative, nor (Cauchy-Schwarz) swx^2
 * exceed sw swx2. A damaged or hand-edited state that breaks these would
 * give impossible figures, so it is refused like any malformed line. The
 * slack covers the rounding of the three sums to doubles. */
static bool sums_possible(reader *r, const char *what, const vb_moments *m, const double *more,
                          size_t n_more)
{
    bool ok = m->sw >= 0 && m->sw2 >= 0 && m->swx2 >= 0 &&
              m->swx * m->swx <= m->sw * m->swx2 * (1 + 0x1p-40);
    for (size_t i = 0; i < n_more; i++)
        ok = ok && more[i] >= 0;
    return ok || fail(r, VB_EPARSE, "%s: sums that no weights >= 0 can give", what);
}

static bool read_group(reader *r, vb_agg *agg, const char *kind, vb_agg_groups *gs)
{
    const vb_allocator *a = &agg->alloc;
    char word[16];
    size_t key, key_len, n_cells;
    uint64_t records, scored;
    if (!next_line(r, "a \"group\" line") || !keyword(r, "group") ||
        !f_word(r, "group kind", word, sizeof word))
        return false;
    if (strcmp(word, kind) != 0)
        return fail(r, VB_EPARSE, "group kind: \"%s\", expected \"%s\"", word, kind);
    if (!f_string(r, "group key", &key, &key_len) || !f_u64(r, "records", UINT64_MAX, &records) ||
        !f_u64(r, "scored", records, &scored) ||
        !f_size(r, "cells", agg->n_themes, &n_cells) || !eol(r, "group"))
        return false;
    if (key == SIZE_MAX) return fail(r, VB_EPARSE, "group key: expected a string");
    if (!plain_text(r, "group key", key, key_len)) return false;
    vb_agg_group *g = &agg->overall;
    if (gs == NULL && key_len != 0) return fail(r, VB_EPARSE, "group key: overall has \"\"");
    if (gs != NULL) {
        if (vb_agg_find(gs, str_at(r, key), key_len) != NULL)
            return fail(r, VB_EPARSE, "%s \"%.*s\": listed twice", kind,
                        (int)(key_len < 60 ? key_len : 60), str_at(r, key));
        if (vb_agg_group_get(a, gs, str_at(r, key), key_len, &g) != VB_OK)
            return fail(r, VB_ENOMEM, "out of memory");
    }
    g->records = records;
    g->score.n = scored;
    if (!next_line(r, "a \"sums\" line") || !keyword(r, "sums")) return false;
    for (size_t i = 0; i < VB_GROUP_SUMS; i++)
        if (!f_xsum(r, "sums", &g->x[i])) return false;
    if (!eol(r, "sums")) return false;
    vb_agg_group_refresh(g);
    if (!sums_possible(r, "sums", &g->score, &g->none_w, 1)) return false;

    size_t last = 0;
    for (size_t i = 0; i < n_cells; i++) {
        size_t t;
        uint64_t mentions, cell_scored;
        int64_t sent;
        if (!next_line(r, "a \"cell\" line") || !keyword(r, "cell") ||
            !f_size(r, "cell theme", agg->n_themes - 1, &t))
            return false;
        if (i > 0 && t <= last) return fail(r, VB_EPARSE, "cell theme: %zu after %zu", t, last);
        last = t;
        if (!f_u64(r, "mentions", records, &mentions) || !f_i64(r, "sentiment sum", &sent) ||
            !f_u64(r, "scored mentions", mentions < scored ? mentions : scored, &cell_scored))
            return false;
        if (t >= g->n_cells) { /* grow geometrically, up to the theme count */
            size_t want = g->n_cells * 2 > t + 1 ? g->n_cells * 2 : t + 1;
            if (want > agg->n_themes) want = agg->n_themes;
            if (vb_agg_group_cells(a, g, want) != VB_OK) return fail(r, VB_ENOMEM, "out of memory");
        }
        vb_agg_cell *c = &g->cells[t];
        c->mentions = mentions;
        c->sent_sum = sent;
        c->score.n = cell_scored;
        for (size_t k = 0; k < VB_CELL_SUMS; k++)
            if (!f_xsum(r, "cell sums", &c->x[k])) return false;
        if (!eol(r, "cell")) return false;
        vb_agg_cell_refresh(c);
        if (!sums_possible(r, "cell sums", &c->score, (const double[]){c->fw, c->ow}, 2))
            return false;
    }
    return true;
}

static bool read_groups(reader *r, vb_agg *agg)
{
    size_t n_periods, n_segments;
    if (!next_line(r, "\"groups\"") || !keyword(r, "groups") ||
        !f_size(r, "periods", SIZE_MAX, &n_periods) ||
        !f_size(r, "segments", SIZE_MAX, &n_segments) || !eol(r, "groups"))
        return false;
    if (n_periods > 0 && agg->opts.date_col == NULL)
        return fail(r, VB_EPARSE, "periods without a date column");
    if (n_segments > 0 && agg->opts.segment_col == NULL)
        return fail(r, VB_EPARSE, "segments without a segment column");
    if (!read_group(r, agg, "overall", NULL)) return false;
    for (size_t i = 0; i < n_periods; i++)
        if (!read_group(r, agg, "period", &agg->periods)) return false;
    for (size_t i = 0; i < n_segments; i++)
        if (!read_group(r, agg, "segment", &agg->segments)) return false;
    return true;
}

static bool read_quote(reader *r, vb_agg *agg, vb_quote_list *into, int dir)
{
    vb_quote q;
    memset(&q, 0, sizeof q);
    const char *s;
    size_t len, segment, id, text;
    if (!next_line(r, "a \"quote\" line") || !keyword(r, "quote") || !field(r, "quote key", &s, &len))
        return false;
    if (len != 16) return fail(r, VB_EPARSE, "quote key: expected 16 hex digits");
    for (size_t i = 0; i < 16; i++) {
        if (hex_value(s[i]) < 0) return fail(r, VB_EPARSE, "quote key: expected 16 hex digits");
        q.key = q.key << 4 | (uint64_t)hex_value(s[i]);
    }
    if (!f_size(r, "quote length", SIZE_MAX, &q.full_len) ||
        !f_double(r, "quote sentiment", &q.sentiment))
        return false;
    if (!(q.sentiment >= -QUOTE_SENTIMENT_MAX && q.sentiment <= QUOTE_SENTIMENT_MAX))
        return fail(r, VB_EPARSE, "quote sentiment: out of range");
    if (!field(r, "quote time", &s, &len)) return false;
    if (len != 1 || s[0] != '-') {
        r->at = s - 1;
        if (!f_i64(r, "quote time", &q.time)) return false;
        if (q.time < -QUOTE_TIME_MAX || q.time > QUOTE_TIME_MAX)
            return fail(r, VB_EPARSE, "quote time: out of range");
        q.has_time = true;
    }
    if (!f_size(r, "quote spans", VB_QUOTE_SPANS, &q.n_spans)) return false;
    for (size_t i = 0; i < q.n_spans; i++)
        if (!f_size(r, "span start", QUOTE_TEXT_MAX, &q.spans[i].start) ||
            !f_size(r, "span end", QUOTE_TEXT_MAX, &q.spans[i].end))
            return false;
    if (!f_string(r, "quote segment", &segment, &q.segment_len) ||
        !f_string(r, "quote id", &id, &q.id_len) || !f_string(r, "quote text", &text, &q.len) ||
        !eol(r, "quote"))
        return false;
    /* A record has a segment value (or "(missing)") exactly when the
     * state has a segment column. */
    if ((segment == SIZE_MAX) != (agg->opts.segment_col == NULL))
        return fail(r, VB_EPARSE,
                    agg->opts.segment_col == NULL
                        ? "quote segment: the state has no segment column"
                        : "quote segment: missing (the state has a segment column)");
    if (!plain_text(r, "quote segment", segment, q.segment_len)) return false;
    if (id == SIZE_MAX || text == SIZE_MAX) return fail(r, VB_EPARSE, "quote: id and text are strings");
    if (!plain_text(r, "quote id", id, q.id_len)) return false;
    if (q.len == 0 || q.len > QUOTE_TEXT_MAX)
        return fail(r, VB_EPARSE, "quote text: %zu bytes (1 to %d)", q.len, QUOTE_TEXT_MAX);
    if (vb_utf8_valid_len(str_at(r, text), q.len) != q.len)
        return fail(r, VB_EPARSE, "quote text: invalid UTF-8");
    for (size_t i = 0; i < q.n_spans; i++)
        if (q.spans[i].start >= q.spans[i].end || q.spans[i].end > q.len)
            return fail(r, VB_EPARSE, "quote span %zu-%zu: outside the text", q.spans[i].start,
                        q.spans[i].end);
    q.segment = (char *)str_at(r, segment);
    q.id = (char *)str_at(r, id);
    q.text = (char *)str_at(r, text);
    /* Renderers mark spans: one inside a character would split it. */
    for (size_t i = 0; i < q.n_spans; i++)
        if (((unsigned char)q.text[q.spans[i].start] & 0xC0) == 0x80 ||
            (q.spans[i].end < q.len && ((unsigned char)q.text[q.spans[i].end] & 0xC0) == 0x80))
            return fail(r, VB_EPARSE, "quote span %zu-%zu: not on character boundaries",
                        q.spans[i].start, q.spans[i].end);
    vb_quote_list one;
    one.items[0] = q;
    one.order[0] = 0;
    one.n = 1;
    if (vb_quote_merge_list(&agg->alloc, into, &one, dir) != VB_OK)
        return fail(r, VB_ENOMEM, "out of memory");
    return true;
}

/* Quote lists until the "drivers" line. */
static bool read_quotes(reader *r, vb_agg *agg)
{
    for (;;) {
        if (!next_line(r, "\"drivers\"")) return false;
        if (r->line_end - r->at >= 7 && memcmp(r->at, "drivers", 7) == 0) return true;
        size_t t, n;
        const char *s;
        size_t len;
        if (!keyword(r, "quotes")) return false;
        if (agg->n_themes == 0) return fail(r, VB_EPARSE, "quotes without themes");
        if (!f_size(r, "quotes theme", agg->n_themes - 1, &t)) return false;
        if (!field(r, "quotes side", &s, &len)) return false;
        if (len != 1 || (s[0] != '+' && s[0] != '-'))
            return fail(r, VB_EPARSE, "quotes side: expected + or -");
        const int dir = s[0] == '+' ? 1 : -1;
        if (!f_size(r, "quotes", VB_QUOTE_KEEP, &n) || !eol(r, "quotes")) return false;
        vb_agg_theme *th = &agg->themes[t];
        for (size_t i = 0; i < n; i++)
            if (!read_quote(r, agg, dir > 0 ? &th->pos : &th->neg, dir)) return false;
    }
}

static bool read_drivers(reader *r, vb_agg *agg)
{
    size_t n;
    uint64_t prev = 0;
    const size_t n_themes = agg->n_themes;
    if (!keyword(r, "drivers") || !f_size(r, "drivers", SIZE_MAX, &n) || !eol(r, "drivers"))
        return false;
    if (n > 0 && n_themes == 0) return fail(r, VB_EPARSE, "drivers without themes");
    for (size_t i = 0; i < n; i++) {
        size_t s, t;
        vb_xsum x;
        if (!next_line(r, "a \"sxx\" line") || !keyword(r, "sxx") ||
            !f_size(r, "sxx theme", n_themes - 1, &s) || !f_size(r, "sxx theme", n_themes - 1, &t) ||
            !f_xsum(r, "sxx", &x) || !eol(r, "sxx"))
            return false;
        const uint64_t at = (uint64_t)s * n_themes + t; /* n_themes <= UINT32_MAX / 8 */
        if (i > 0 && at <= prev) return fail(r, VB_EPARSE, "sxx: %zu %zu out of order", s, t);
        prev = at;
        agg->sxx[s * agg->sxx_dim + t] = x;
    }
    return true;
}

vb_agg *vb_agg_read_state(const char *data, size_t len, const vb_report_options *opts,
                          vb_error *err)
{
    vb_error local;
    reader r;
    memset(&r, 0, sizeof r);
    r.err = err != NULL ? err : &local;
    r.p = data != NULL ? data : "";
    r.end = r.p + (data != NULL ? len : 0);
    const vb_allocator *a = vb_allocator_or_default(opts != NULL ? &opts->alloc : NULL);
    vb_buf_init(&r.scratch, a, len < (size_t)-1 / 4 ? len + 16 : (size_t)-1 / 4);
    vb_agg *agg = read_options(&r, opts);
    bool ok = agg != NULL && read_themes(&r, agg) && read_groups(&r, agg) && read_quotes(&r, agg) &&
              read_drivers(&r, agg) && next_line(&r, "\"end\"") && keyword(&r, "end") &&
              eol(&r, "end");
    /* After "end", as anywhere, blank and comment lines are allowed. */
    if (ok && skip_to_line(&r)) ok = fail(&r, VB_EPARSE, "text after the \"end\" line");
    vb_buf_free(&r.scratch);
    if (!ok) {
        vb_agg_free(agg);
        return NULL;
    }
    return agg;
}

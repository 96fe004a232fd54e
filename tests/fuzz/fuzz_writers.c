/* fuzz_writers.c: round trips through the writers.
 *
 * Input: any bytes, repaired to UTF-8 (as every comment is before it is
 * written).
 *  - JSON (jsonw.c): vb_json_string() output parses with cJSON to a string
 *    equal to the text (up to a NUL, where cJSON's C string ends).
 *  - CSV (report_csv.c): the text as a segment value, a theme label, a
 *    record id and a quote; the "segments" and "quotes" tables parse back
 *    (csv.c) to the report's strings, with the formula-injection guard (a
 *    leading ' before = + - @ TAB CR) as the only change.
 *  - HTML (report_html.c): the page is valid UTF-8; every tag and every
 *    character reference in it is one the page has for a plain input
 *    (learnt once from a report of "x"), so no input can open a tag or an
 *    attribute; and the page's text, tags removed and references decoded,
 *    holds the input (control characters shown as spaces).
 *  - Markdown and the table: rendered without crashing. */
#include "fuzz_common.h"

#include "csv.h"
#include "jsonw.h"
#include "report.h"
#include "utf8.h"

#include <cjson/cJSON.h>

static void json_round_trip(const char *s, size_t len)
{
    vb_buf b;
    vb_buf_init(&b, NULL, (size_t)1 << 24);
    FUZZ_CHECK(vb_json_string(&b, s, len) == VB_OK);
    cJSON *v = cJSON_ParseWithLength(b.data, b.len);
    if (v == NULL) fprintf(stderr, "does not parse: %s\n", b.data);
    FUZZ_CHECK(v != NULL && cJSON_IsString(v));
    const char *nul = memchr(s, '\0', len);
    const size_t want = nul != NULL ? (size_t)(nul - s) : len;
    FUZZ_CHECK(strlen(v->valuestring) == want && memcmp(v->valuestring, s, want) == 0);
    cJSON_Delete(v);
    vb_buf_free(&b);
}

/* What a text cell must read back as. */
static bool cell_is(const char *cell, size_t cell_len, const char *s, size_t len)
{
    const bool risky = len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                   s[0] == '\t' || s[0] == '\r');
    if (risky) {
        if (cell_len == 0 || cell[0] != '\'') return false;
        cell++;
        cell_len--;
    }
    return cell_len == len && memcmp(cell, s, len) == 0;
}

/* Parses `len` bytes of CSV and returns row `r` (0 = the header) in *row,
 * with its bytes unescaped in `copy`. */
static bool csv_row(vb_csv *c, char *copy, size_t len, size_t r, vb_csv_row *row, char **rec)
{
    size_t pos = 0;
    for (size_t i = 0;; i++) {
        size_t discard = 0;
        vb_status st = vb_csv_scan(c, copy + pos, len - pos, true, row, &discard);
        if (st != VB_OK) return false;
        FUZZ_CHECK(row->error == VB_CSV_OK);
        if (i == r) {
            *rec = copy + pos;
            return true;
        }
        pos += row->used;
    }
}

static void check_cell(const vb_csv_row *row, const char *rec, size_t col, const char *s)
{
    FUZZ_CHECK(col < row->n_stored);
    const vb_csv_span *f = &row->fields[col];
    if (!cell_is(rec + f->off, f->len, s, strlen(s))) {
        fprintf(stderr, "cell %zu: [%.*s] for [%s]\n", col, (int)f->len, rec + f->off, s);
        FUZZ_CHECK(!"CSV cell does not read back");
    }
}

/* The tag names and references of a page: "<name", "</name", "&ref;". */
typedef struct html_names {
    char names[256][24];
    size_t n;
} html_names;

static html_names known_html; /* learnt from a report of "x" */

static bool has_name(const html_names *h, const char *name)
{
    for (size_t i = 0; i < h->n; i++)
        if (strcmp(h->names[i], name) == 0) return true;
    return false;
}

/* Reads the name at `p` (up to `end`) that starts with `lead` ('<' or
 * '&') into `name`; false when it is not a name at all. */
static bool name_at(const char *p, const char *end, char *name, size_t size)
{
    size_t n = 0;
    name[n++] = *p++;
    if (p < end && (*p == '/' || *p == '!' || *p == '#')) name[n++] = *p++;
    while (p < end && n + 1 < size &&
           ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-'))
        name[n++] = *p++;
    name[n] = '\0';
    return n > 1;
}

/* Learns (`learn`) or checks every tag and reference of `html`. */
static void html_scan(const char *html, size_t len, html_names *h, bool learn)
{
    const char *end = html + len;
    for (const char *p = html; p < end; p++) {
        if (*p != '<' && *p != '&') continue;
        char name[24];
        const bool ok = name_at(p, end, name, sizeof name);
        if (learn) {
            if (ok && !has_name(h, name) && h->n < 256) strcpy(h->names[h->n++], name);
        } else if (!ok || !has_name(h, name)) {
            fprintf(stderr, "HTML has an unexpected \"%s\" at byte %zu: %.60s\n", name,
                    (size_t)(p - html), p);
            FUZZ_CHECK(!"input escaped its HTML context");
        }
    }
}

/* The text of `html`: tags dropped, the five references esc() writes
 * decoded. Returns a malloc'd NUL-terminated string. */
static char *html_text(const char *html, size_t len)
{
    static const char *const refs[][2] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
    char *out = malloc(len + 1);
    FUZZ_CHECK(out != NULL);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (html[i] == '<') {
            const char *gt = memchr(html + i, '>', len - i);
            i = gt != NULL ? (size_t)(gt - html) + 1 : len;
            continue;
        }
        bool done = false;
        for (size_t r = 0; r < 5 && !done && html[i] == '&'; r++) {
            const size_t n = strlen(refs[r][0]);
            if (len - i >= n && memcmp(html + i, refs[r][0], n) == 0) {
                out[o++] = refs[r][1][0];
                i += n;
                done = true;
            }
        }
        if (!done) out[o++] = html[i++];
    }
    out[o] = '\0';
    return out;
}

static void html_check(const char *s, const char *html, size_t len)
{
    FUZZ_CHECK(vb_utf8_valid_len(html, len) == len);
    html_scan(html, len, &known_html, false);
    /* Short inputs are never cut: the page must show them whole. */
    const size_t s_len = strlen(s);
    if (s_len == 0 || s_len > 24) return;
    char *want = malloc(s_len + 1);
    FUZZ_CHECK(want != NULL);
    for (size_t i = 0; i <= s_len; i++) {
        const unsigned char c = (unsigned char)s[i];
        want[i] = c != 0 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) ? ' ' : s[i];
    }
    char *text = html_text(html, len);
    if (strstr(text, want) == NULL) {
        fprintf(stderr, "HTML text does not hold [%s]\n", want);
        FUZZ_CHECK(!"HTML does not read back");
    }
    free(text);
    free(want);
}

static void csv_round_trip(const char *s, html_names *learn)
{
    vb_report_options o;
    vb_report_options_init(&o);
    o.score_col = "score";
    o.segment_col = "region";
    o.min_n = 1;
    vb_error err = {0};
    vb_agg *agg = vb_agg_new(&o, &err);
    FUZZ_CHECK(agg != NULL);
    const size_t len = strlen(s);
    vb_range span = {0, len < 5 ? len : 5};
    vb_report_theme th = {"t", s, NULL, -0.5, &span, 1};
    vb_report_row row;
    memset(&row, 0, sizeof row);
    row.id = (vb_field){s, len};
    row.text = (vb_field){s, len};
    row.score = (vb_field){"3", 1};
    row.segment = (vb_field){s, len};
    row.sentiment = -0.5;
    row.themes = &th;
    row.n_themes = 1;
    vb_report_issue issues[VB_REPORT_MAX_ISSUES];
    size_t n_issues = 0;
    FUZZ_CHECK(vb_agg_add(agg, &row, issues, &n_issues) == VB_OK);
    vb_report *rep = vb_report_new(agg, &err);
    FUZZ_CHECK(rep != NULL);

    const char *out;
    size_t out_len;
    vb_csv c;
    vb_csv_row r;
    char *rec;
    FUZZ_CHECK(vb_report_render(rep, VB_REPORT_CSV, "segments", 0, &out, &out_len) == VB_OK);
    char *copy = malloc(out_len + 1);
    FUZZ_CHECK(copy != NULL);
    memcpy(copy, out, out_len);
    vb_csv_init(&c, NULL, ',', (size_t)-1, (size_t)-1);
    if (rep->n_segments > 0) {
        FUZZ_CHECK(csv_row(&c, copy, out_len, 1, &r, &rec));
        check_cell(&r, rec, 0, rep->segments[0].key);
    }
    vb_csv_free(&c);
    free(copy);

    FUZZ_CHECK(vb_report_render(rep, VB_REPORT_CSV, "quotes", 0, &out, &out_len) == VB_OK);
    copy = malloc(out_len + 1);
    FUZZ_CHECK(copy != NULL);
    memcpy(copy, out, out_len);
    vb_csv_init(&c, NULL, ',', (size_t)-1, (size_t)-1);
    size_t line = 1;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        for (size_t k = 0; k < t->n_quotes; k++, line++) {
            vb_csv_free(&c);
            vb_csv_init(&c, NULL, ',', (size_t)-1, (size_t)-1);
            memcpy(copy, out, out_len);
            FUZZ_CHECK(csv_row(&c, copy, out_len, line, &r, &rec));
            check_cell(&r, rec, 0, t->id);
            check_cell(&r, rec, 1, vb_rep_theme_name(t));
            check_cell(&r, rec, 3, t->quotes[k].id);
            FUZZ_CHECK(t->quotes[k].segment != NULL);
            check_cell(&r, rec, 5, t->quotes[k].segment);
            const vb_csv_span *f = &r.fields[7];
            FUZZ_CHECK(r.n_stored == 8);
            FUZZ_CHECK(cell_is(rec + f->off, f->len, t->quotes[k].text, t->quotes[k].len));
        }
    }
    vb_csv_free(&c);
    free(copy);

    const vb_status html = vb_report_render(rep, VB_REPORT_HTML, NULL, 0, &out, &out_len);
    FUZZ_CHECK(html == VB_OK || html == VB_EINVAL); /* EINVAL: no HTML writer (yet) */
    if (html == VB_OK) {
        if (learn != NULL)
            html_scan(out, out_len, learn, true);
        else
            html_check(s, out, out_len);
    }

    FUZZ_CHECK(vb_report_render(rep, VB_REPORT_MD, NULL, 0, &out, &out_len) == VB_OK);
    FUZZ_CHECK(vb_report_render(rep, VB_REPORT_TABLE, NULL, 0, &out, &out_len) == VB_OK);
    vb_report_free(rep);
    vb_agg_free(agg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vb_arena arena;
    vb_arena_init(&arena, NULL, 0);
    const char *fixed;
    size_t fixed_len, n_invalid;
    FUZZ_CHECK(vb_utf8_repair(&arena, (const char *)data, size, &fixed, &fixed_len, &n_invalid) ==
               VB_OK);
    json_round_trip(fixed, fixed_len);
    char *s = malloc(fixed_len + 1);
    FUZZ_CHECK(s != NULL);
    memcpy(s, fixed, fixed_len);
    s[fixed_len] = '\0';
    static bool learnt;
    if (!learnt) {
        static const char *const refs[] = {"&amp", "&lt", "&gt", "&quot", "&#39"};
        for (size_t i = 0; i < 5; i++) /* what esc() writes */
            strcpy(known_html.names[known_html.n++], refs[i]);
        csv_round_trip("x", &known_html);
        learnt = true;
    }
    csv_round_trip(s, NULL);
    free(s);
    vb_arena_free(&arena);
    return 0;
}

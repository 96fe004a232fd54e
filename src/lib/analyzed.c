/* analyzed.c: reads back what `verbatim analyze --keep COLS` wrote, one
 * JSON object per line, into a report (vb_agg_add_json).
 *
 *     {"id":"R1","fields":{"score":"9","date":"2026-01-03","comment":"..."},
 *      "sentiment":{"compound":0.62,...},
 *      "themes":[{"id":"delivery.late","label":"Late or slow delivery",
 *                 "sentiment":-0.4,"spans":[[4,21]]}, ...]}
 *
 * The score, date, segment and weight come from "fields" under the
 * options' column names; numbers are accepted as well as strings. A
 * theme's parent is the one named by its dotted id ("delivery" for
 * "delivery.late"). Spans are byte offsets into the comment; any that do
 * not fit it are dropped. Like jsonl.c it parses with an explicit length
 * and never reads cJSON's global error; cJSON's allocation hooks belong
 * to the application.
 */
#include "agg.h"

#include "alloc.h"
#include "arena.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct num_text {
    char buf[40];
} num_text;

/* A field as text: strings as they are, numbers printed, else absent. */
static vb_field field_of(const cJSON *fields, const char *name, num_text *scratch)
{
    vb_field f = {NULL, 0};
    if (fields == NULL || name == NULL) return f;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(fields, name);
    if (cJSON_IsString(v) && v->valuestring != NULL) {
        f.data = v->valuestring;
        f.len = strlen(v->valuestring);
    } else if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
        int n = snprintf(scratch->buf, sizeof scratch->buf, "%.17g", v->valuedouble);
        f.data = scratch->buf;
        f.len = n > 0 ? (size_t)n : 0;
    } else if (cJSON_IsBool(v)) {
        f.data = cJSON_IsTrue(v) ? "true" : "false";
        f.len = strlen(f.data);
    }
    return f;
}

static vb_field text_of(const cJSON *fields, const char *text_col)
{
    static const char *const guesses[] = {"comment", "text", "verbatim", "feedback",
                                          "review",  "body", "message",  "response"};
    vb_field f = {NULL, 0};
    num_text unused;
    if (text_col != NULL) return field_of(fields, text_col, &unused);
    for (size_t i = 0; i < sizeof guesses / sizeof guesses[0] && f.data == NULL; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(fields, guesses[i]);
        if (cJSON_IsString(v) && v->valuestring != NULL) {
            f.data = v->valuestring;
            f.len = strlen(v->valuestring);
        }
    }
    return f;
}

static vb_status parse_error(vb_report_issue *issues, size_t *n, const char *what)
{
    issues[0].field = "";
    snprintf(issues[0].message, sizeof issues[0].message, "%s", what);
    *n = 1;
    return VB_EPARSE;
}

/* Reads a theme's "spans" ([[start,end],...] or [{"start":s,"end":e}])
 * into `out`, keeping those inside a text of `text_len` bytes. */
static size_t read_spans(const cJSON *spans, size_t text_len, vb_range *out, size_t max)
{
    size_t n = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, spans)
    {
        const cJSON *a = NULL, *b = NULL;
        if (cJSON_IsArray(s) && cJSON_GetArraySize(s) == 2) {
            a = cJSON_GetArrayItem(s, 0);
            b = cJSON_GetArrayItem(s, 1);
        } else if (cJSON_IsObject(s)) {
            a = cJSON_GetObjectItemCaseSensitive(s, "start");
            b = cJSON_GetObjectItemCaseSensitive(s, "end");
        }
        if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b) || n == max) continue;
        const double start = a->valuedouble, end = b->valuedouble;
        if (start < 0 || end <= start || end > (double)text_len || start != floor(start) ||
            end != floor(end))
            continue;
        out[n].start = (size_t)start;
        out[n].end = (size_t)end;
        n++;
    }
    return n;
}

static vb_status add_json(vb_agg *agg, const char *line, size_t len, const char *text_col,
                          vb_report_issue *issues, size_t *n_issues)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    while (root != NULL && end != NULL && end < line + len &&
           (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
        end++;
    if (root == NULL || !cJSON_IsObject(root) || end != line + len) {
        cJSON_Delete(root);
        return parse_error(issues, n_issues, "not a JSON object");
    }
    const cJSON *fields = cJSON_GetObjectItemCaseSensitive(root, "fields");
    if (fields != NULL && !cJSON_IsObject(fields)) {
        cJSON_Delete(root);
        return parse_error(issues, n_issues, "\"fields\" is not an object");
    }
    const vb_report_options *o = &agg->opts;
    vb_report_row row;
    memset(&row, 0, sizeof row);
    num_text id_buf, nums[4];
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    if (cJSON_IsString(id) && id->valuestring != NULL) {
        row.id.data = id->valuestring;
        row.id.len = strlen(id->valuestring);
    } else if (cJSON_IsNumber(id)) {
        int n = snprintf(id_buf.buf, sizeof id_buf.buf, "%.17g", id->valuedouble);
        row.id.data = id_buf.buf;
        row.id.len = n > 0 ? (size_t)n : 0;
    }
    row.score = field_of(fields, o->score_col, &nums[0]);
    row.date = field_of(fields, o->date_col, &nums[1]);
    row.segment = field_of(fields, o->segment_col, &nums[2]);
    row.weight = field_of(fields, o->weight_col, &nums[3]);
    row.text = text_of(fields, text_col);
    const cJSON *sent = cJSON_GetObjectItemCaseSensitive(root, "sentiment");
    const cJSON *compound = cJSON_GetObjectItemCaseSensitive(sent, "compound");
    row.sentiment = cJSON_IsNumber(compound) ? compound->valuedouble : 0;

    const cJSON *themes = cJSON_GetObjectItemCaseSensitive(root, "themes");
    const size_t n_themes = cJSON_IsArray(themes) ? (size_t)cJSON_GetArraySize(themes) : 0;
    size_t n_spans_total = 0;
    const cJSON *t;
    if (n_themes > 0) {
        cJSON_ArrayForEach(t, themes)
        {
            const cJSON *spans = cJSON_GetObjectItemCaseSensitive(t, "spans");
            n_spans_total += cJSON_IsArray(spans) ? (size_t)cJSON_GetArraySize(spans) : 0;
        }
    }
    vb_report_theme *rt = vb_calloc(&agg->alloc, n_themes + 1, sizeof *rt);
    vb_range *ranges = vb_calloc(&agg->alloc, n_spans_total + 1, sizeof *ranges);
    vb_status st = VB_ENOMEM;
    if (rt != NULL && ranges != NULL) {
        size_t used = 0;
        cJSON_ArrayForEach(t, themes)
        {
            const cJSON *tid = cJSON_GetObjectItemCaseSensitive(t, "id");
            if (!cJSON_IsString(tid) || tid->valuestring == NULL || tid->valuestring[0] == '\0')
                continue;
            vb_report_theme *x = &rt[row.n_themes++];
            x->id = tid->valuestring;
            const cJSON *label = cJSON_GetObjectItemCaseSensitive(t, "label");
            x->label = cJSON_IsString(label) ? label->valuestring : NULL;
            const cJSON *parent = cJSON_GetObjectItemCaseSensitive(t, "parent");
            x->parent = cJSON_IsString(parent) ? parent->valuestring : NULL;
            const cJSON *ts = cJSON_GetObjectItemCaseSensitive(t, "sentiment");
            x->sentiment = cJSON_IsNumber(ts) ? ts->valuedouble : row.sentiment;
            x->spans = ranges + used;
            x->n_spans = read_spans(cJSON_GetObjectItemCaseSensitive(t, "spans"), row.text.len,
                                    ranges + used, n_spans_total - used);
            used += x->n_spans;
        }
        row.themes = rt;
        st = vb_agg_add(agg, &row, issues, n_issues);
    }
    vb_free(&agg->alloc, rt);
    vb_free(&agg->alloc, ranges);
    cJSON_Delete(root);
    return st;
}

vb_status vb_agg_add_json(vb_agg *agg, const char *line, size_t len, const char *text_col,
                          vb_report_issue *issues, size_t *n_issues)
{
    *n_issues = 0;
    if (vb_utf8_valid_len(line, len) == len)
        return add_json(agg, line, len, text_col, issues, n_issues);
    /* analyze writes valid UTF-8, but a file edited since may not be:
     * invalid bytes (never JSON syntax) become U+FFFD as the pipeline's
     * input does, so that reports stay valid UTF-8, and valid JSON. */
    vb_arena scratch;
    vb_arena_init(&scratch, &agg->alloc, 0);
    const char *fixed;
    size_t fixed_len, n_invalid;
    vb_status st = vb_utf8_repair(&scratch, line, len, &fixed, &fixed_len, &n_invalid);
    if (st == VB_OK) st = add_json(agg, fixed, fixed_len, text_col, issues, n_issues);
    vb_arena_free(&scratch);
    return st;
}

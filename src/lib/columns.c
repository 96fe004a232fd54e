/* columns.c: what an export's header says (columns.h). */
#include "columns.h"

#include "ascii.h"

#include <string.h>

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

size_t vb_columns_find(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0) return i;
    const char *a = name;
    size_t a_len = strlen(a);
    trim(&a, &a_len);
    for (size_t i = 0; i < n; i++) {
        const char *b = names[i];
        size_t b_len = strlen(b);
        trim(&b, &b_len);
        if (vb_ascii_iequal(a, a_len, b, b_len)) return i;
    }
    return VB_NO_COLUMN;
}

size_t vb_columns_twin(const char *const *names, size_t n, size_t col, bool fold)
{
    const char *a = names[col];
    size_t a_len = strlen(a);
    if (fold) trim(&a, &a_len);
    for (size_t i = 0; i < n; i++) {
        const char *b = names[i];
        size_t b_len = strlen(b);
        if (i == col) continue;
        if (!fold && strcmp(a, b) == 0) return i;
        trim(&b, &b_len);
        if (fold && vb_ascii_iequal(a, a_len, b, b_len)) return i;
    }
    return VB_NO_COLUMN;
}

/* ---- the comment's column, by name ---------------------------------------- */

/* Lower case, without spaces, '_' and '-': "Review_Text" -> "reviewtext". */
static void normalise_name(const char *name, char *out, size_t size)
{
    size_t n = 0;
    for (; *name != '\0' && n + 1 < size; name++)
        if (*name != ' ' && *name != '_' && *name != '-' && *name != '\t')
            out[n++] = vb_ascii_lower(*name);
    out[n] = '\0';
}

static bool ends_with(const char *s, const char *suffix)
{
    const size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Whether a name is Qualtrics' for an option's text box, "Q3_4_TEXT"
 * (option 4 of Q3, "Other, please specify"): text, but not the comment. */
static bool option_text_box(const char *name)
{
    if (!ends_with(name, "_TEXT")) return false;
    size_t i = strlen(name) - 5; /* at the '_' of "_TEXT" */
    const size_t digits_end = i;
    while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
        i--;
    return i < digits_end && i > 1 && name[i - 1] == '_';
}

size_t vb_columns_guess_text(const char *const *names, size_t n)
{
    static const char *const exact[] = {
        "comment", "comments", "verbatim", "feedback",    "review",   "reviewtext", "reviewbody",
        "text",    "response", "answer",   "body",        "message",  "content",    "reason",
        "remarks", "notes",    "note",     "description", "opentext", "openend"};
    static const char *const hints[] = {"comment", "feedback", "review", "text"};
    /* Columns about a comment rather than the comment itself. */
    static const char *const not_text[] = {
        "date",    "time", "title",     "rating", "score",    "count",     "type",
        "status",  "url",  "link",      "author", "reviewer", "commenter", "name",
        "context", "flag", "lang",      "length", "source",   "channel",   "category",
        "topic",   "tag",  "sentiment", "code"};
    static const char *const not_suffix[] = {"id", "ids", "no", "num", "number"};
    char norm[128];

    for (size_t e = 0; e < sizeof exact / sizeof exact[0]; e++)
        for (size_t i = 0; i < n; i++) {
            normalise_name(names[i], norm, sizeof norm);
            if (strcmp(norm, exact[e]) == 0) return i;
        }
    for (size_t i = 0; i < n; i++) {
        if (option_text_box(names[i])) continue;
        normalise_name(names[i], norm, sizeof norm);
        bool hinted = false, excluded = false;
        for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++)
            hinted = hinted || strstr(norm, hints[h]) != NULL;
        for (size_t x = 0; x < sizeof not_text / sizeof not_text[0]; x++)
            excluded = excluded || strstr(norm, not_text[x]) != NULL;
        for (size_t x = 0; x < sizeof not_suffix / sizeof not_suffix[0]; x++)
            excluded = excluded || ends_with(norm, not_suffix[x]);
        if (hinted && !excluded) return i;
    }
    return VB_NO_COLUMN;
}

/* ---- survey exports ------------------------------------------------------- */

vb_survey_ids vb_survey_ids_find(const char *const *names, size_t n)
{
    vb_survey_ids ids = {vb_columns_find(names, n, "ResponseId"),
                         vb_columns_find(names, n, "Respondent ID")};
    if (ids.respondent_id == VB_NO_COLUMN)
        ids.respondent_id = vb_columns_find(names, n, "RespondentID");
    return ids;
}

static bool field_is(const char *rec, vb_csv_span f, const char *value)
{
    return f.len == strlen(value) && memcmp(rec + f.off, value, f.len) == 0;
}

/* Qualtrics marks its rows in the ResponseId column ("Response ID",
 * "ResponseID" in the legacy format, or the import id "_recordId"), on
 * any row; SurveyMonkey's one row comes right after the names, with no
 * Respondent ID and "Response" or "Open-Ended Response" under the
 * questions, which a response never has. */
vb_survey_row vb_survey_header_row(const vb_survey_ids *ids, const char *rec, const vb_csv_row *row,
                                   bool right_after_names)
{
    const size_t q = ids->response_id;
    if (q != VB_NO_COLUMN && q < row->n_stored) {
        const vb_csv_span f = row->fields[q];
        const char *v = rec + f.off;
        if (vb_ascii_iequal(v, f.len, "Response ID", 11) ||
            vb_ascii_iequal(v, f.len, "ResponseId", 10))
            return VB_SURVEY_QUALTRICS_QUESTIONS;
        static const char import_id[] = "{\"ImportId\"";
        if (f.len >= sizeof import_id - 1 && memcmp(v, import_id, sizeof import_id - 1) == 0)
            return VB_SURVEY_QUALTRICS_IMPORT_IDS;
    }
    const size_t m = ids->respondent_id;
    if (!right_after_names || m == VB_NO_COLUMN || m >= row->n_stored || row->fields[m].len > 0)
        return VB_SURVEY_NOT_HEADER;
    for (size_t i = 0; i < row->n_stored; i++)
        if (field_is(rec, row->fields[i], "Response") ||
            field_is(rec, row->fields[i], "Open-Ended Response"))
            return VB_SURVEY_MONKEY_ANSWERS;
    return VB_SURVEY_NOT_HEADER;
}

bool vb_survey_marks_open_ended(const char *rec, vb_csv_span f, vb_survey_row kind)
{
    if (kind == VB_SURVEY_MONKEY_ANSWERS) return field_is(rec, f, "Open-Ended Response");
    if (kind != VB_SURVEY_QUALTRICS_IMPORT_IDS) return false;
    static const char head[] = "{\"ImportId\":\"QID", tail[] = "_TEXT\"}";
    const char *v = rec + f.off, *end = v + f.len;
    if (f.len < sizeof head - 1 || memcmp(v, head, sizeof head - 1) != 0) return false;
    const char *p = v + sizeof head - 1;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p > v + sizeof head - 1 && (size_t)(end - p) == sizeof tail - 1 &&
           memcmp(p, tail, sizeof tail - 1) == 0;
}

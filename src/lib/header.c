/* header.c: a CSV export's header as the source reads it (header.h). */
#include "header.h"

#include <stdio.h>
#include <string.h>

void vb_header_init(vb_header *h, const vb_allocator *alloc)
{
    memset(h, 0, sizeof *h);
    h->alloc = alloc;
    h->survey = VB_SURVEY_IDS_NONE;
    h->marked_text_col = VB_NO_COLUMN;
}

void vb_header_free(vb_header *h)
{
    vb_free(h->alloc, h->names);
    vb_free(h->alloc, h->mem);
    vb_free(h->alloc, h->questions);
    vb_free(h->alloc, h->question_mem);
}

/* Copies a row's fields as NUL-terminated strings: *mem holds them,
 * *strings points into it. */
static vb_status store_row(const vb_allocator *a, const char *rec, const vb_csv_row *row,
                           char **mem, const char ***strings)
{
    size_t total = 0;
    for (size_t i = 0; i < row->n_stored; i++) {
        if (row->fields[i].len > (size_t)-1 / 2 - total) return VB_ENOMEM;
        total += row->fields[i].len + 1;
    }
    *mem = vb_malloc(a, total);
    *strings = vb_calloc(a, row->n_stored, sizeof **strings);
    if (*mem == NULL || *strings == NULL) return VB_ENOMEM;
    char *w = *mem;
    for (size_t i = 0; i < row->n_stored; i++) {
        memcpy(w, rec + row->fields[i].off, row->fields[i].len);
        w[row->fields[i].len] = '\0';
        (*strings)[i] = w;
        w += row->fields[i].len + 1;
    }
    return VB_OK;
}

vb_status vb_header_read_names(vb_header *h, const char *rec, const vb_csv_row *row)
{
    const vb_status st = store_row(h->alloc, rec, row, &h->mem, &h->names);
    if (st != VB_OK) return st;
    h->n = row->n_stored;
    h->survey = vb_survey_ids_find(h->names, h->n);
    return VB_OK;
}

/* The question column `col` asks: Qualtrics' questions row says it, other
 * exports name the column by it. */
static const char *question_of(const vb_header *h, size_t col)
{
    return col < h->n_questions ? h->questions[col] : h->names[col];
}

/* "no text column found; <lead>: A, B (choose one with --text-col)". */
static vb_status text_column_among(const char *lead, const char *const *names, size_t n, char *err,
                                   size_t size)
{
    snprintf(err, size, "no text column found; %s: ", lead);
    vb_columns_append_list(err, size, names, n);
    const size_t at = strlen(err);
    snprintf(err + at, size - at, " (choose one with --text-col)");
    return VB_EINVAL;
}

/* The error naming the `n` open-ended questions a survey header row
 * marks; Qualtrics names their columns Q2, Q4, so each says what it asks. */
static vb_status several_open_ended(const vb_header *h, const char *rec, const vb_csv_row *row,
                                    vb_survey_row kind, size_t n, char *err, size_t size)
{
    size_t bytes = 0;
    for (size_t i = 0; i < row->n_stored && i < h->n; i++)
        if (vb_survey_marks_open_ended(rec, row->fields[i], kind))
            bytes += strlen(h->names[i]) + strlen(question_of(h, i)) + 4; /* " ()" NUL */
    const char **names = vb_calloc(h->alloc, n, sizeof *names);
    char *labels = vb_malloc(h->alloc, bytes);
    if (names == NULL || labels == NULL) {
        vb_free(h->alloc, names);
        vb_free(h->alloc, labels);
        snprintf(err, size, "out of memory");
        return VB_ENOMEM;
    }
    char *w = labels;
    for (size_t i = 0, k = 0; k < n; i++) {
        if (!vb_survey_marks_open_ended(rec, row->fields[i], kind)) continue;
        const char *q = question_of(h, i);
        names[k++] = w;
        if (q == h->names[i] || q[0] == '\0')
            w += (size_t)snprintf(w, bytes - (size_t)(w - labels), "%s", h->names[i]) + 1;
        else
            w += (size_t)snprintf(w, bytes - (size_t)(w - labels), "%s (%s)", h->names[i], q) + 1;
    }
    char lead[64];
    snprintf(lead, sizeof lead, "the export has %zu open-ended questions", n);
    text_column_among(lead, names, n, err, size);
    vb_free(h->alloc, names);
    vb_free(h->alloc, labels);
    return VB_EINVAL;
}

vb_status vb_header_read_survey_row(vb_header *h, const char *rec, const vb_csv_row *row,
                                    vb_survey_row kind, char *err, size_t size)
{
    if (kind == VB_SURVEY_QUALTRICS_QUESTIONS && h->questions == NULL) {
        if (store_row(h->alloc, rec, row, &h->question_mem, &h->questions) != VB_OK) {
            snprintf(err, size, "out of memory");
            return VB_ENOMEM;
        }
        h->n_questions = row->n_stored;
        return VB_OK;
    }
    size_t n = 0, n_why = 0, why = VB_NO_COLUMN;
    for (size_t i = 0; i < row->n_stored && i < h->n; i++)
        if (vb_survey_marks_open_ended(rec, row->fields[i], kind)) {
            if (n++ == 0) h->marked_text_col = i;
            if (vb_columns_asks_why(question_of(h, i)) && n_why++ == 0) why = i;
        }
    if (n <= 1) return VB_OK;
    if (n_why == 1) {
        h->marked_text_col = why;
        return VB_OK;
    }
    h->marked_text_col = VB_NO_COLUMN;
    return several_open_ended(h, rec, row, kind, n, err, size);
}

size_t vb_header_text_column(const vb_header *h)
{
    if (h->marked_text_col != VB_NO_COLUMN) return h->marked_text_col;
    return vb_columns_guess_comment(h->names, h->n);
}

size_t vb_header_score_column(const vb_header *h)
{
    const size_t by_name = vb_columns_guess_score(h->names, h->n);
    if (by_name != VB_NO_COLUMN || h->n_questions == 0) return by_name;
    return vb_columns_guess_score(h->questions, h->n_questions);
}

vb_status vb_header_no_text_column(const vb_header *h, const char *hint, char *err, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++)
        n += vb_columns_asks_for_comment(h->names[i]);
    if (n > 1) {
        const char **asking = vb_calloc(h->alloc, n, sizeof *asking);
        if (asking == NULL) {
            snprintf(err, size, "out of memory");
            return VB_ENOMEM;
        }
        for (size_t i = 0, k = 0; i < h->n; i++)
            if (vb_columns_asks_for_comment(h->names[i])) asking[k++] = h->names[i];
        char lead[64];
        snprintf(lead, sizeof lead, "%zu questions ask for a comment", n);
        text_column_among(lead, asking, n, err, size);
        vb_free(h->alloc, asking);
        return VB_EINVAL;
    }
    snprintf(err, size, "no text column found; columns are: ");
    vb_columns_append_list(err, size, h->names, h->n);
    const size_t at = strlen(err);
    snprintf(err + at, size - at, " (%s)", hint);
    return VB_EINVAL;
}

/* header.h: a CSV export's header as the source reads it. The names row;
 * the rows a survey tool writes after it (Qualtrics' questions and import
 * ids, SurveyMonkey's answer kinds) and the open-ended question they
 * mark; the column that holds the comment when no option names one, or
 * the error that names the columns it could be.
 *
 * columns.c answers questions about names; this keeps them, and what the
 * survey's rows said, between the rows of one input. Errors go to the
 * caller's buffer (`err`, `size` bytes) with the status. */
#ifndef VB_HEADER_H
#define VB_HEADER_H

#include "alloc.h"
#include "columns.h"
#include "csv.h"

typedef struct vb_header {
    const vb_allocator *alloc;
    char *mem;
    const char **names; /* n names into mem; NULL before the names row */
    size_t n;
    vb_survey_ids survey;   /* a survey export's id columns, or none */
    char *question_mem;     /* Qualtrics: the questions' text per column */
    const char **questions; /* n_questions pointers into question_mem */
    size_t n_questions;
    size_t marked_text_col; /* the one open-ended question the rows marked */
} vb_header;

void vb_header_init(vb_header *h, const vb_allocator *alloc);
void vb_header_free(vb_header *h);

/* Keeps the names row `row` of record `rec`, and the survey id columns
 * among them. VB_ENOMEM is the only failure. */
vb_status vb_header_read_names(vb_header *h, const char *rec, const vb_csv_row *row);

/* Reads a survey header row of kind `kind`: Qualtrics' questions are kept
 * for their wording; marks of open-ended questions settle the comment's
 * column: the one marked, or of several the one that asks why the score
 * was given. Several alike: VB_EINVAL, naming them. */
vb_status vb_header_read_survey_row(vb_header *h, const char *rec, const vb_csv_row *row,
                                    vb_survey_row kind, char *err, size_t size);

/* The comment's column when no option names it: the one the survey's
 * rows marked, else by its name, else by its question's wording. */
size_t vb_header_text_column(const vb_header *h);

/* The score's column when the caller asks for it to be found: by its
 * name, else by its question (Qualtrics' questions row, once read, for
 * columns named Q1, Q2), read as a name is. VB_NO_COLUMN when none does. */
size_t vb_header_score_column(const vb_header *h);

/* The error when vb_header_text_column() found none: the questions that
 * ask for a comment alike, else all the columns, and `hint` (what to do).
 * VB_EINVAL, or VB_ENOMEM. */
vb_status vb_header_no_text_column(const vb_header *h, const char *hint, char *err, size_t size);

#endif

/* columns.h: what an export's header says. Columns found by name, the
 * column that most likely holds the comment (by its name, or by the
 * wording of the question it answers), and the header rows that
 * survey tools (Qualtrics, SurveyMonkey) write after the names, with the
 * open-ended questions they mark.
 *
 * Names are the header's, each NUL-terminated; columns are 0-based, and
 * VB_NO_COLUMN is none. source.c decides what to do with the answers. */
#ifndef VB_COLUMNS_H
#define VB_COLUMNS_H

#include "csv.h"

#include <stdbool.h>
#include <stddef.h>

#define VB_NO_COLUMN ((size_t)-1)

/* The column named `name`: exact first, then ignoring ASCII case and
 * surrounding spaces. */
size_t vb_columns_find(const char *const *names, size_t n, const char *name);

/* Another column with the name of column `col` (with `fold`, ignoring
 * ASCII case and surrounding spaces): a name that picks a column must
 * pick one. */
size_t vb_columns_twin(const char *const *names, size_t n, size_t col, bool fold);

/* The column whose name says it holds the comment (comment, feedback,
 * review text, NPS reason, ...; not a Qualtrics option's "other" box,
 * Q3_4_TEXT). Names that are questions are left to the next two. */
size_t vb_columns_guess_text(const char *const *names, size_t n);

/* Whether `name` alone names a comment's column ("comment", "Feedback",
 * "Review_Text", "verbatim", ...): the names vb_columns_guess_text()
 * takes first. */
bool vb_columns_is_text_name(const char *name);

/* Whether a column's name is a survey question that asks for the
 * respondent's own words ("What is the main reason for your score?",
 * "Anything else you'd like to tell us?"), not for a choice, a number on
 * a scale or a way to reach them. Google Forms and Typeform name each
 * column by its question. */
bool vb_columns_asks_for_comment(const char *name);

/* By name, else by the wording of the question (the two above): the
 * column that holds the comment, or VB_NO_COLUMN. */
size_t vb_columns_guess_comment(const char *const *names, size_t n);

/* The column that most likely holds the score: named as one ("score",
 * "NPS", "Rating", "CSAT", "Likelihood to recommend"), else named as
 * ending in one ("review_score", "Product Rating"; not "sentiment_score"
 * or "Reason for rating"), else a question that asks for one: how
 * likely the respondent is to recommend, before how satisfied, before
 * how easy, before any request to rate; not one that asks why or for a
 * comment. The first of the best; VB_NO_COLUMN when none. */
size_t vb_columns_guess_score(const char *const *names, size_t n);

/* Appends "a, b, c" to out (size bytes, already NUL-terminated), ending
 * with ", ..." when the list does not fit; a name that is empty is "". */
void vb_columns_append_list(char *out, size_t size, const char *const *names, size_t n);

/* Whether a question asks why the score was given ("Why?", "What is
 * the main reason for your score?"): of several open-ended questions,
 * the comment that explains the score. */
bool vb_columns_asks_why(const char *question);

/* The column among those that asks why the score was given, or else the
 * one that asks for a comment; VB_NO_COLUMN when none does or several
 * do alike. */
size_t vb_columns_guess_question(const char *const *names, size_t n);

/* The columns that tell a survey export's header rows from responses. */
typedef struct vb_survey_ids {
    /* Qualtrics' ResponseId, or, in an export without it, one of its
     * metadata columns where two or more are there (StartDate, EndDate,
     * ...; columns.c) */
    size_t qualtrics;
    const char *qualtrics_name;  /* that column's name in Qualtrics */
    const char *qualtrics_label; /* its text in the questions row, "Response ID" */
    size_t respondent_id; /* SurveyMonkey's Respondent ID */
} vb_survey_ids;

/* No survey's columns. */
#define VB_SURVEY_IDS_NONE ((vb_survey_ids){VB_NO_COLUMN, NULL, NULL, VB_NO_COLUMN})

vb_survey_ids vb_survey_ids_find(const char *const *names, size_t n);

static inline bool vb_survey_ids_any(const vb_survey_ids *ids)
{
    return ids->qualtrics != VB_NO_COLUMN || ids->respondent_id != VB_NO_COLUMN;
}

/* Header rows that survey tools write after the names: no responses, and
 * read as records they would put question text among the comments. */
typedef enum vb_survey_row {
    VB_SURVEY_NOT_HEADER,
    VB_SURVEY_QUALTRICS_QUESTIONS,  /* the questions' text */
    VB_SURVEY_QUALTRICS_IMPORT_IDS, /* {"ImportId":"QID2_TEXT"} per column */
    VB_SURVEY_MONKEY_ANSWERS        /* "Response", "Open-Ended Response", options */
} vb_survey_row;

/* What kind of survey header row a well-formed row of record `rec` is.
 * SurveyMonkey's row is only looked for `right_after_names`. */
vb_survey_row vb_survey_header_row(const vb_survey_ids *ids, const char *rec, const vb_csv_row *row,
                                   bool right_after_names);

/* Whether field `f` of a survey header row of kind `kind` marks an
 * open-ended question: a Qualtrics text entry's import id, "QID12_TEXT"
 * (not an option's "other" box, "QID3_4_TEXT"), or SurveyMonkey's
 * "Open-Ended Response". */
bool vb_survey_marks_open_ended(const char *rec, vb_csv_span f, vb_survey_row kind);

#endif

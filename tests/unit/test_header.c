/* test_header.c: what header.c keeps of a CSV export's header rows and
 * the comment's column it settles. The rows come through the source in
 * test_source.c (every chunking, every allocation failure); here each
 * function is called on rows built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "header.h"

#include <string.h>

enum { MAX_FIELDS = 8 };

/* A row of `rec` split at commas (no quotes in these tests). */
typedef struct row_of {
    vb_csv_span spans[MAX_FIELDS];
    vb_csv_row row;
} row_of;

static const vb_csv_row *split(row_of *r, const char *rec)
{
    memset(r, 0, sizeof *r);
    size_t start = 0, n = 0;
    for (size_t i = 0;; i++) {
        if (rec[i] != ',' && rec[i] != '\0') continue;
        assert_true(n < MAX_FIELDS);
        r->spans[n++] = (vb_csv_span){start, i - start};
        start = i + 1;
        if (rec[i] == '\0') break;
    }
    r->row.fields = r->spans;
    r->row.n_stored = r->row.n_fields = n;
    return &r->row;
}

static void read_names(vb_header *h, const char *rec)
{
    row_of r;
    vb_header_init(h, NULL);
    assert_int_equal(vb_header_read_names(h, rec, split(&r, rec)), VB_OK);
}

static void test_names_and_survey_ids(void **state)
{
    (void)state;
    vb_header h;
    read_names(&h, "StartDate,ResponseId,Q1,");
    assert_int_equal(h.n, 4);
    assert_string_equal(h.names[1], "ResponseId");
    assert_string_equal(h.names[3], "");
    assert_int_equal(h.survey.qualtrics, 1);
    assert_int_equal(h.survey.respondent_id, VB_NO_COLUMN);
    vb_header_free(&h);
}

/* Qualtrics: the questions row is kept, and of the two text entries its
 * import ids mark, the one whose question asks why is the comment. */
static void test_marks_and_the_question_that_asks_why(void **state)
{
    (void)state;
    vb_header h;
    char err[256] = "";
    row_of r;
    read_names(&h, "ResponseId,Q1,Q2,Q4");
    const char questions[] = "Response ID,Score,Anything else?,Why that score?";
    assert_int_equal(vb_header_read_survey_row(&h, questions, split(&r, questions),
                                               VB_SURVEY_QUALTRICS_QUESTIONS, err, sizeof err),
                     VB_OK);
    const char ids[] = "{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},"
                       "{\"ImportId\":\"QID2_TEXT\"},{\"ImportId\":\"QID4_TEXT\"}";
    /* split() cuts at every comma: the import ids have none inside. */
    assert_int_equal(vb_header_read_survey_row(&h, ids, split(&r, ids),
                                               VB_SURVEY_QUALTRICS_IMPORT_IDS, err, sizeof err),
                     VB_OK);
    assert_int_equal(vb_header_text_column(&h), 3);
    vb_header_free(&h);

    /* Without a question that asks why: the error says what each asks. */
    read_names(&h, "ResponseId,Q1,Q2,Q4");
    const char alike[] = "Response ID,Score,What went well?,What could be better?";
    assert_int_equal(vb_header_read_survey_row(&h, alike, split(&r, alike),
                                               VB_SURVEY_QUALTRICS_QUESTIONS, err, sizeof err),
                     VB_OK);
    assert_int_equal(vb_header_read_survey_row(&h, ids, split(&r, ids),
                                               VB_SURVEY_QUALTRICS_IMPORT_IDS, err, sizeof err),
                     VB_EINVAL);
    assert_string_equal(err, "no text column found; the export has 2 open-ended questions: "
                             "Q2 (What went well?), Q4 (What could be better?) (choose one "
                             "with --text-col)");
    assert_int_equal(h.marked_text_col, VB_NO_COLUMN);
    vb_header_free(&h);
}

/* No marks: by name, else by the question's wording; none: the error
 * names the questions that ask alike, else every column, with the hint. */
static void test_text_column_and_its_error(void **state)
{
    (void)state;
    vb_header h;
    char err[256];
    read_names(&h, "Timestamp,How likely are you to recommend us?,Why that score?");
    assert_int_equal(vb_header_text_column(&h), 2);
    vb_header_free(&h);

    read_names(&h, "#,What did you like most?,What could we do better?");
    assert_int_equal(vb_header_text_column(&h), VB_NO_COLUMN);
    assert_int_equal(vb_header_no_text_column(&h, "a hint", err, sizeof err), VB_EINVAL);
    assert_string_equal(err, "no text column found; 2 questions ask for a comment: What did you "
                             "like most?, What could we do better? (choose one with --text-col)");
    vb_header_free(&h);

    read_names(&h, "id,score,");
    assert_int_equal(vb_header_no_text_column(&h, "a hint", err, sizeof err), VB_EINVAL);
    assert_string_equal(err, "no text column found; columns are: id, score, \"\" (a hint)");
    vb_header_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_and_survey_ids),
        cmocka_unit_test(test_marks_and_the_question_that_asks_why),
        cmocka_unit_test(test_text_column_and_its_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

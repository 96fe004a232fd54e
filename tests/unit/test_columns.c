/* test_columns.c: what columns.c reads from an export's header. The
 * survey rows are tested through the source too (test_source.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "columns.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_find_and_twin(void **state)
{
    (void)state;
    const char *const names[] = {"id", " Comment ", "comment", "Score"};
    assert_int_equal(vb_columns_find(names, N(names), "comment"), 2); /* exact first */
    assert_int_equal(vb_columns_find(names, N(names), "SCORE"), 3);
    assert_int_equal(vb_columns_find(names, N(names), "date"), VB_NO_COLUMN);
    assert_int_equal(vb_columns_twin(names, N(names), 2, false), VB_NO_COLUMN);
    assert_int_equal(vb_columns_twin(names, N(names), 2, true), 1);
}

static void test_guess_text(void **state)
{
    (void)state;
    const char *const exact[] = {"Review Title", "Review_Text", "Comment"};
    assert_int_equal(vb_columns_guess_text(exact, N(exact)), 2); /* "comment" ranks first */
    const char *const hinted[] = {"Review Title", "Review Content", "Reviewer Id"};
    assert_int_equal(vb_columns_guess_text(hinted, N(hinted)), 1);
    const char *const other_box[] = {"ResponseId", "Q3_4_TEXT", "Q2"};
    assert_int_equal(vb_columns_guess_text(other_box, N(other_box)), VB_NO_COLUMN);
    const char *const text_entry[] = {"Q3_4_TEXT", "Q2_TEXT"};
    assert_int_equal(vb_columns_guess_text(text_entry, N(text_entry)), 1);
}

static void test_survey_ids(void **state)
{
    (void)state;
    const char *const qualtrics[] = {"StartDate", "ResponseId", "Q1"};
    vb_survey_ids ids = vb_survey_ids_find(qualtrics, N(qualtrics));
    assert_int_equal(ids.response_id, 1);
    assert_int_equal(ids.respondent_id, VB_NO_COLUMN);
    const char *const monkey[] = {"RespondentID", "Collector ID"};
    ids = vb_survey_ids_find(monkey, N(monkey));
    assert_int_equal(ids.respondent_id, 0);
    assert_true(vb_survey_ids_any(&ids));
    const char *const plain[] = {"id", "comment"};
    ids = vb_survey_ids_find(plain, N(plain));
    assert_false(vb_survey_ids_any(&ids));
}

static vb_csv_span span_of(const char *rec, const char *value)
{
    const char *at = strstr(rec, value);
    return (vb_csv_span){(size_t)(at - rec), strlen(value)};
}

static void test_open_ended_marks(void **state)
{
    (void)state;
    static const char rec[] = "{\"ImportId\":\"QID12_TEXT\"} {\"ImportId\":\"QID3_4_TEXT\"} "
                              "{\"ImportId\":\"QID_TEXT\"} Open-Ended Response";
    const vb_csv_span qid12 = span_of(rec, "{\"ImportId\":\"QID12_TEXT\"}");
    const vb_csv_span other = span_of(rec, "{\"ImportId\":\"QID3_4_TEXT\"}");
    const vb_csv_span no_number = span_of(rec, "{\"ImportId\":\"QID_TEXT\"}");
    const vb_csv_span open = span_of(rec, "Open-Ended Response");
    assert_true(vb_survey_marks_open_ended(rec, qid12, VB_SURVEY_QUALTRICS_IMPORT_IDS));
    assert_false(vb_survey_marks_open_ended(rec, other, VB_SURVEY_QUALTRICS_IMPORT_IDS));
    assert_false(vb_survey_marks_open_ended(rec, no_number, VB_SURVEY_QUALTRICS_IMPORT_IDS));
    assert_false(vb_survey_marks_open_ended(rec, qid12, VB_SURVEY_QUALTRICS_QUESTIONS));
    assert_true(vb_survey_marks_open_ended(rec, open, VB_SURVEY_MONKEY_ANSWERS));
    assert_false(vb_survey_marks_open_ended(rec, open, VB_SURVEY_QUALTRICS_IMPORT_IDS));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_and_twin),
        cmocka_unit_test(test_guess_text),
        cmocka_unit_test(test_survey_ids),
        cmocka_unit_test(test_open_ended_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

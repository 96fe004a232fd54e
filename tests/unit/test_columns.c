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
    /* A reason may name the score it explains; a code may not. */
    const char *const reason[] = {"Rating", "Reason Code", "Reason for rating"};
    assert_int_equal(vb_columns_guess_text(reason, N(reason)), 2);
    const char *const nps_why[] = {"Score", "NPS_why"};
    assert_int_equal(vb_columns_guess_text(nps_why, N(nps_why)), 1);
    /* A question is read by its wording, not by a word of its name. */
    const char *const question[] = {"How satisfied are you with the review process?"};
    assert_int_equal(vb_columns_guess_text(question, N(question)), VB_NO_COLUMN);
}

/* The score's column: a name that is a score's, then one that ends as
 * one, then a question that asks for one, as exports and survey tools
 * write them. */
static void test_guess_score(void **state)
{
    (void)state;
    static const struct {
        const char *names[4];
        size_t want;
    } cases[] = {
        {{"response_id", "date", "score", "comment"}, 2},
        {{"Clothing ID", "Age", "Rating", "Recommended IND"}, 2},
        {{"Rating", "NPS Score", "Comment", NULL}, 1},                     /* NPS before a rating */
        {{"order_id", "review_score", "review_comment_message", NULL}, 1}, /* Olist */
        {{"Net Promoter Score", "Verbatim", NULL, NULL}, 0},
        {{"Likelihood to Recommend", "Why", NULL, NULL}, 0},
        {{"sentiment_score", "Reason for rating", "Product Rating", NULL}, 2},
        {{"Timestamp", "How likely are you to recommend us to a friend or colleague?",
          "What is the main reason for your score?", NULL},
         1},
        /* Recommending outranks satisfaction, which outranks a rating. */
        {{"How would you rate the app?", "How satisfied were you with the call?",
          "How likely are you to recommend us?", NULL},
         2},
        {{"Overall, how easy was it to get help?", "Anything else?", NULL, NULL}, 0},
        /* A question that asks why, or for words, is no score. */
        {{"Why did you give this rating?", "Please tell us how we could improve our rating", NULL,
          NULL},
         VB_NO_COLUMN},
        {{"id", "comment", "region", "sentiment_score"}, VB_NO_COLUMN},
    };
    for (size_t i = 0; i < N(cases); i++) {
        size_t n = 0;
        while (n < 4 && cases[i].names[n] != NULL)
            n++;
        assert_int_equal(vb_columns_guess_score(cases[i].names, n), cases[i].want);
    }
}

/* The metric a score column's name asks for, as exports and survey tools
 * name them; names that say nothing of it keep the default, NPS. */
static void test_metric_of_column(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        vb_metric want;
    } cases[] = {
        {"score", VB_METRIC_NPS},
        {"Overall score", VB_METRIC_NPS},
        {"NPS", VB_METRIC_NPS},
        {"NPSScore", VB_METRIC_NPS},
        {"NPS rating", VB_METRIC_NPS}, /* the recommendation before the rating */
        {"Likelihood to Recommend", VB_METRIC_NPS},
        {"How likely are you to recommend us to a friend?", VB_METRIC_NPS},
        {"CSAT", VB_METRIC_CSAT},
        {"csat_score", VB_METRIC_CSAT},
        {"CSATRating", VB_METRIC_CSAT},
        {"Overall Satisfaction", VB_METRIC_CSAT},
        {"How satisfied were you with the call?", VB_METRIC_CSAT},
        {"CES", VB_METRIC_CES},
        {"CES Score", VB_METRIC_CES},
        {"Customer Effort Score", VB_METRIC_CES},
        {"Overall, how easy was it to get help?", VB_METRIC_CES},
        {"Rating", VB_METRIC_MEAN},
        {"StarRating", VB_METRIC_MEAN},
        {"stars", VB_METRIC_MEAN},
        {"review_score", VB_METRIC_MEAN}, /* Olist: 1-5 */
        {"Product Rating", VB_METRIC_MEAN},
        {"How would you rate the app?", VB_METRIC_MEAN},
        /* "ces" inside a word is not CES. */
        {"process_score", VB_METRIC_NPS},
        {"services", VB_METRIC_NPS},
    };
    for (size_t i = 0; i < N(cases); i++) {
        if (vb_metric_of_column(cases[i].name) != cases[i].want)
            fail_msg("\"%s\": %s, expected %s", cases[i].name,
                     vb_metric_name(vb_metric_of_column(cases[i].name)),
                     vb_metric_name(cases[i].want));
    }
}

/* Questions as survey tools' templates word them: those that ask for the
 * respondent's own words, and those that ask for a choice, a number or a
 * way to reach them, some with a word of the first kind. */
static void test_asks_for_comment(void **state)
{
    (void)state;
    static const char *const open[] = {"What is the primary reason for your score?",
                                       "What's the main reason for your score?",
                                       "Why did you give us this rating?",
                                       "Please tell us why you gave that score",
                                       "What could we do better?",
                                       "How can we improve?",
                                       "Is there anything else you would like to tell us?",
                                       "Any other comments or suggestions?",
                                       "What did you like most about your visit?",
                                       "Do you have any feedback for our team?",
                                       "Please describe your experience",
                                       "In your own words, how was your stay?",
                                       "How could we have made your experience better?",
                                       "What is the main reason you are cancelling?",
                                       "Tell us more",
                                       "Please write your review",
                                       "In a few words, how was your stay?",
                                       "Why?",
                                       "Comments:"};
    static const char *const closed[] = {
        "How likely are you to recommend us to a friend or colleague?",
        "How satisfied were you with the support you received?",
        "Overall, how would you rate your experience?",
        "Which of the following best describes you?",
        "What is your email address?",
        "Did we resolve your issue?",
        "How did you hear about us?",
        "Can we contact you about your feedback?",
        "May we follow up with you about your comments?",
        "How satisfied are you with how we handled your feedback?",
        "Which of these should we improve first? (select all that apply)",
        "Other (please specify)",
        "Timestamp",
        "Additional comments", /* a field's name: vb_columns_guess_text's */
        "On a scale of 0-10, how likely are you to recommend us?"};
    for (size_t i = 0; i < N(open); i++)
        if (!vb_columns_asks_for_comment(open[i]))
            fail_msg("should ask for a comment: %s", open[i]);
    for (size_t i = 0; i < N(closed); i++)
        if (vb_columns_asks_for_comment(closed[i]))
            fail_msg("should not ask for a comment: %s", closed[i]);
}

static void test_guess_question(void **state)
{
    (void)state;
    /* Google Forms: the reason for the score before "anything else". */
    const char *const forms[] = {"Timestamp", "How likely are you to recommend us?",
                                 "Is there anything else you would like to tell us?",
                                 "What is the main reason for your score?", "Email Address"};
    assert_int_equal(vb_columns_guess_question(forms, N(forms)), 3);
    /* One question that asks for a comment is the comment. */
    const char *const one[] = {"#", "How easy was it?", "What could we do better?"};
    assert_int_equal(vb_columns_guess_question(one, N(one)), 2);
    /* Two alike, or no question: none. */
    const char *const two[] = {"What did you like most?", "What could we do better?"};
    assert_int_equal(vb_columns_guess_question(two, N(two)), VB_NO_COLUMN);
    const char *const two_why[] = {"Why did you choose us?", "Why that score?"};
    assert_int_equal(vb_columns_guess_question(two_why, N(two_why)), VB_NO_COLUMN);
    assert_true(vb_columns_asks_why("What is the main reason for your score?"));
    assert_true(vb_columns_asks_why("Why?"));
    assert_false(vb_columns_asks_why("What is the main reason for your visit?"));
    assert_false(vb_columns_asks_why("Anything else you would like to tell us?"));
    const char *const none[] = {"id", "Score", "Date"};
    assert_int_equal(vb_columns_guess_question(none, N(none)), VB_NO_COLUMN);
}

static void test_survey_ids(void **state)
{
    (void)state;
    const char *const qualtrics[] = {"StartDate", "ResponseId", "Q1"};
    vb_survey_ids ids = vb_survey_ids_find(qualtrics, N(qualtrics));
    assert_int_equal(ids.qualtrics, 1);
    assert_string_equal(ids.qualtrics_label, "Response ID");
    assert_int_equal(ids.respondent_id, VB_NO_COLUMN);
    /* without ResponseId, two of Qualtrics' metadata columns mark it */
    const char *const no_response_id[] = {"Q1", "EndDate", "StartDate", "Q2"};
    ids = vb_survey_ids_find(no_response_id, N(no_response_id));
    assert_int_equal(ids.qualtrics, 2);
    assert_string_equal(ids.qualtrics_label, "Start Date");
    const char *const one_meta[] = {"Progress", "comment"};
    ids = vb_survey_ids_find(one_meta, N(one_meta));
    assert_false(vb_survey_ids_any(&ids));
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
        cmocka_unit_test(test_find_and_twin),    cmocka_unit_test(test_guess_text),
        cmocka_unit_test(test_asks_for_comment), cmocka_unit_test(test_guess_question),
        cmocka_unit_test(test_survey_ids),       cmocka_unit_test(test_open_ended_marks),
        cmocka_unit_test(test_guess_score),      cmocka_unit_test(test_metric_of_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_source.c: what source.c adds over the format readers: format names
 * and sniffing, a CSV's delimiter, a Qualtrics export's extra header
 * rows, plain text lines, the BOM, feeding
 * rules, constant memory,
 * out-of-memory handling, and chunk-independence on random inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../fixtures/readers/harness.h"

static void test_format_from_name(void **state)
{
    (void)state;
    assert_int_equal(vb_format_from_name("export.csv"), VB_FORMAT_CSV);
    assert_int_equal(vb_format_from_name("/data/x.y/EXPORT.CSV"), VB_FORMAT_CSV);
    assert_int_equal(vb_format_from_name("a.tsv"), VB_FORMAT_TSV);
    assert_int_equal(vb_format_from_name("a.Tab"), VB_FORMAT_TSV);
    assert_int_equal(vb_format_from_name("a.jsonl"), VB_FORMAT_JSONL);
    assert_int_equal(vb_format_from_name("a.ndjson"), VB_FORMAT_JSONL);
    assert_int_equal(vb_format_from_name("a.json"), VB_FORMAT_JSONL);
    assert_int_equal(vb_format_from_name("notes.txt"), VB_FORMAT_TEXT);
    /* Only the last extension counts. */
    assert_int_equal(vb_format_from_name("export.csv.gz"), VB_FORMAT_AUTO);
    assert_int_equal(vb_format_from_name("dir.csv/file"), VB_FORMAT_AUTO);
    assert_int_equal(vb_format_from_name("-"), VB_FORMAT_AUTO);
    assert_int_equal(vb_format_from_name("README"), VB_FORMAT_AUTO);
    assert_int_equal(vb_format_from_name(NULL), VB_FORMAT_AUTO);
}

#define SNIFF(s) vb_format_sniff((s), sizeof(s) - 1)

static void test_format_sniff(void **state)
{
    (void)state;
    assert_int_equal(SNIFF("{\"a\":1}\n"), VB_FORMAT_JSONL);
    assert_int_equal(SNIFF("\xEF\xBB\xBF \r\n\t {\"a\""), VB_FORMAT_JSONL);
    assert_int_equal(SNIFF("id\tcomment\tx,y\n"), VB_FORMAT_TSV);
    assert_int_equal(SNIFF("\tcomment\n"), VB_FORMAT_TSV);
    assert_int_equal(SNIFF("id,comment\n1\t2\t3\t4\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("\n\nid,comment"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("just words\nand, more\n"), VB_FORMAT_TEXT);
    assert_int_equal(SNIFF("[1,2]\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF(""), VB_FORMAT_TEXT);
    /* Semicolons delimit as commas do; tabs only where they outnumber both. */
    assert_int_equal(SNIFF("id;score;comment\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("id\tscore;comment;x\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("id\tscore\tcomment;x\n"), VB_FORMAT_TSV);
    /* Only delimiters outside quotes count; the first line ends at its
     * line end, quoted or not, so the answer does not wait for a quote. */
    assert_int_equal(SNIFF("\"great, thanks\"\n"), VB_FORMAT_TEXT);
    assert_int_equal(SNIFF("\"id\",\"comment\"\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("\"a\nb,c\"\n"), VB_FORMAT_TEXT);
    /* A one-column CSV has no delimiter, but its header names the comment
     * column: its quoted comments may span lines, which plain text would
     * cut apart. Only a name alone counts, not a comment that holds one. */
    assert_int_equal(SNIFF("comment\n\"great\nstaff\"\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("\xEF\xBB\xBF\r\n\"Feedback\" \r\nfine\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("Review_Text\n"), VB_FORMAT_CSV);
    assert_int_equal(SNIFF("great feedback\nthanks\n"), VB_FORMAT_TEXT);
    assert_int_equal(SNIFF("Comment on the app\n"), VB_FORMAT_TEXT);
    assert_int_equal(SNIFF("commentary\n"), VB_FORMAT_TEXT);
}

/* Inputs named as a CSV, and on stdin (sniffed): the delimiter tests run
 * on both. */
static const char *const csv_and_stdin[] = {"export.csv", "-"};

/* A CSV's delimiter, when not given, is ';' where the first line has more
 * semicolons than commas outside quotes, else ','; by name, by format or
 * sniffed alike. */
static void test_delimiter_from_the_first_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
        spec.source_name = csv_and_stdin[i];
        spec.id_col = "id";
        check_records(&spec,
                      "id;score;comment\r\n7;9;\"fast, kind; and cheap\"\r\n8;3;slow, rude\r\n",
                      "2: t=[fast, kind; and cheap] id=[7]\n"
                      "3: t=[slow, rude] id=[8]\n");
        check_records(&spec, "id,\"comment; free text\",x;y\n7,a;b,c\n", "2: t=[a;b] id=[7]\n");
        /* A tie is a comma. */
        check_records(&spec, "id,comment;x\n7,a;b\n", "2: t=[a;b] id=[7]\n");
        spec.id_col = "Id;No";
        check_records(&spec, "\xEF\xBB\xBF\"Id;No\",comment\n\"7\",\"a;b;c\"\n",
                      "2: t=[a;b;c] id=[7]\n");
    }
    /* Without a header, the first row decides. */
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.has_header = false;
    spec.text_col = "3";
    check_records(&spec, "7;9;Good service, fast\n8;3;ok\n",
                  "1: t=[Good service, fast] id=-\n"
                  "2: t=[ok] id=-\n");
}

/* Excel's first line "sep=;" names the delimiter and is no header row;
 * the lines after it keep their numbers. A delimiter or a TSV format the
 * caller gave wins, and the line is skipped all the same. */
static void test_excel_sep_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
        spec.source_name = csv_and_stdin[i];
        spec.id_col = "id";
        check_records(&spec, "sep=;\r\nid;comment\r\n7;fast, kind\r\n",
                      "3: t=[fast, kind] id=[7]\n");
        check_records(&spec, "\xEF\xBB\xBF\"sep=|\"\nid|comment\n7|a;b,c\n",
                      "3: t=[a;b,c] id=[7]\n");
        check_records(&spec, "SEP=\t\rid\tcomment\r7\tok\r", "3: t=[ok] id=[7]\n");
        /* Not the directive: a header that starts so, or a letter. */
        check_records(&spec, "sep=x,comment,id\n1,ok,7\n", "2: t=[ok] id=[7]\n");
        spec.text_col = "1";
        spec.id_col = NULL;
        check_records(&spec, "sep=a\nok\n", "2: t=[ok] id=-\n");
    }
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.delimiter = ',';
    spec.id_col = "id";
    check_records(&spec, "sep=;\nid,comment\n7,a;b\n", "3: t=[a;b] id=[7]\n");
    spec = spec_of(VB_FORMAT_TSV);
    spec.id_col = "id";
    check_records(&spec, "sep=;\nid\tcomment\n7\ta;b\n", "3: t=[a;b] id=[7]\n");
    /* Plain text keeps every line as a comment. */
    spec = spec_of(VB_FORMAT_TEXT);
    check_records(&spec, "sep=;\nok\n", "1: t=[sep=;] id=-\n2: t=[ok] id=-\n");
}

/* A .txt is comments one per line, or TSV when its first line has a tab:
 * Excel saves "Text (tab delimited)" and "Unicode text" as .txt. A format
 * given is kept. */
static void test_txt_is_text_or_tab_separated(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
    spec.source_name = "export.txt";
    check_records(&spec, "id\tcomment\n7\tslow, rude; late\n", "2: t=[slow, rude; late] id=-\n");
    check_records(&spec, "slow, rude\nfine\tthanks\n",
                  "1: t=[slow, rude] id=-\n"
                  "2: t=[fine\\tthanks] id=-\n");
    check_records(&spec, "{\"comment\": \"fine\"}\n", "1: t=[{\"comment\": \"fine\"}] id=-\n");
    spec = spec_of(VB_FORMAT_TEXT);
    spec.source_name = "export.txt";
    check_records(&spec, "id\tcomment\n", "1: t=[id\\tcomment] id=-\n");
}

/* A delimiter given by the caller: the input is delimited whatever its
 * name says; a tab makes TSV; bytes that cannot separate fields, and
 * formats that have no fields, are refused when the source is made. */
static void test_delimiter_given(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
    spec.source_name = "notes.txt";
    spec.delimiter = '|';
    check_records(&spec, "id|comment\n7|a, b; c\n", "2: t=[a, b; c] id=-\n");
    spec.source_name = "export.csv";
    spec.delimiter = ',';
    check_records(&spec, "id;x,comment\n7;1,fine\n", "2: t=[fine] id=-\n");
    spec.delimiter = '\t';
    vb_source *s = vb_source_new(&spec, NULL, NULL);
    assert_non_null(s);
    assert_int_equal(vb_source_format(s), VB_FORMAT_TSV);
    vb_source_free(s);

    static const struct {
        vb_format format;
        char delimiter;
        const char *message;
    } refused[] = {
        {VB_FORMAT_CSV, 'a',
         "delimiter 'a' cannot separate fields: give a punctuation byte other than '\"' "
         "(',', ';', '|', ...) or a tab"},
        {VB_FORMAT_CSV, '"',
         "delimiter '\"' cannot separate fields: give a punctuation byte other than '\"' "
         "(',', ';', '|', ...) or a tab"},
        {VB_FORMAT_AUTO, '\n',
         "delimiter 0x0A cannot separate fields: give a punctuation byte other than '\"' "
         "(',', ';', '|', ...) or a tab"},
        {VB_FORMAT_JSONL, ';', "a delimiter is for CSV input, not jsonl"},
        {VB_FORMAT_TEXT, ',', "a delimiter is for CSV input, not text"},
        {VB_FORMAT_TSV, ';',
         "TSV fields are separated by tabs: with delimiter ';' the format is csv"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        spec = spec_of(refused[i].format);
        spec.delimiter = refused[i].delimiter;
        vb_error err;
        assert_null(vb_source_new(&spec, NULL, &err));
        assert_int_equal(err.code, VB_EINVAL);
        assert_string_equal(err.message, refused[i].message);
    }
}

/* One cell of a Qualtrics import-id row, quoted as the export writes it:
 * "{""ImportId"":""QID2_TEXT""}". */
#define IMPORT_ID(id) "\"{\"\"ImportId\"\":\"\"" id "\"\"}\""

/* A Qualtrics export writes two more header rows after the names (the
 * questions' text and the import ids; the legacy format, the text only):
 * they are no responses. The rule needs the ResponseId column, or two of
 * Qualtrics' metadata columns, so another export's row with the same
 * words stays a record. */
static void test_qualtrics_header_rows(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.text_col = "Q2";
    check_records(
        &spec,
        "StartDate,ResponseId,Q2\n"
        "Start Date,Response ID,What is the main reason for your score?\n"
        IMPORT_ID("startDate") "," IMPORT_ID("_recordId") ","
        IMPORT_ID("QID2_TEXT") "\n"
        "2026-10-01,R_1,Quick and friendly\n",
        "4: t=[Quick and friendly] id=-\n");
    check_records(&spec,
                  "V1,ResponseID,Q2\r\n"
                  "ResponseSet,ResponseID,Why?\r\n"
                  "Default,R_2,Slow\r\n",
                  "3: t=[Slow] id=-\n");
    check_records(&spec, "Id,Q2\nResponse ID,Why?\n", "2: t=[Why?] id=-\n");
    /* an export without ResponseId: its metadata columns mark the rows */
    check_records(
        &spec,
        "StartDate,EndDate,Q2\n"
        "Start Date,End Date,What is the main reason for your score?\n"
        IMPORT_ID("startDate") "," IMPORT_ID("endDate") "," IMPORT_ID("QID2_TEXT") "\n"
        "2026-10-01,2026-10-01,Quick and friendly\n",
        "4: t=[Quick and friendly] id=-\n");
    check_records(&spec,
                  "StartDate,EndDate,Q2\r\n"
                  "StartDate,EndDate,Why?\r\n"
                  "2026-10-02,2026-10-02,Slow\r\n",
                  "3: t=[Slow] id=-\n");
    /* one such column is no survey's: its row stays a record */
    check_records(&spec, "Progress,Q2\nProgress,Why?\n", "2: t=[Why?] id=-\n");
}

/* A ResponseId column after the comment's is still read, so that the
 * header rows are told from responses whichever columns are asked for. */
static void test_qualtrics_response_id_after_the_text(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.text_col = "Q1";
    check_records(&spec,
                  "Q1,Q2,ResponseId\n"
                  "Why?,Score,Response ID\n"
                  IMPORT_ID("QID1_TEXT") "," IMPORT_ID("QID2") ","
                  IMPORT_ID("_recordId") "\n"
                  "Great service,9,R_1\n",
                  "4: t=[Great service] id=-\n");
}

/* SurveyMonkey writes one more header row after the names: no Respondent
 * ID, "Response" or "Open-Ended Response" under each question, an
 * option's label under each option. Only that row, right after the names:
 * a later row, or one without those words, is a response. */
#define SURVEYMONKEY_NAMES "Respondent ID,Collector ID,Score,Why?,Channel\n"

static void test_surveymonkey_header_row(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.text_col = "Why?";
    check_records(&spec,
                  SURVEYMONKEY_NAMES ",,Response,Open-Ended Response,Email\n114,431,9,Fast,\n",
                  "3: t=[Fast] id=-\n");
    check_records(&spec, SURVEYMONKEY_NAMES ",,9,Response time,\n", "2: t=[Response time] id=-\n");
    check_records(&spec, SURVEYMONKEY_NAMES ",,7,Late,\n", "2: t=[Late] id=-\n");
    check_records(&spec, SURVEYMONKEY_NAMES "114,431,9,Fine,\n,,Response,Open-Ended Response,\n",
                  "2: t=[Fine] id=-\n"
                  "3: t=[Open-Ended Response] id=-\n");
    spec.text_col = "4";
    check_records(&spec,
                  SURVEYMONKEY_NAMES ",,Response,Open-Ended Response,Email\n115,431,3,Slow,\n",
                  "3: t=[Slow] id=-\n");
}

/* Without --text-col, and no name that looks like the comment's (Q1, Q2;
 * or the questions' own text), a survey export's header rows say which
 * question is open-ended: a Qualtrics text entry ("QID2_TEXT", not an
 * option's "other" box), SurveyMonkey's "Open-Ended Response". One is the
 * comment; of several, the one that asks why the score was given, else
 * they are listed for the user to choose from; none leaves
 * the usual error, at the first response or at the end. */
static void test_survey_text_column_from_its_header_rows(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.id_col = "ResponseId";
    check_records(&spec,
                  "ResponseId,Q1,Q3_4_TEXT,Q2\n"
                  "Response ID,Score,Other,Why?\n"
                  IMPORT_ID("_recordId") "," IMPORT_ID("QID1") ","
                  IMPORT_ID("QID3_4_TEXT") ","
                  IMPORT_ID("QID2_TEXT") "\n"
                  "R_1,9,,Quick and friendly\n",
                  "4: t=[Quick and friendly] id=[R_1]\n");
    check_records(&spec,
                  "ResponseId,Q1,Q2,Q4\n"
                  "Response ID,Score,What went well?,What could be better?\n"
                  IMPORT_ID("_recordId") "," IMPORT_ID("QID1") ","
                  IMPORT_ID("QID2_TEXT") ","
                  IMPORT_ID("QID4_TEXT") "\n"
                  "R_1,9,Staff,Parking\n",
                  "FATAL EINVAL(no text column found; the export has 2 open-ended questions: "
                  "Q2 (What went well?), Q4 (What could be better?) (choose one with "
                  "--text-col))\n");
    /* Of several, the one whose question (the row after the names) asks
     * why the score was given. */
    static const char why[] =
        "ResponseId,Q1,Q2,Q4\n"
        "Response ID,Score,Anything else?,What is the main reason for your score?\n"
        IMPORT_ID("_recordId") "," IMPORT_ID("QID1") ","
        IMPORT_ID("QID2_TEXT") ","
        IMPORT_ID("QID4_TEXT") "\n"
        "R_1,9,No,Quick and friendly\n";
    check_records(&spec, why, "4: t=[Quick and friendly] id=[R_1]\n");
    check_every_oom(&spec, why, sizeof why - 1, 16, "4: t=[Quick and friendly] id=[R_1]\n");
    check_records(&spec,
                  "ResponseId,Q1,Q2\n"
                  "Response ID,Score,Age\n"
                  "R_1,9,40\n",
                  "FATAL EINVAL(no text column found; columns are: ResponseId, Q1, Q2 (choose "
                  "one with --text-col))\n");
    check_records(&spec, "ResponseId,Q1,Q2\nResponse ID,Score,Age\n",
                  "FATAL EINVAL(no text column found; columns are: ResponseId, Q1, Q2 (choose "
                  "one with --text-col))\n");
    /* A name that looks like the comment's still decides. */
    check_records(
        &spec,
        "ResponseId,Q2,Comments\n"
        IMPORT_ID("_recordId") "," IMPORT_ID("QID2_TEXT") ","
        IMPORT_ID("QID5") "\n"
        "R_1,Staff,Parking\n",
        "3: t=[Parking] id=[R_1]\n");
    spec.id_col = NULL;
    check_records(&spec,
                  "Respondent ID,How likely are you to recommend us?,What is the main reason?\n"
                  ",Response,Open-Ended Response\n"
                  "114,9,Fast and friendly\n",
                  "3: t=[Fast and friendly] id=-\n");
}

/* A source fed all of `input` that has given its first record, whose
 * header is then read. */
static vb_source *at_first_record(const vb_source_spec *spec, const char *input)
{
    vb_source *s = vb_source_new(spec, NULL, NULL);
    assert_non_null(s);
    assert_int_equal(vb_source_feed(s, input, strlen(input)), VB_OK);
    assert_int_equal(vb_source_finish(s), VB_OK);
    vb_source_record r;
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    return s;
}

/* The text column's name when a question's wording chose it, for the
 * caller to say which column it read; NULL when a name said comment or
 * the caller named the column. */
static const char *chosen_by_question(const vb_source_spec *spec, const char *input)
{
    static char name[128];
    vb_source *s = at_first_record(spec, input);
    const char *found = vb_source_text_column_by_question(s);
    if (found != NULL) snprintf(name, sizeof name, "%s", found);
    vb_source_free(s);
    return found != NULL ? name : NULL;
}

static void test_text_column_chosen_by_question(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    static const char forms[] = "Timestamp,How likely are you to recommend us?,"
                                "What is the main reason for your score?\n"
                                "2026/11/01,9,Fast and friendly\n";
    assert_string_equal(chosen_by_question(&spec, forms),
                        "What is the main reason for your score?");
    assert_null(chosen_by_question(&spec, "id,Review Text\n1,Fine\n"));
    assert_null(chosen_by_question(&spec, "id,comment\n1,Fine\n"));
    spec.text_col = "3";
    assert_null(chosen_by_question(&spec, forms));

    spec = spec_of(VB_FORMAT_JSONL);
    assert_string_equal(
        chosen_by_question(&spec, "{\"id\":1,\"Why did you give that score?\":\"Slow\"}\n"),
        "Why did you give that score?");
    assert_null(chosen_by_question(&spec, "{\"id\":1,\"feedback\":\"Slow\"}\n"));
}

/* A comment over several columns (an app review's title and body): the
 * parts that are not blank, each on a line of its own, in the order the
 * columns were given. */
static void test_text_over_several_columns(void **state)
{
    (void)state;
    static const char *const body[] = {"Review"};
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    spec.text_col = "Title";
    spec.more_text_cols = body;
    spec.n_more_text_cols = 1;
    check_records(&spec,
                  "Title,Rating,Review\n"
                  "Great app,4,Crashes on login\n"
                  "Love it,5,\n"
                  " ,2,Late again\n"
                  "Short row,3\n",
                  "2: t=[Great app\\nCrashes on login] id=-\n"
                  "3: t=[Love it] id=-\n"
                  "4: t=[Late again] id=-\n"
                  "5: t=[Short row] id=-\n");
    static const char *const two[] = {"b", "c"};
    spec = spec_of(VB_FORMAT_JSONL);
    spec.text_col = "a";
    spec.more_text_cols = two;
    spec.n_more_text_cols = 2;
    check_records(&spec,
                  "{\"a\":\"Slow\",\"b\":null,\"c\":\"Rude staff\"}\n"
                  "{\"c\":\"Only this\"}\n"
                  "{\"a\":\"x\",\"b\":true}\n",
                  "1: t=[Slow\\nRude staff] id=-\n"
                  "2: t=[Only this] id=-\n"
                  "3: !EPARSE(field \"b\": a boolean, not text) id=-\n");

    static const struct {
        vb_format format;
        const char *text_col, *message;
    } refused[] = {
        {VB_FORMAT_CSV, NULL, "a text over several columns needs its first column named"},
        {VB_FORMAT_TEXT, "1", "plain text input has no columns"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        spec = spec_of(refused[i].format);
        spec.text_col = refused[i].text_col;
        spec.more_text_cols = body;
        spec.n_more_text_cols = 1;
        vb_error err;
        assert_null(vb_source_new(&spec, NULL, &err));
        assert_int_equal(err.code, VB_EINVAL);
        assert_string_equal(err.message, refused[i].message);
    }
}

/* When no header name looks like the comment's, the error says what else
 * may be wrong: a sniffed format (plain comments with a comma), or a
 * header of one column that holds another delimiter. */
static void test_no_text_column_hints(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
    spec.source_name = "-";
    check_records(&spec, "great service, fast delivery\n",
                  "FATAL EINVAL(no text column found; columns are: great service,  fast delivery "
                  "(choose one with --text-col, or give --format text if each line is one "
                  "comment))\n");
    spec.source_name = "export.csv";
    spec.delimiter = ',';
    check_records(
        &spec, "id;score;comment\n7;9;fine\n",
        "FATAL EINVAL(no text column found; columns are: id;score;comment (choose one with "
        "--text-col, or give the byte between the fields with --delimiter))\n");
    spec.delimiter = 0;
    check_records(&spec, "id,score\n7,9\n",
                  "FATAL EINVAL(no text column found; columns are: id, score (choose one with "
                  "--text-col))\n");
    /* An option's "other" box is text, but not the comment. */
    check_records(&spec, "id,Q3_4_TEXT\n7,Fax\n",
                  "FATAL EINVAL(no text column found; columns are: id, Q3_4_TEXT (choose one "
                  "with --text-col))\n");
}

static void test_auto_format_through_source(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_AUTO);
    spec.source_name = "-";
    check_records(&spec, "  {\"comment\":\"json\"}\n", "1: t=[json] id=-\n");
    check_records(&spec, "id\tcomment\n1\ttabbed, with comma\n",
                  "2: t=[tabbed, with comma] id=-\n");
    check_records(&spec, "\xEF\xBB\xBFid,comment\n1,csv\n", "2: t=[csv] id=-\n");
    check_records(&spec, "first line\nsecond line",
                  "1: t=[first line] id=-\n"
                  "2: t=[second line] id=-\n");
    check_records(&spec, "", "");

    /* The extension wins over the content. */
    spec.source_name = "comments.txt";
    check_records(&spec, "a,b\n", "1: t=[a,b] id=-\n");

    /* A named column makes one column with no delimiter a CSV, header
     * and all, not plain text whose first line is "comment". */
    spec.source_name = "-";
    spec.text_col = "comment";
    check_records(&spec, "comment\n\"fine, thanks\"\n\"two\nlines\"\n",
                  "2: t=[fine, thanks] id=-\n"
                  "3: t=[two\\nlines] id=-\n");
    spec.text_col = NULL;
    spec.id_col = "id";
    check_records(&spec, "only text here\n",
                  "FATAL EINVAL(id column \"id\" not found; columns are: only text here)\n");

    /* The format is known as soon as the first line is complete. */
    spec.id_col = NULL;
    vb_source *s = vb_source_new(&spec, NULL, NULL);
    assert_non_null(s);
    vb_source_record r;
    assert_int_equal(vb_source_format(s), VB_FORMAT_AUTO);
    assert_int_equal(vb_source_feed(s, "id,comm", 7), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_AGAIN);
    assert_int_equal(vb_source_format(s), VB_FORMAT_AUTO);
    assert_int_equal(vb_source_feed(s, "ent\n1,yes\n", 10), VB_OK);
    assert_int_equal(vb_source_next(s, &r), VB_OK);
    assert_int_equal(vb_source_format(s), VB_FORMAT_CSV);
    assert_memory_equal(r.text.data, "yes", 3);
    vb_source_free(s);
}

static void test_plain_text(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_TEXT);
    const char in[] = "one\r\ntwo\n\n   \t\nthree\rfour\r\r\nfi\0ve\n  six  ";
    check_records_n(&spec, in, sizeof in - 1,
                    "1: t=[one] id=-\n"
                    "2: t=[two] id=-\n"
                    "5: t=[three] id=-\n"
                    "6: t=[four] id=-\n"
                    "8: t=[fi\\0ve] id=-\n"
                    "9: t=[  six  ] id=-\n");
    spec.max_field_bytes = 3;
    check_records(&spec, "abc\nabcd\nxyz",
                  "1: t=[abc] id=-\n"
                  "2: !ELIMIT(line longer than 3 bytes) id=-\n"
                  "3: t=[xyz] id=-\n");
}

static void test_plain_text_has_no_columns(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_TEXT);
    const char *keep[] = {"store"};
    spec.keep_cols = keep;
    spec.n_keep_cols = 1;
    vb_error err;
    assert_null(vb_source_new(&spec, NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.message, "plain text input has no columns");
    assert_string_equal(err.source, "test");
    spec.n_keep_cols = 0;
    spec.id_col = "1";
    assert_null(vb_source_new(&spec, NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
}

/* The name of kept column `k` once `in` has given its first record, and
 * the question it answers (NULL: none). */
static void check_keep_name(const vb_source_spec *spec, const char *in, size_t k, const char *want,
                            const char *want_question)
{
    vb_source *s = at_first_record(spec, in);
    assert_string_equal(vb_source_keep_names(s)[k], want);
    if (want_question == NULL)
        assert_null(vb_source_keep_question(s, k));
    else
        assert_string_equal(vb_source_keep_question(s, k), want_question);
    vb_source_free(s);
}

/* A kept column without a name, of kind "score", is found by its name,
 * by the question a survey's header row asks, or by a JSON key; where
 * none looks like a score, or there are no names, the error says so. */
static void test_score_column_found(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    const char *keep[] = {"region", NULL};
    const char *kinds[] = {"segment", "score"};
    spec.keep_cols = keep;
    spec.keep_kinds = kinds;
    spec.n_keep_cols = 2;
    static const char csv[] = "id,Rating,region,comment\n1,4,North,Fine\n";
    check_records(&spec, csv, "2: t=[Fine] id=- k=[North] k=[4]\n");
    check_every_oom(&spec, csv, sizeof csv - 1, 8, "2: t=[Fine] id=- k=[North] k=[4]\n");
    check_keep_name(&spec, csv, 1, "Rating", NULL);
    check_records(
        &spec,
        "ResponseId,Q1,Q2,region\n"
        "Response ID,How likely are you to recommend us?,Why?,Region\n" IMPORT_ID(
            "_recordId") "," IMPORT_ID("QID1") "," IMPORT_ID("QID2_TEXT") "," IMPORT_ID("QID3") "\n"
                                                                                                "R_"
                                                                                                "1,"
                                                                                                "9,"
                                                                                                "Qu"
                                                                                                "ic"
                                                                                                "k,"
                                                                                                "So"
                                                                                                "ut"
                                                                                                "h"
                                                                                                "\n",
        "4: t=[Quick] id=- k=[South] k=[9]\n");
    static const char survey[] =
        "ResponseId,Q1,Q2,region\n"
        "Response ID,How satisfied were you?,Why?,Region\n" IMPORT_ID("_recordId") "," IMPORT_ID(
            "QID1") "," IMPORT_ID("QID2_TEXT") "," IMPORT_ID("QID3") "\n"
                                                                     "R_1,5,Quick,South\n";
    check_keep_name(&spec, survey, 1, "Q1", "How satisfied were you?");
    check_keep_name(&spec, survey, 0, "region", "Region");
    check_records(&spec, "region,comment\nNorth,Fine\n",
                  "FATAL EINVAL(no score column found; columns are: region, comment (choose "
                  "one with --score-col))\n");
    spec.has_header = false;
    spec.text_col = "2";
    keep[0] = "1";
    vb_error err;
    assert_null(vb_source_new(&spec, NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
    assert_string_equal(err.message, "score column: the input has no header row to find it "
                                     "by, so give the column's 1-based number (--score-col)");
    spec = spec_of(VB_FORMAT_JSONL);
    spec.keep_cols = keep + 1;
    spec.keep_kinds = kinds + 1;
    spec.n_keep_cols = 1;
    static const char json[] = "{\"text\":\"Fine\",\"nps\":9}\n{\"text\":\"Slow\"}\n";
    check_records(&spec, json, "1: t=[Fine] id=- k=[9]\n2: t=[Slow] id=- k=-\n");
    check_keep_name(&spec, json, 0, "nps", NULL);
    /* a score with no comment, before the comment's key shows: it counts */
    check_records(&spec, "{\"nps\":9}\n{\"text\":\"Fine\",\"nps\":7}\n",
                  "1: t=[] id=- k=[9]\n2: t=[Fine] id=- k=[7]\n");
    check_records(&spec, "{\"text\":\"Fine\",\"x\":9}\n",
                  "FATAL EINVAL(no score key found; keys are: text, x (choose one with "
                  "--score-col))\n");
    /* Only a score is found so, and only one. */
    kinds[1] = "date";
    assert_null(vb_source_new(&spec, NULL, &err));
    assert_int_equal(err.code, VB_EINVAL);
}

/* Whether kept column `k` is in `in`, once it has given its first record. */
static bool keep_found(const vb_source_spec *spec, const char *in, size_t k)
{
    vb_source *s = at_first_record(spec, in);
    const bool found = vb_source_keep_found(s, k);
    vb_source_free(s);
    return found;
}

/* Of kind "score?", the score column is found as a "score" is; where
 * there is none, or no header, the field is absent and it is no error. */
static void test_score_column_if_any(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    const char *keep[] = {NULL, "region"};
    const char *kinds[] = {"score?", "segment"};
    spec.keep_cols = keep;
    spec.keep_kinds = kinds;
    spec.n_keep_cols = 2;
    static const char scored[] = "id,NPS Score,region,comment\n1,9,North,Fine\n";
    check_records(&spec, scored, "2: t=[Fine] id=- k=[9] k=[North]\n");
    check_keep_name(&spec, scored, 0, "NPS Score", NULL);
    assert_true(keep_found(&spec, scored, 0) && keep_found(&spec, scored, 1));
    static const char unscored[] = "region,comment\nNorth,Fine\n";
    check_records(&spec, unscored, "2: t=[Fine] id=- k=- k=[North]\n");
    assert_false(keep_found(&spec, unscored, 0));
    assert_true(keep_found(&spec, unscored, 1));
    /* no header: no score, not an error */
    spec.has_header = false;
    spec.text_col = "2";
    keep[1] = "1";
    check_records(&spec, "North,Fine\n", "1: t=[Fine] id=- k=- k=[North]\n");
    /* JSON: a key found by its name, or none */
    spec = spec_of(VB_FORMAT_JSONL);
    spec.keep_cols = keep;
    spec.keep_kinds = kinds;
    spec.n_keep_cols = 1;
    static const char rated[] = "{\"text\":\"Fine\",\"rating\":4}\n";
    check_records(&spec, rated, "1: t=[Fine] id=- k=[4]\n");
    assert_true(keep_found(&spec, rated, 0));
    static const char unrated[] = "{\"text\":\"Fine\",\"x\":4}\n{\"text\":\"Slow\",\"rating\":2}\n";
    check_records(&spec, unrated, "1: t=[Fine] id=- k=-\n2: t=[Slow] id=- k=-\n");
    assert_false(keep_found(&spec, unrated, 0));
}

/* Each split of the BOM, and of CR LF, given as separate feeds. */
static void test_bom_and_crlf_split_by_hand(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    const char in[] = "\xEF\xBB\xBF"
                      "comment\r\nx\r\n";
    for (size_t cut1 = 0; cut1 < sizeof in - 1; cut1++) {
        for (size_t cut2 = cut1; cut2 < sizeof in - 1; cut2++) {
            vb_source *s = vb_source_new(&spec, NULL, NULL);
            assert_non_null(s);
            vb_source_record r;
            size_t got = 0;
            const size_t cuts[] = {0, cut1, cut2, sizeof in - 1};
            for (int c = 0; c < 3; c++) {
                assert_int_equal(vb_source_feed(s, in + cuts[c], cuts[c + 1] - cuts[c]), VB_OK);
                while (vb_source_next(s, &r) == VB_OK) {
                    assert_int_equal(r.line, 2);
                    assert_int_equal(r.text.len, 1);
                    got++;
                }
            }
            assert_int_equal(vb_source_finish(s), VB_OK);
            assert_int_equal(vb_source_next(s, &r), got == 1 ? VB_DONE : VB_OK);
            vb_source_free(s);
        }
    }
}

/* Input that is not UTF-8 text stops at its first bytes with what it is,
 * in every format and however it is chunked; text that only starts like
 * it ("PK" as a header) is read as usual. */
static void test_not_text(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t len;
        const char *expected;
    } cases[] = {
        {"\x1F\x8B\x08\0\0\0", 6,
         "FATAL EPARSE(gzip-compressed: decompress it first (zcat FILE | verbatim ... "
         "--format csv))\n"},
        {"PK\3\4\x14\0", 6,
         "FATAL EPARSE(a zip archive (an .xlsx or .ods workbook?): save the sheet as CSV "
         "(UTF-8))\n"},
        {"\0i\0d\0\n", 6,
         "FATAL EPARSE(UTF-16 text without a byte order mark (one of its first two bytes is "
         "zero): read it with --encoding utf-16le (or utf-16be))\n"},
    };
    const vb_format formats[] = {VB_FORMAT_CSV, VB_FORMAT_TEXT, VB_FORMAT_JSONL, VB_FORMAT_AUTO};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        vb_source_spec spec = spec_of(formats[f]);
        spec.text_col = "1";
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
            check_records_n(&spec, cases[i].in, cases[i].len, cases[i].expected);
    }
    vb_source_spec spec = spec_of(VB_FORMAT_CSV);
    check_records(&spec, "PK,comment\n7,fine\n", "2: t=[fine] id=-\n");
    spec = spec_of(VB_FORMAT_TEXT);
    check_records(&spec, "P\n", "1: t=[P] id=-\n");
    /* What is text in another encoding is read as UTF-8 (encoding.c):
     * UTF-16 by its byte order mark, Windows-1252 where it is not UTF-8. */
    static const char utf16[] = "\xFF\xFE" "c\0o\0m\0m\0e\0n\0t\0\n\0" "c\0a\0f\0\xE9\0\n\0";
    spec = spec_of(VB_FORMAT_CSV);
    check_records_n(&spec, utf16, sizeof utf16 - 1, "2: t=[caf\xC3\xA9] id=-\n");
    check_records(&spec, "comment\n\x93ok\x94\n", "2: t=[\xE2\x80\x9Cok\xE2\x80\x9D] id=-\n");
    spec.encoding = VB_ENCODING_UTF8;
    check_records(&spec, "comment\nok\x94\n", "2: t=[ok\x94] id=-\n");
}

static void test_feed_after_finish(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_TEXT);
    vb_source *s = vb_source_new(&spec, NULL, NULL);
    assert_non_null(s);
    assert_int_equal(vb_source_finish(s), VB_OK);
    assert_int_equal(vb_source_feed(s, "x", 1), VB_EINVAL);
    assert_string_equal(vb_source_errmsg(s), "input fed after vb_source_finish()");
    vb_source_record r;
    assert_int_equal(vb_source_next(s, &r), VB_EINVAL); /* sticky */
    vb_source_free(s);
    vb_source_free(NULL);
}

/* 20,000 records in 1000-byte chunks: memory stays what it was after the
 * first few, whatever the format. */
static void test_memory_is_constant(void **state)
{
    (void)state;
    static const struct {
        vb_format format;
        const char *header;
        const char *row;
    } cases[] = {
        {VB_FORMAT_CSV, "id,comment\n", "17,\"the staff were \"\"great\"\", thanks\"\r\n"},
        {VB_FORMAT_JSONL, "", "{\"id\":17,\"comment\":\"the staff were great\"}\n"},
        {VB_FORMAT_TEXT, "", "the staff were great, thanks\n"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        vb_source_spec spec = spec_of(cases[c].format);
        ta_reset(SIZE_MAX);
        vb_source *s = vb_source_new(&spec, &ta_alloc, NULL);
        assert_non_null(s);
        tstr all = {0};
        tstr_puts(&all, cases[c].header);
        for (int i = 0; i < 20000; i++)
            tstr_puts(&all, cases[c].row);
        size_t n_records = 0, peak_early = 0;
        vb_source_record r;
        for (size_t at = 0; at < all.len; at += 1000) {
            const size_t n = all.len - at < 1000 ? all.len - at : 1000;
            assert_int_equal(vb_source_feed(s, all.data + at, n), VB_OK);
            while (vb_source_next(s, &r) == VB_OK) {
                assert_int_equal(r.status, VB_OK);
                n_records++;
            }
            if (at == 10000) peak_early = ta.peak_bytes;
        }
        assert_int_equal(vb_source_finish(s), VB_OK);
        assert_int_equal(vb_source_next(s, &r), VB_DONE);
        assert_int_equal(n_records, 20000);
        assert_int_equal(ta.peak_bytes, peak_early);
        assert_true(ta.peak_bytes < 16 * 1024);
        vb_source_free(s);
        free(all.data);
    }
}

static void test_text_and_auto_survive_every_oom(void **state)
{
    (void)state;
    vb_source_spec spec = spec_of(VB_FORMAT_TEXT);
    const char in[] = "one\ntwo\r\n\nthree";
    check_every_oom(&spec, in, sizeof in - 1, 3,
                    "1: t=[one] id=-\n2: t=[two] id=-\n4: t=[three] id=-\n");
    spec.format = VB_FORMAT_AUTO;
    spec.text_col = "note";
    const char csv[] = "id,note\n1,hi\n";
    check_every_oom(&spec, csv, sizeof csv - 1, 4, "2: t=[hi] id=-\n");
}

/* Random CSV built from the troublesome pieces (quotes, "", CR, LF, CRLF,
 * delimiters, NUL, BOM bytes) must read the same in any chunking. The
 * expected records are those of the whole input, so this checks
 * consistency, not values; the other tests check values. */
static void test_random_inputs_are_chunk_independent(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",  "bc",   ",",    "\"",           "\"\"",  "\n",
                                         "\r", "\r\n", " ",    "\xEF\xBB\xBF", "\t",    "{",
                                         "}",  "\\",   "x\0y", "{\"a\":\"",    "\"}\n", ";"};
    static const size_t piece_len[] = {1, 2, 1, 1, 2, 1, 1, 2, 1, 3, 1, 1, 1, 1, 3, 6, 3, 1};
    const vb_format formats[] = {VB_FORMAT_CSV, VB_FORMAT_TSV, VB_FORMAT_TEXT, VB_FORMAT_JSONL,
                                 VB_FORMAT_AUTO};
    for (uint32_t seed = 1; seed <= 150; seed++) {
        uint32_t rng = seed * 2654435761u;
        const vb_format format = formats[seed % 5];
        const bool header = seed % 3 != 0;
        tstr in = {0};
        /* Most header rows then name a text column (the random pieces go on). */
        tstr_puts(&in, header && format != VB_FORMAT_JSONL && seed % 4 != 0 ? "comment" : "");
        const size_t n_pieces = 1 + rng_next(&rng) % 80;
        for (size_t i = 0; i < n_pieces; i++) {
            const size_t k = rng_next(&rng) % (sizeof pieces / sizeof pieces[0]);
            tstr_add(&in, pieces[k], piece_len[k]);
        }
        vb_source_spec spec = spec_of(format);
        spec.has_header = header;
        spec.text_col = header ? NULL : "1";
        if (format == VB_FORMAT_JSONL || format == VB_FORMAT_TEXT) spec.text_col = "a";
        spec.max_field_bytes = 1 + rng_next(&rng) % 40;
        tstr whole = run_source(&spec, in.data, in.len, 0);
        for (uint32_t mode = 1; mode < 12; mode++) {
            tstr got = run_source(&spec, in.data, in.len, mode == 1 ? 1 : seed * 7919u + mode);
            if (strcmp(got.data, whole.data) != 0)
                fprintf(stderr, "input seed %u, chunk mode %u\n", (unsigned)seed, (unsigned)mode);
            assert_string_equal(got.data, whole.data);
            free(got.data);
        }
        free(whole.data);
        free(in.data);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_name),
        cmocka_unit_test(test_format_sniff),
        cmocka_unit_test(test_auto_format_through_source),
        cmocka_unit_test(test_delimiter_from_the_first_line),
        cmocka_unit_test(test_delimiter_given),
        cmocka_unit_test(test_excel_sep_line),
        cmocka_unit_test(test_txt_is_text_or_tab_separated),
        cmocka_unit_test(test_no_text_column_hints),
        cmocka_unit_test(test_text_column_chosen_by_question),
        cmocka_unit_test(test_text_over_several_columns),
        cmocka_unit_test(test_qualtrics_header_rows),
        cmocka_unit_test(test_qualtrics_response_id_after_the_text),
        cmocka_unit_test(test_surveymonkey_header_row),
        cmocka_unit_test(test_survey_text_column_from_its_header_rows),
        cmocka_unit_test(test_plain_text),
        cmocka_unit_test(test_plain_text_has_no_columns),
        cmocka_unit_test(test_score_column_found),
        cmocka_unit_test(test_score_column_if_any),
        cmocka_unit_test(test_bom_and_crlf_split_by_hand),
        cmocka_unit_test(test_not_text),
        cmocka_unit_test(test_feed_after_finish),
        cmocka_unit_test(test_memory_is_constant),
        cmocka_unit_test(test_text_and_auto_survive_every_oom),
        cmocka_unit_test(test_random_inputs_are_chunk_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

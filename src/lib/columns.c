/* columns.c: what an export's header says (columns.h). */
#include "columns.h"

#include "ascii.h"
#include "verbatim.h" /* vb_metric */

#include <limits.h>
#include <stdio.h>
#include <string.h>

size_t vb_columns_find(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0) return i;
    const char *a = name;
    size_t a_len = strlen(a);
    vb_ascii_trim(&a, &a_len);
    for (size_t i = 0; i < n; i++) {
        const char *b = names[i];
        size_t b_len = strlen(b);
        vb_ascii_trim(&b, &b_len);
        if (vb_ascii_iequal(a, a_len, b, b_len)) return i;
    }
    return VB_NO_COLUMN;
}

size_t vb_columns_twin(const char *const *names, size_t n, size_t col, bool fold)
{
    const char *a = names[col];
    size_t a_len = strlen(a);
    if (fold) vb_ascii_trim(&a, &a_len);
    for (size_t i = 0; i < n; i++) {
        const char *b = names[i];
        size_t b_len = strlen(b);
        if (i == col) continue;
        if (!fold && strcmp(a, b) == 0) return i;
        vb_ascii_trim(&b, &b_len);
        if (fold && vb_ascii_iequal(a, a_len, b, b_len)) return i;
    }
    return VB_NO_COLUMN;
}

/* ---- the comment's column, by name ---------------------------------------- */

enum { QUESTION_WORDS_MAX = 512 };

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

/* The name in lower case as words between single spaces, with a space at
 * each end: "What's the main reason?" -> " whats the main reason ". */
static size_t question_words(const char *name, char *out, size_t size)
{
    size_t n = 0, words = 0;
    out[n++] = ' ';
    for (const char *p = name; *p != '\0' && n + 2 < size; p++) {
        const unsigned char c = (unsigned char)*p;
        if (c == '\'') continue; /* "what's" is one word */
        /* Bytes past ASCII are letters of some word: keep them. */
        if (vb_ascii_alpha((char)c) || vb_ascii_digit((char)c) || c >= 0x80) {
            if (out[n - 1] == ' ') words++;
            out[n++] = vb_ascii_lower((char)c);
        } else if (out[n - 1] != ' ') {
            out[n++] = ' ';
        }
    }
    if (out[n - 1] != ' ') out[n++] = ' ';
    out[n] = '\0';
    return words;
}

/* A question rather than a field's name ("Review Text Field"): it ends
 * in '?' or ':', opens as questions and requests do ("Tell us more"), or
 * runs to five words. */
static bool is_question(const char *name, const char *words, size_t n_words)
{
    static const char *const openers[] = {" why ",  " what ",     " how ",     " please ",
                                          " tell ", " describe ", " explain ", " share ",
                                          " any ",  " is there ", " do you ",  " did you "};
    const char *end = name + strlen(name);
    while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (n_words >= 5 || (end > name && (end[-1] == '?' || end[-1] == ':'))) return true;
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
        if (strncmp(words, openers[i], strlen(openers[i])) == 0) return true;
    return false;
}

/* Whether a field's name, normalised, hints at the comment: "Review
 * Content", "NPS reason"; not a column about the comment ("Review Date",
 * "Comment ID"). A name that asks for the reason may name the score
 * ("Reason for rating"). */
static bool name_hints_text(const char *norm)
{
    static const char *const hints[] = {"comment", "feedback", "review", "text", "reason", "why"};
    static const char *const not_text[] = {
        "date",   "time",     "title",     "count", "type",    "status",    "url",  "link",
        "author", "reviewer", "commenter", "name",  "context", "flag",      "lang", "length",
        "source", "channel",  "category",  "topic", "tag",     "sentiment", "code"};
    static const char *const score[] = {"rating", "score"};
    static const char *const not_suffix[] = {"id", "ids", "no", "num", "number"};
    bool hinted = false, excluded = false, reason = false;
    for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++)
        hinted = hinted || strstr(norm, hints[h]) != NULL;
    reason = strstr(norm, "reason") != NULL || strstr(norm, "why") != NULL;
    for (size_t x = 0; x < sizeof not_text / sizeof not_text[0]; x++)
        excluded = excluded || strstr(norm, not_text[x]) != NULL;
    for (size_t x = 0; x < sizeof score / sizeof score[0] && !reason; x++)
        excluded = excluded || strstr(norm, score[x]) != NULL;
    for (size_t x = 0; x < sizeof not_suffix / sizeof not_suffix[0]; x++)
        excluded = excluded || ends_with(norm, not_suffix[x]);
    return hinted && !excluded;
}

/* Whether a column's name is a question rather than a field's name. */
static bool reads_as_question(const char *name)
{
    char words[QUESTION_WORDS_MAX];
    const size_t n_words = question_words(name, words, sizeof words);
    return is_question(name, words, n_words);
}

/* The first of the names with the best rank: the lowest that rank_of()
 * gives, -1 being none. VB_NO_COLUMN when no name has a rank. */
static size_t best_ranked(const char *const *names, size_t n, int (*rank_of)(const char *name))
{
    size_t best = VB_NO_COLUMN;
    int best_rank = INT_MAX;
    for (size_t i = 0; i < n; i++) {
        const int rank = rank_of(names[i]);
        if (rank >= 0 && rank < best_rank) {
            best = i;
            best_rank = rank;
        }
    }
    return best;
}

/* The names that are a comment's column by themselves, in the order
 * vb_columns_guess_text() prefers them: -1 for any other name. */
static int text_name_rank(const char *name)
{
    static const char *const exact[] = {
        "comment", "comments", "verbatim", "feedback",    "review",   "reviewtext", "reviewbody",
        "text",    "response", "answer",   "body",        "message",  "content",    "reason",
        "remarks", "notes",    "note",     "description", "opentext", "openend"};
    char norm[128];
    normalise_name(name, norm, sizeof norm);
    for (size_t e = 0; e < sizeof exact / sizeof exact[0]; e++)
        if (strcmp(norm, exact[e]) == 0) return (int)e;
    return -1;
}

bool vb_columns_is_text_name(const char *name)
{
    return text_name_rank(name) >= 0;
}

size_t vb_columns_guess_text(const char *const *names, size_t n)
{
    char norm[128];
    const size_t best = best_ranked(names, n, text_name_rank);
    if (best != VB_NO_COLUMN) return best;
    for (size_t i = 0; i < n; i++) {
        /* Questions are read by their wording (vb_columns_guess_question);
         * an option's text box is no comment. */
        if (option_text_box(names[i]) || reads_as_question(names[i])) continue;
        normalise_name(names[i], norm, sizeof norm);
        if (name_hints_text(norm)) return i;
    }
    return VB_NO_COLUMN;
}

/* ---- columns named by their question -------------------------------------- */

/* Google Forms, Typeform and SurveyMonkey name each column by its
 * question. Which question asks for the respondent's own words is told by
 * its wording: cue phrases, matched as whole words. */

static bool has_cue(const char *words, const char *const *cues, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(words, cues[i]) != NULL) return true;
    return false;
}

#define HAS_CUE(words, cues) has_cue((words), (cues), sizeof(cues) / sizeof((cues)[0]))

/* Asks why the respondent gave their score: the verbatim proper. */
static bool asks_why(const char *words)
{
    static const char *const why[] = {" why "};
    static const char *const reason[] = {" reason ", " reasons "};
    static const char *const score[] = {" score ",     " rating ", " rate ",     " rated ",
                                        " recommend ", " answer ", " response ", " gave "};
    return HAS_CUE(words, why) || (HAS_CUE(words, reason) && HAS_CUE(words, score));
}

/* Whether a question asks for a comment: some cue for the respondent's
 * own words, and none of a choice, a scale (unless it asks why) or a way
 * to reach them ("Can we contact you about your feedback?"). */
static bool question_asks_for_comment(const char *words)
{
    /* Requests for words, what they are about, what to change, what was
     * liked or missed. */
    static const char *const request[] = {
        " tell us ",  " tell me ",    " let us know ", " share ",     " describe ",
        " explain ",  " elaborate ",  " own words ",   " few words ", " thoughts ",
        " anything ", " more about ", " your review "};
    static const char *const about[] = {" why ",        " reason ",      " reasons ",
                                        " comment ",    " comments ",    " feedback ",
                                        " suggestion ", " suggestions ", " suggest "};
    static const char *const change[] = {
        " improve ",         " improvement ",          " improvements ",          " how can we ",
        " how could we ",    " what can we ",          " what could we ",         " do better ",
        " what would make ", " what would have made ", " what would you change ", " one thing "};
    static const char *const liked[] = {
        " what did you like ", " what do you like ", " like most ",
        " like least ",        " liked most ",       " liked least ",
        " like best ",         " what was missing ", " what is missing "};
    static const char *const choice_or_contact[] = {
        " which ",  " select ", " check all ", " tick ",      " please specify ", " email ",
        " e mail ", " phone ",  " contact ",   " follow up ", " reach out ",      " may we "};
    static const char *const scale[] = {" how likely ", " how satisfied ", " how dissatisfied ",
                                        " how easy ",   " how difficult ", " how would you rate ",
                                        " rate ",       " on a scale ",    " agree ",
                                        " disagree ",   " how often ",     " how many ",
                                        " how much "};
    const bool open = HAS_CUE(words, request) || HAS_CUE(words, about) || HAS_CUE(words, change) ||
                      HAS_CUE(words, liked);
    if (!open || HAS_CUE(words, choice_or_contact)) return false;
    return asks_why(words) || !HAS_CUE(words, scale);
}

bool vb_columns_asks_why(const char *question)
{
    char words[QUESTION_WORDS_MAX];
    question_words(question, words, sizeof words);
    return asks_why(words);
}

bool vb_columns_asks_for_comment(const char *name)
{
    char words[QUESTION_WORDS_MAX];
    const size_t n_words = question_words(name, words, sizeof words);
    return is_question(name, words, n_words) && question_asks_for_comment(words);
}

size_t vb_columns_guess_question(const char *const *names, size_t n)
{
    size_t open = VB_NO_COLUMN, n_open = 0, why = VB_NO_COLUMN, n_why = 0;
    for (size_t i = 0; i < n; i++) {
        if (!vb_columns_asks_for_comment(names[i])) continue;
        if (n_open++ == 0) open = i;
        if (vb_columns_asks_why(names[i]) && n_why++ == 0) why = i;
    }
    if (n_why == 1) return why;
    return n_open == 1 ? open : VB_NO_COLUMN;
}

size_t vb_columns_guess_comment(const char *const *names, size_t n)
{
    const size_t by_name = vb_columns_guess_text(names, n);
    return by_name != VB_NO_COLUMN ? by_name : vb_columns_guess_question(names, n);
}

/* ---- the score's column ---------------------------------------------------- */

/* The names that are a score's column by themselves, in the order
 * vb_columns_guess_score() prefers them: -1 for any other name. */
static int score_name_rank(const char *name)
{
    static const char *const exact[] = {
        "score",    "npsscore",    "nps",           "npsrating",           "likelihoodtorecommend",
        "ltr",      "rating",      "overallrating", "starrating",          "stars",
        "csat",     "csatscore",   "satisfaction",  "overallsatisfaction", "ces",
        "cesscore", "effortscore", "overallscore"};
    char norm[128];
    normalise_name(name, norm, sizeof norm);
    for (size_t e = 0; e < sizeof exact / sizeof exact[0]; e++)
        if (strcmp(norm, exact[e]) == 0) return (int)e;
    return -1;
}

/* 0 for a name that ends as a score's does ("review_score", "Product
 * Rating"), and is not a figure about the comment ("sentiment_score",
 * "Reason for rating", "comment_confidence_score"); -1 otherwise. A
 * question is read by its wording (score_question_rank()). */
static int score_ending_rank(const char *name)
{
    static const char *const endings[] = {"score", "rating", "stars", "nps", "csat"};
    static const char *const not_score[] = {"sentiment", "reason",     "comment",
                                            "text",      "confidence", "probability"};
    char norm[128];
    normalise_name(name, norm, sizeof norm);
    bool ends = false;
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++)
        ends = ends || ends_with(norm, endings[e]);
    for (size_t x = 0; ends && x < sizeof not_score / sizeof not_score[0]; x++)
        if (strstr(norm, not_score[x]) != NULL) return -1;
    return ends && !reads_as_question(name) ? 0 : -1;
}

/* How strongly a question asks for a score, 0 the most: how likely the
 * respondent is to recommend (NPS), then how satisfied (CSAT), how easy
 * (CES), and any request to rate; -1 for none. A question that asks why
 * is the comment's. */
static int score_question_rank(const char *question)
{
    char words[QUESTION_WORDS_MAX];
    const size_t n_words = question_words(question, words, sizeof words);
    if (!is_question(question, words, n_words) || asks_why(words) ||
        question_asks_for_comment(words))
        return -1;
    static const char *const recommend[] = {" recommend "};
    static const char *const likely[] = {" likely ", " likelihood "};
    static const char *const satisfied[] = {" how satisfied ", " satisfaction ",
                                            " how dissatisfied "};
    static const char *const easy[] = {" how easy ", " how difficult ", " effort "};
    static const char *const rate[] = {" rate ", " rating ", " on a scale "};
    if (HAS_CUE(words, recommend) && HAS_CUE(words, likely)) return 0;
    if (HAS_CUE(words, satisfied)) return 1;
    if (HAS_CUE(words, easy)) return 2;
    return HAS_CUE(words, rate) ? 3 : -1;
}

size_t vb_columns_guess_score(const char *const *names, size_t n)
{
    size_t col = best_ranked(names, n, score_name_rank);
    if (col == VB_NO_COLUMN) col = best_ranked(names, n, score_ending_rank);
    if (col == VB_NO_COLUMN) col = best_ranked(names, n, score_question_rank);
    return col;
}

/* The metric a score column's name asks for: satisfaction is CSAT, effort
 * or ease CES, a rating or stars (a review's 1-5) their mean, and a
 * recommendation, or anything else, NPS. Asked in that order, so that
 * "CSAT rating" is CSAT and "NPS rating" NPS. */
vb_metric vb_metric_of_column(const char *name)
{
    static const char *const nps[] = {" nps ", " recommend ", " recommendation ", " promoter ",
                                      " ltr "};
    static const char *const satisfied[] = {" csat ", " satisfied ", " satisfaction ",
                                            " dissatisfied "};
    static const char *const effort[] = {" ces ", " effort ", " easy ", " ease ", " difficult "};
    static const char *const rating[] = {" rating ", " ratings ", " rate ",  " rated ",
                                         " star ",   " stars ",   " review "};
    char words[QUESTION_WORDS_MAX], norm[128];
    question_words(name, words, sizeof words);
    normalise_name(name, norm, sizeof norm);
    /* Names written as one word: "NPSScore", "CSATRating", "StarRating". */
    if (HAS_CUE(words, nps) || strncmp(norm, "nps", 3) == 0) return VB_METRIC_NPS;
    if (HAS_CUE(words, satisfied) || strncmp(norm, "csat", 4) == 0) return VB_METRIC_CSAT;
    if (HAS_CUE(words, effort) || strcmp(norm, "cesscore") == 0 || strcmp(norm, "cesrating") == 0)
        return VB_METRIC_CES;
    if (HAS_CUE(words, rating) || ends_with(norm, "rating") || ends_with(norm, "stars"))
        return VB_METRIC_MEAN;
    return VB_METRIC_NPS;
}

void vb_columns_append_list(char *out, size_t size, const char *const *names, size_t n)
{
    size_t len = strlen(out);
    for (size_t i = 0; i < n; i++) {
        const char *sep = i > 0 ? ", " : "";
        const char *name = names[i][0] != '\0' ? names[i] : "\"\""; /* a column without a name */
        const size_t need = strlen(sep) + strlen(name);
        if (len + need + 6 >= size) { /* keep room for ", ..." */
            snprintf(out + len, size - len, "%s...", sep);
            return;
        }
        len += (size_t)snprintf(out + len, size - len, "%s%s", sep, name);
    }
}

/* ---- survey exports ------------------------------------------------------- */

/* Qualtrics' columns that mark its header rows, each with its text in
 * the questions row (the legacy format repeats the name there):
 * ResponseId, then the metadata columns an export may keep without it. */
static const struct {
    const char *name, *label;
} qualtrics_columns[] = {
    {"ResponseId", "Response ID"},
    {"StartDate", "Start Date"},
    {"EndDate", "End Date"},
    {"RecordedDate", "Recorded Date"},
    {"IPAddress", "IP Address"},
    {"Progress", "Progress"},
    {"Duration (in seconds)", "Duration (in seconds)"},
    {"Finished", "Finished"},
    {"DistributionChannel", "Distribution Channel"},
    {"UserLanguage", "User Language"},
};

/* Qualtrics' marking column: ResponseId, else, where two or more of the
 * metadata columns are there, the first of them in qualtrics_columns (a
 * lone "Progress" column is no survey's). */
static void find_qualtrics(const char *const *names, size_t n, vb_survey_ids *ids)
{
    const size_t n_kinds = sizeof qualtrics_columns / sizeof *qualtrics_columns;
    size_t first = VB_NO_COLUMN, kind = 0, n_meta = 0;
    for (size_t k = 0; k < n_kinds; k++) {
        const size_t col = vb_columns_find(names, n, qualtrics_columns[k].name);
        if (col == VB_NO_COLUMN) continue;
        if (first == VB_NO_COLUMN) {
            first = col;
            kind = k;
        }
        if (k == 0) break; /* ResponseId: the rest need not be looked for */
        n_meta++;
    }
    if (first == VB_NO_COLUMN || (kind > 0 && n_meta < 2)) return;
    ids->qualtrics = first;
    ids->qualtrics_name = qualtrics_columns[kind].name;
    ids->qualtrics_label = qualtrics_columns[kind].label;
}

vb_survey_ids vb_survey_ids_find(const char *const *names, size_t n)
{
    vb_survey_ids ids = VB_SURVEY_IDS_NONE;
    find_qualtrics(names, n, &ids);
    ids.respondent_id = vb_columns_find(names, n, "Respondent ID");
    if (ids.respondent_id == VB_NO_COLUMN)
        ids.respondent_id = vb_columns_find(names, n, "RespondentID");
    return ids;
}

static bool field_is(const char *rec, vb_csv_span f, const char *value)
{
    return f.len == strlen(value) && memcmp(rec + f.off, value, f.len) == 0;
}

/* Qualtrics marks its rows in its marking column (vb_survey_ids: "Response
 * ID", "ResponseID" in the legacy format, or the import id "_recordId"),
 * on any row; SurveyMonkey's one row comes right after the names, with no
 * Respondent ID and "Response" or "Open-Ended Response" under the
 * questions, which a response never has. */
vb_survey_row vb_survey_header_row(const vb_survey_ids *ids, const char *rec, const vb_csv_row *row,
                                   bool right_after_names)
{
    const size_t q = ids->qualtrics;
    if (q != VB_NO_COLUMN && q < row->n_stored) {
        const vb_csv_span f = row->fields[q];
        const char *v = rec + f.off;
        if (vb_ascii_iequal(v, f.len, ids->qualtrics_label, strlen(ids->qualtrics_label)) ||
            vb_ascii_iequal(v, f.len, ids->qualtrics_name, strlen(ids->qualtrics_name)))
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

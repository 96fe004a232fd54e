/* score_words.c: scores that survey exports and help desks write with
 * words: the labels a user gives (--score-label "Very satisfied=5"), and
 * numbers with their answer's words ("10 - Extremely likely", "4 stars",
 * "4/5"). metric.c reads a plain number first and comes here for the rest.
 */
#include "score_words.h"

#include "ascii.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- --score-label: words with a score ------------------------------------ */

/* Calls `visit` with each "LABEL=N" line of `labels`, split at its last
 * '=' and trimmed; stops at the first visit that returns false. */
typedef bool (*label_visit)(const char *label, size_t label_len, const char *value,
                            size_t value_len, void *ctx);

static bool each_label(const char *labels, label_visit visit, void *ctx)
{
    for (const char *line = labels; *line != '\0';) {
        const char *end = strchr(line, '\n');
        if (end == NULL) end = line + strlen(line);
        const char *eq = end;
        while (eq > line && eq[-1] != '=')
            eq--;
        const char *label = line, *value = eq;
        size_t label_len = eq > line ? (size_t)(eq - 1 - line) : (size_t)(end - line);
        size_t value_len = eq > line ? (size_t)(end - eq) : 0;
        vb_ascii_trim(&label, &label_len);
        vb_ascii_trim(&value, &value_len);
        if (!visit(label, label_len, eq > line ? value : NULL, value_len, ctx)) return false;
        line = *end == '\0' ? end : end + 1;
    }
    return true;
}

typedef struct label_check {
    const vb_metric_spec *m;
    const char *labels;
    char *why;
    size_t why_size;
} label_check;

typedef struct label_find {
    const char *s;
    size_t len;
    const char *value; /* of the label that matched */
    size_t value_len;
} label_find;

static bool find_label(const char *label, size_t label_len, const char *value, size_t value_len,
                       void *ctx)
{
    label_find *f = ctx;
    if (!vb_ascii_iequal(label, label_len, f->s, f->len)) return true;
    f->value = value;
    f->value_len = value_len;
    return false;
}

/* Each line names a label and a score the scale takes, once. */
static bool check_label(const char *label, size_t label_len, const char *value, size_t value_len,
                        void *ctx)
{
    label_check *c = ctx;
    double v;
    if (value == NULL || label_len == 0) {
        snprintf(c->why, c->why_size, "score label \"%.*s\": expected LABEL=SCORE", (int)label_len,
                 label);
        return false;
    }
    if (!vb_parse_number(value, value_len, '.', &v)) {
        snprintf(c->why, c->why_size, "score label \"%.*s\": \"%.*s\" is not a number",
                 (int)label_len, label, (int)value_len, value);
        return false;
    }
    if ((c->m->bounded && (v < c->m->lo || v > c->m->hi)) || (c->m->whole && v != floor(v))) {
        snprintf(c->why, c->why_size,
                 "score label \"%.*s\": %.*s is not a score of the scale %g-%g", (int)label_len,
                 label, (int)value_len, value, c->m->lo, c->m->hi);
        return false;
    }
    /* The first line with this label must be this one. */
    label_find f = {label, label_len, NULL, 0};
    each_label(c->labels, find_label, &f);
    if (f.value != value) {
        snprintf(c->why, c->why_size, "score label \"%.*s\" is given twice", (int)label_len, label);
        return false;
    }
    return true;
}

bool vb_score_labels_check(const vb_metric_spec *m, const char *labels, char *why, size_t why_size)
{
    label_check c = {m, labels, why, why_size};
    return each_label(labels, check_label, &c);
}

bool vb_score_label_value(const char *labels, const char *s, size_t len, double *out)
{
    vb_ascii_trim(&s, &len);
    label_find f = {s, len, NULL, 0};
    each_label(labels, find_label, &f);
    return f.value != NULL && vb_parse_number(f.value, f.value_len, '.', out);
}

/* ---- numbers written with their answer's words ------------------------- */

static size_t skip_blanks(const char *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* The index past the word `w` (lower case ASCII) when s[i, len) opens
 * with it in any case and no letter follows; 0 when it does not. */
static size_t past_word(const char *s, size_t i, size_t len, const char *w)
{
    const size_t n = strlen(w);
    if (len - i < n || !vb_ascii_iequal(s + i, n, w, n)) return 0;
    return i + n < len && vb_ascii_alpha(s[i + n]) ? 0 : i + n;
}

/* True when s[i, len) is blank, or one word of a score's unit. */
static bool only_unit(const char *s, size_t i, size_t len)
{
    static const char *const units[] = {"stars", "star", "points", "point", "pts"};
    i = skip_blanks(s, i, len);
    for (size_t k = 0; i < len && k < sizeof units / sizeof units[0]; k++) {
        const size_t end = past_word(s, i, len, units[k]);
        if (end != 0) return skip_blanks(s, end, len) == len;
    }
    return i == len;
}

/* "/5", "out of 5": the scale's top, a whole number, maybe with a unit. */
static bool scale_top(const char *s, size_t i, size_t len, double *top)
{
    i = skip_blanks(s, i, len);
    size_t j = i;
    while (j < len && vb_ascii_digit(s[j]))
        j++;
    return j > i && vb_parse_number(s + i, j - i, '.', top) && *top > 0 && only_unit(s, j, len);
}

/* A choice's words after the separator: some letter (or a byte of a
 * UTF-8 sequence), and no digit, so "1-2 days" is a range, not a 1. */
static bool answer_words(const char *s, size_t i, size_t len)
{
    bool letter = false;
    for (; i < len; i++) {
        if (vb_ascii_digit(s[i])) return false;
        letter |= (unsigned char)s[i] >= 0x80 || vb_ascii_alpha(s[i]);
    }
    return letter;
}

/* Stars drawn: U+2605 and U+2B50 (with or without the emoji selector
 * U+FE0F) are given, U+2606 is one not given. */
static bool drawn_stars(const char *s, size_t len, double *out, double *out_of)
{
    size_t given = 0, not_given = 0;
    for (size_t i = skip_blanks(s, 0, len); i < len; i = skip_blanks(s, i, len)) {
        if (len - i < 3) return false;
        if (memcmp(s + i, "\xe2\x98\x85", 3) == 0 || memcmp(s + i, "\xe2\xad\x90", 3) == 0)
            given++;
        else if (memcmp(s + i, "\xe2\x98\x86", 3) == 0)
            not_given++;
        else
            return false;
        i += 3;
        if (len - i >= 3 && memcmp(s + i, "\xef\xb8\x8f", 3) == 0) i += 3;
    }
    if (given + not_given == 0) return false;
    *out = (double)given;
    *out_of = not_given > 0 ? (double)(given + not_given) : 0;
    return true;
}

bool vb_parse_worded_score(const char *s, size_t len, char mark, double *out, double *out_of)
{
    *out_of = 0;
    vb_ascii_trim(&s, &len);
    if (len > 0 && (unsigned char)s[0] >= 0x80) return drawn_stars(s, len, out, out_of);
    size_t i = 0;
    while (i < len && vb_ascii_digit(s[i]))
        i++;
    if (i == 0) return false;
    if (i + 1 < len && s[i] == mark && vb_ascii_digit(s[i + 1]))
        for (i++; i < len && vb_ascii_digit(s[i]); i++)
            ;
    if (!vb_parse_number(s, i, mark, out)) return false;
    i = skip_blanks(s, i, len);
    if (i < len && s[i] == '/') return scale_top(s, i + 1, len, out_of);
    size_t out_end = past_word(s, i, len, "out");
    if (out_end != 0) {
        const size_t of_end = past_word(s, skip_blanks(s, out_end, len), len, "of");
        return of_end != 0 && scale_top(s, of_end, len, out_of);
    }
    if (only_unit(s, i, len)) return true;
    static const char *const separators[] = {"-", ":", "=", "(", ")", ".", ",",
                                             "\xe2\x80\x93", "\xe2\x80\x94"}; /* en, em dash */
    for (size_t k = 0; k < sizeof separators / sizeof separators[0]; k++) {
        const size_t n = strlen(separators[k]);
        if (len - i >= n && memcmp(s + i, separators[k], n) == 0)
            return answer_words(s, i + n, len);
    }
    return false;
}

bool vb_read_score(const char *s, size_t len, char mark, const char *labels, double *out,
                   double *out_of)
{
    *out_of = 0;
    return vb_parse_number(s, len, mark, out) ||
           (labels != NULL && vb_score_label_value(labels, s, len, out)) ||
           vb_parse_worded_score(s, len, mark, out, out_of);
}

bool vb_score_in_words(const char *s, size_t len)
{
    vb_ascii_trim(&s, &len);
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        s++;
        len--;
    }
    static const char *const not_labels[] = {"nan", "inf", "infinity", "null", "none",
                                             "nil", "undefined", "true", "false"};
    for (size_t k = 0; k < sizeof not_labels / sizeof not_labels[0]; k++)
        if (vb_ascii_iequal(s, len, not_labels[k], strlen(not_labels[k]))) return false;
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (vb_ascii_alpha(s[i]))
            letters++;
        else if (s[i] != ' ' && s[i] != '-' && s[i] != '\'' && (unsigned char)s[i] < 0x80)
            return false;
    }
    return letters >= 2;
}

/* metric.c: turns a raw score into the metric's per-respondent value and
 * a group's moments into the score with its standard error.
 *
 * Numbers are parsed by hand: strtod follows LC_NUMERIC, and a library
 * inside an application that called setlocale() must still read "4.5".
 * Digits are gathered into an integer and divided once by a power of ten,
 * so "4.2" is the correctly rounded double. Longer numbers go to strtod
 * as "DIGITSe-N", which has no decimal point for the locale to change.
 */
#include "metric.h"

#include "ascii.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const metric_names[] = {"nps", "csat", "ces", "mean"};
static const char *const period_names[] = {"none", "day", "week", "month", "quarter", "year"};
static const char *const format_names[] = {"table", "json", "csv", "md", "html"};

static bool lookup(const char *name, const char *const *names, size_t n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return true;
        }
    }
    return false;
}

bool vb_metric_parse(const char *name, vb_metric *out)
{
    int i;
    if (!lookup(name, metric_names, 4, &i)) return false;
    *out = (vb_metric)i;
    return true;
}

const char *vb_metric_name(vb_metric m)
{
    return (unsigned)m < 4 ? metric_names[m] : "unknown";
}

bool vb_period_parse(const char *name, vb_period *out)
{
    int i;
    if (!lookup(name, period_names, 6, &i)) return false;
    *out = (vb_period)i;
    return true;
}

const char *vb_period_name(vb_period p)
{
    return (unsigned)p < 6 ? period_names[p] : "unknown";
}

bool vb_report_format_parse(const char *name, vb_report_format *out)
{
    int i;
    if (strcmp(name, "markdown") == 0) {
        *out = VB_REPORT_MD;
        return true;
    }
    if (!lookup(name, format_names, 5, &i)) return false;
    *out = (vb_report_format)i;
    return true;
}

vb_moments vb_moments_minus(const vb_moments *a, const vb_moments *b)
{
    vb_moments r;
    r.n = a->n - b->n;
    r.sw = a->sw - b->sw;
    r.sw2 = a->sw2 - b->sw2;
    r.swx = a->swx - b->swx;
    r.swx2 = a->swx2 - b->swx2;
    if (r.n == 0) /* exactly empty: no rounding residue */
        r.sw = r.sw2 = r.swx = r.swx2 = 0;
    return r;
}

/* The metric's scale, top box and decimal mark. */
static bool init_scale(vb_metric_spec *m, const vb_report_options *o, char *why, size_t why_size)
{
    memset(m, 0, sizeof *m);
    m->kind = o->metric;
    const bool given = o->scale_min != 0 || o->scale_max != 0;
    m->lo = o->scale_min;
    m->hi = o->scale_max;
    m->bounded = true;
    /* 0 as well as '.': options filled without vb_report_options_init(). */
    if (o->decimal_mark != 0 && o->decimal_mark != '.' && o->decimal_mark != ',') {
        snprintf(why, why_size, "the decimal mark must be '.' or ','");
        return false;
    }
    m->decimal_mark = o->decimal_mark == ',' ? ',' : '.';
    if (o->lower_is_better && (o->metric == VB_METRIC_NPS || o->metric == VB_METRIC_CSAT)) {
        /* Both are shares of the best answers: higher is better by definition. */
        snprintf(why, why_size, "%s is higher-is-better by definition (lower-is-better is for ces or mean)",
                 o->metric == VB_METRIC_NPS ? "NPS" : "CSAT");
        return false;
    }
    switch (o->metric) {
    case VB_METRIC_NPS:
        if (given && (m->lo != 0 || m->hi != 10)) {
            snprintf(why, why_size, "NPS is defined on a 0-10 scale");
            return false;
        }
        m->lo = 0;
        m->hi = 10;
        m->whole = m->proportion = true;
        return true;
    case VB_METRIC_CSAT:
        if (!given) {
            m->lo = 1;
            m->hi = 5;
        }
        m->whole = m->proportion = true;
        if (m->lo != floor(m->lo) || m->hi != floor(m->hi) || m->hi <= m->lo) {
            snprintf(why, why_size, "a CSAT scale needs whole numbers, low < high");
            return false;
        }
        if (o->top_box < 1 || (double)o->top_box > m->hi - m->lo) {
            snprintf(why, why_size, "top box %u does not fit the scale %g-%g", o->top_box, m->lo,
                     m->hi);
            return false;
        }
        m->top_from = m->hi - o->top_box + 1;
        return true;
    case VB_METRIC_CES:
        if (!given) {
            m->lo = 1;
            m->hi = 7;
        }
        break;
    case VB_METRIC_MEAN:
        m->bounded = given;
        break;
    default:
        snprintf(why, why_size, "unknown metric");
        return false;
    }
    if (m->bounded && !(m->hi > m->lo)) {
        snprintf(why, why_size, "the scale's low end must be below its high end");
        return false;
    }
    return true;
}

/* ---- scores written as words ---------------------------------------------- */

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

bool vb_metric_spec_init(vb_metric_spec *m, const vb_report_options *o, char *why, size_t why_size)
{
    if (!init_scale(m, o, why, why_size)) return false;
    if (o->score_labels == NULL || o->score_labels[0] == '\0') return true;
    label_check c = {m, o->score_labels, why, why_size};
    if (!each_label(o->score_labels, check_label, &c)) return false;
    m->labels = o->score_labels;
    return true;
}

/* The score a label stands for; checked in vb_metric_spec_init(). */
static bool label_score(const char *labels, const char *s, size_t len, double *out)
{
    vb_ascii_trim(&s, &len);
    label_find f = {s, len, NULL, 0};
    each_label(labels, find_label, &f);
    return f.value != NULL && vb_parse_number(f.value, f.value_len, '.', out);
}

/* Significant digits kept for strtod. A double's halfway points have at
 * most 768, so past this only whether a dropped digit is non-zero matters:
 * a 1 after the kept ones leaves the value on the same side of all. */
#define LONG_DIGITS 800

/* The double nearest `s`, already checked to be a plain decimal, unsigned,
 * with `mark` as its decimal mark, for what the one-division path cannot
 * round correctly. */
static double long_decimal(const char *s, size_t len, char mark)
{
    char buf[LONG_DIGITS + 32];
    size_t n = 0;
    long long e10 = 0; /* value = buf[0..n) * 10^e10 */
    bool point = false, dropped = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == mark) {
            point = true;
        } else if (n == 0 && s[i] == '0') {
            e10 -= point; /* a leading zero */
        } else if (n < LONG_DIGITS) {
            buf[n++] = s[i];
            e10 -= point;
        } else {
            dropped |= s[i] != '0';
            e10 += !point;
        }
    }
    if (dropped) {
        buf[n++] = '1';
        e10--;
    }
    if (n == 0) buf[n++] = '0';
    snprintf(buf + n, sizeof buf - n, "e%lld", e10);
    const int saved = errno; /* ERANGE on underflow: the result is still right */
    const double v = strtod(buf, NULL);
    errno = saved;
    return v;
}

bool vb_parse_number(const char *s, size_t len, char mark, double *out)
{
    /* One or two bare digits, as nearly every score is, read at once. */
    const unsigned d0 = len > 0 ? (unsigned)((unsigned char)s[0] - '0') : 10;
    const unsigned d1 = len > 1 ? (unsigned)((unsigned char)s[1] - '0') : 10;
    if (len == 1 && d0 <= 9) {
        *out = d0;
        return true;
    }
    if (len == 2 && d0 <= 9 && d1 <= 9) {
        *out = d0 * 10 + d1;
        return true;
    }
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const size_t start = i;
    uint64_t mant = 0; /* the first 19 significant digits: no wrap */
    size_t digits = 0, frac = 0, n_int = 0, n_frac = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, n_int++) {
        if (mant == 0 && s[i] == '0') continue; /* leading zeros are not significant */
        if (++digits <= 19) mant = mant * 10 + (uint64_t)(s[i] - '0');
    }
    if (i < len && s[i] == mark) {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, n_frac++) {
            if (mant != 0 || s[i] != '0') digits++;
            if (digits <= 19) {
                mant = mant * 10 + (uint64_t)(s[i] - '0');
                frac++;
            }
        }
    }
    if (i != len || n_int + n_frac == 0) return false;
    /* mant and 10^frac exact as doubles: one division rounds correctly
     * (Clinger's fast path); anything longer is strtod's. */
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v;
    if (digits <= 19 && mant <= (uint64_t)1 << 53 && frac <= 22) {
        v = (double)mant / pow10[frac];
    } else {
        v = long_decimal(s + start, len - start, mark);
        if (!isfinite(v)) return false; /* past the largest double */
    }
    *out = neg ? -v : v;
    return true;
}

/* ---- numbers written with their answer's words ------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

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
    const char next = i + n < len ? vb_ascii_lower(s[i + n]) : ' ';
    return next >= 'a' && next <= 'z' ? 0 : i + n;
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
    while (j < len && is_digit(s[j]))
        j++;
    return j > i && vb_parse_number(s + i, j - i, '.', top) && *top > 0 && only_unit(s, j, len);
}

/* A choice's words after the separator: some letter (or a byte of a
 * UTF-8 sequence), and no digit, so "1-2 days" is a range, not a 1. */
static bool answer_words(const char *s, size_t i, size_t len)
{
    bool letter = false;
    for (; i < len; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (is_digit((char)c)) return false;
        letter |= c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
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
    while (i < len && is_digit(s[i]))
        i++;
    if (i == 0) return false;
    if (i + 1 < len && s[i] == mark && is_digit(s[i + 1]))
        for (i++; i < len && is_digit(s[i]); i++)
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

vb_score_status vb_metric_score(const vb_metric_spec *m, const char *s, size_t len, double *x)
{
    if (s == NULL) return VB_SCORE_MISSING;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        i++;
    if (i == len) return VB_SCORE_MISSING;
    double v, top = 0;
    if (!vb_parse_number(s, len, m->decimal_mark, &v) &&
        (m->labels == NULL || !label_score(m->labels, s, len, &v)) &&
        !vb_parse_worded_score(s, len, m->decimal_mark, &v, &top))
        return VB_SCORE_NOT_NUMBER;
    if (top != 0 && m->bounded && top != m->hi) return VB_SCORE_OTHER_SCALE;
    if (m->bounded && (v < m->lo || v > m->hi)) return VB_SCORE_OUT_OF_RANGE;
    if (m->whole && v != floor(v)) return VB_SCORE_NOT_WHOLE;
    switch (m->kind) {
    case VB_METRIC_NPS:
        *x = v >= 9 ? 100 : v <= 6 ? -100 : 0;
        break;
    case VB_METRIC_CSAT:
        *x = v >= m->top_from ? 100 : 0;
        break;
    default:
        *x = v;
        break;
    }
    return VB_SCORE_OK;
}

double vb_metric_unit_variance(const vb_metric_spec *m, const vb_moments *g)
{
    if (g->n == 0 || !(g->sw > 0) || !(g->sw2 > 0)) return NAN;
    const double s = g->swx / g->sw;
    double v = g->swx2 / g->sw - s * s;
    if (v < 0) /* rounding when all x are equal */
        v = 0;
    if (m->proportion) return v;
    const double n_eff = g->sw * g->sw / g->sw2;
    return n_eff > 1 ? v * n_eff / (n_eff - 1) : NAN;
}

vb_estimate vb_metric_estimate(const vb_metric_spec *m, const vb_moments *g)
{
    vb_estimate e;
    e.n = g->n;
    e.value = e.se = e.lo = e.hi = NAN;
    e.n_eff = 0;
    if (g->n == 0 || !(g->sw > 0)) return e;
    e.value = g->swx / g->sw;
    e.n_eff = g->sw * g->sw / g->sw2;
    const double v = vb_metric_unit_variance(m, g);
    if (isfinite(v)) {
        e.se = sqrt(v / e.n_eff);
        e.lo = e.value - VB_Z95 * e.se;
        e.hi = e.value + VB_Z95 * e.se;
    }
    return e;
}

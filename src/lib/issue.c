/* issue.c: the wording of a bad field's message (issue.h). */
#include "issue.h"

#include "metric.h"      /* vb_parse_number */
#include "score_words.h" /* vb_score_in_words */

#include <stdio.h>
#include <string.h>

#define QUOTED_VALUE_BYTES 40

bool vb_issue_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Writes `"value"` for a message: at most QUOTED_VALUE_BYTES bytes, cut on
 * a character boundary, quotes and controls escaped. */
static void quote_value(char *out, size_t size, const char *s, size_t len)
{
    size_t o = 0;
    out[o++] = '"';
    size_t i = 0;
    for (; i < len && i < QUOTED_VALUE_BYTES && o + 6 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c < 0x20 || c == 0x7f) {
            o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
        } else {
            out[o++] = (char)c;
        }
    }
    if (i < len) {
        while (o > 1 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
            o--; /* drop a cut sequence's continuation bytes */
        if (o > 1 && ((unsigned char)out[o - 1] & 0xC0) == 0xC0) o--; /* and its lead byte */
        if (o + 5 < size) {
            memcpy(out + o, "\xE2\x80\xA6", 3);
            o += 3;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
}

void vb_issue_add(vb_report_issue *issues, size_t *n, const char *field, const char *what,
                  const char *value, size_t len)
{
    if (*n >= VB_REPORT_MAX_ISSUES) return;
    vb_report_issue *is = &issues[(*n)++];
    is->field = field;
    if (value == NULL) {
        snprintf(is->message, sizeof is->message, "%s", what);
        return;
    }
    char quoted[QUOTED_VALUE_BYTES * 4 + 8];
    quote_value(quoted, sizeof quoted, value, len);
    snprintf(is->message, sizeof is->message, "%s: %s", what, quoted);
}

void vb_issue_not_number(vb_report_issue *issues, size_t *n, const char *field, const char *value,
                         size_t len, char mark)
{
    double unused;
    const char *what = "not a number";
    if (vb_parse_number(value, len, mark == ',' ? '.' : ',', &unused))
        what = mark == ',' ? "not a number with ',' as the decimal mark"
                           : "not a number with '.' as the decimal mark";
    vb_issue_add(issues, n, field, what, value, len);
}

void vb_issue_not_score(vb_report_issue *issues, size_t *n, const char *field, const char *value,
                        size_t len, char mark, bool labelled)
{
    if (labelled)
        vb_issue_add(issues, n, field, "not a number nor a score label", value, len);
    else if (vb_score_in_words(value, len))
        vb_issue_add(issues, n, field, "not a number (--score-label gives words their score)",
                     value, len);
    else
        vb_issue_not_number(issues, n, field, value, len, mark);
}

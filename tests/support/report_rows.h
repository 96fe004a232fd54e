/* report_rows.h: synthetic respondents for the report tests, written as
 * strings: {"9", "2026-01-05", "North", NULL, "delivery.late,app", text}.
 * Themes are comma-separated ids; a dotted id's parent is added by the
 * library. Each theme's span is its first mention of the theme's last id
 * part in the text ("late" for "delivery.late"), if any. */
#ifndef VB_REPORT_ROWS_H
#define VB_REPORT_ROWS_H

#include "verbatim.h"

#include <stdio.h>
#include <string.h>

typedef struct trow {
    const char *score;
    const char *date;
    const char *segment;
    const char *weight;
    const char *themes;
    const char *text;
    double sentiment; /* the comment's and each theme's */
    const char *id;
} trow;

static inline vb_field tfield(const char *s)
{
    vb_field f = {s, s != NULL ? strlen(s) : 0};
    return f;
}

static inline vb_status trow_add(vb_agg *agg, const trow *r, vb_report_issue *issues,
                                 size_t *n_issues)
{
    char ids[8][64];
    vb_report_theme themes[8];
    vb_range spans[8];
    size_t n = 0;
    const char *p = r->themes != NULL ? r->themes : "";
    while (*p != '\0' && n < 8) {
        size_t len = strcspn(p, ",");
        snprintf(ids[n], sizeof ids[n], "%.*s", (int)len, p);
        memset(&themes[n], 0, sizeof themes[n]);
        themes[n].id = ids[n];
        themes[n].sentiment = r->sentiment;
        const char *word = strrchr(ids[n], '.');
        word = word != NULL ? word + 1 : ids[n];
        const char *at = r->text != NULL ? strstr(r->text, word) : NULL;
        if (at != NULL) {
            spans[n].start = (size_t)(at - r->text);
            spans[n].end = spans[n].start + strlen(word);
            themes[n].spans = &spans[n];
            themes[n].n_spans = 1;
        }
        n++;
        p += len;
        if (*p == ',') p++;
    }
    vb_report_row row;
    memset(&row, 0, sizeof row);
    row.id = tfield(r->id);
    row.text = tfield(r->text);
    row.score = tfield(r->score);
    row.date = tfield(r->date);
    row.segment = tfield(r->segment);
    row.weight = tfield(r->weight);
    row.sentiment = r->sentiment;
    row.themes = themes;
    row.n_themes = n;
    return vb_agg_add(agg, &row, issues, n_issues);
}

/* Adds rows that must be valid; returns how many failed. */
static inline size_t trows_add(vb_agg *agg, const trow *rows, size_t n)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        vb_report_issue issues[VB_REPORT_MAX_ISSUES];
        size_t n_issues = 0;
        if (trow_add(agg, &rows[i], issues, &n_issues) != VB_OK || n_issues > 0) bad++;
    }
    return bad;
}

#endif

/* report_html.h: what report_html.c (the page) and report_svg.c (its
 * charts) share. Private to those two files; the public entry point is
 * vb_report_html() in report.h. */
#ifndef VB_REPORT_HTML_H
#define VB_REPORT_HTML_H

#include "report.h"

#include <stdbool.h>
#include <stddef.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

/* ---- report_html.c ---- */

/* Appends `len` bytes of input text, escaped for HTML content and quoted
 * attributes (& < > " ' as character references); control characters
 * other than TAB and LF become spaces. */
vb_status vb_report_html_esc(vb_buf *b, const char *s, size_t len);

/* vb_report_html_esc() of a NUL-terminated string; NULL appends nothing. */
vb_status vb_report_html_esc_str(vb_buf *b, const char *s);

/* Appends a formatted number with a typeset minus sign ("−5.0"). */
vb_status vb_report_html_num(vb_buf *b, const char *num);

/* "good", "bad" or "flat" for the customer, with --lower-is-better
 * applied: a CSS class. */
const char *vb_report_html_tone(const vb_report *rep, double v);

/* ---- report_svg.c: trend, impact and drivers append their whole
 * <section> (nothing, or a note, when there is no data); the
 * waterfall and the heatmap append a chart for the caller's section ---- */

vb_status vb_report_svg_trend(vb_buf *b, const vb_report *rep);
vb_status vb_report_svg_impact(vb_buf *b, const vb_report *rep);
vb_status vb_report_svg_drivers(vb_buf *b, const vb_report *rep);
vb_status vb_report_svg_waterfall(vb_buf *b, const vb_report *rep);

/* One heatmap over the first `n_seg` segments: `by_score` colours the
 * score among mentioners against the segment's own score, else the share
 * of comments. */
vb_status vb_report_svg_heat(vb_buf *b, const vb_report *rep, size_t n_seg, bool by_score);

#endif

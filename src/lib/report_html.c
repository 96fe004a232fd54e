/* report_html.c: the report as one self-contained HTML5 page: inline CSS
 * and inline SVG charts (drawn by report_svg.c), no script, no network, no
 * external asset (a Content-Security-Policy says so to the browser too).
 *
 * Sections: headline figures, the trend (score line, 95 % band, volume
 * bars), theme impact as diverging bars with interval whiskers, key
 * drivers, a waterfall of what changed, the theme x segment heatmaps,
 * areas for focus, quotes with the theme's matches in <mark>, and the
 * full theme table.
 *
 * Escaping. Everything that comes from the input (comments, ids, theme
 * ids and labels, column names, segment values, period labels, the focus
 * sentences built from them) goes through vb_report_html_esc(), which
 * writes & < > " ' as character references; that is safe in element
 * content and in quoted attribute values, in HTML and in inline SVG
 * (<text>, <title>). Nothing from the input becomes an element id, a URL
 * or a style. Numbers are formatted as the Markdown and table renderers
 * format them.
 */
#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define HEAT_SEGMENTS 20   /* segments in the heatmaps, largest first */
#define FOCUS_QUOTES 3

/* ---- Text ---------------------------------------------------------------- */

/* Appends input text, escaped for HTML content and quoted attributes.
 * Control characters other than TAB and LF become spaces. */
vb_status vb_report_html_esc(vb_buf *b, const char *s, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)s[i];
        const char *ref;
        switch (c) {
        case '&':
            ref = "&amp;";
            break;
        case '<':
            ref = "&lt;";
            break;
        case '>':
            ref = "&gt;";
            break;
        case '"':
            ref = "&quot;";
            break;
        case '\'':
            ref = "&#39;";
            break;
        default:
            ref = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f ? " " : NULL;
            break;
        }
        if (ref == NULL) continue;
        TRY(vb_buf_append(b, s + from, i - from));
        TRY(vb_buf_puts(b, ref));
        from = i + 1;
    }
    return vb_buf_append(b, s + from, len - from);
}

vb_status vb_report_html_esc_str(vb_buf *b, const char *s)
{
    return s != NULL ? vb_report_html_esc(b, s, strlen(s)) : VB_OK;
}

/* A minus sign for negative numbers in charts ("−5.0"), as typeset. */
vb_status vb_report_html_num(vb_buf *b, const char *num)
{
    if (num[0] == '-') {
        TRY(vb_buf_puts(b, "\xE2\x88\x92"));
        num++;
    }
    return vb_buf_puts(b, num);
}

/* good (+1) or bad (-1) for the customer, with --lower-is-better applied */
const char *vb_report_html_tone(const vb_report *rep, double v)
{
    const double x = v * rep->polarity;
    return x > 0 ? "good" : x < 0 ? "bad" : "flat";
}

/* ---- Page ---------------------------------------------------------------- */

/* one string per rule group: ISO C caps a literal at 4095 bytes */
static const char *const css[] = {
    ":root{--bg:#f5f6f8;--card:#fff;--ink:#1c2330;--muted:#5f6b7d;--line:#e2e5eb;"
    "--good:#1e8a55;--bad:#c83a4b;--accent:#2f5fb3;--band:#2f5fb3;--vol:#dfe4ec;"
    "--mark:#ffe08a}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%}\n",
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,"
    "-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif}\n",
    "main{max-width:1120px;margin:0 auto;padding:28px 20px 56px}\n",
    "header h1{font-size:26px;line-height:1.2;margin:0 0 4px;letter-spacing:-.01em}\n",
    "header p{margin:0;color:var(--muted)}\n",
    "nav{margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13.5px}\n",
    "nav a{color:var(--accent);text-decoration:none}nav a:hover{text-decoration:underline}\n",
    ".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:14px;"
    "margin-top:20px}\n",
    ".kpi{background:var(--card);border:1px solid var(--line);border-radius:12px;"
    "padding:14px 18px}\n",
    ".kpi .k{font-size:12.5px;text-transform:uppercase;letter-spacing:.06em;"
    "color:var(--muted)}\n",
    ".kpi .v{font-size:34px;font-weight:650;line-height:1.15;margin:4px 0 2px;"
    "font-variant-numeric:tabular-nums}\n",
    ".kpi .v.small{font-size:21px;line-height:1.3;padding:6px 0 3px}\n",
    ".kpi .d{font-size:13px;color:var(--muted)}\n",
    ".good{color:var(--good)}.bad{color:var(--bad)}\n",
    "section{background:var(--card);border:1px solid var(--line);border-radius:12px;"
    "padding:20px 22px;margin-top:18px}\n",
    "h2{font-size:19px;margin:0 0 2px}h3{font-size:15.5px;margin:18px 0 6px}\n",
    ".sub{color:var(--muted);font-size:13.5px;margin:0 0 12px}\n",
    ".legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12.5px;color:var(--muted);"
    "margin:0 0 6px}\n",
    ".sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;"
    "vertical-align:-1px}\n",
    "svg{display:block;width:100%;height:auto;overflow:visible}\n",
    ".chart{overflow-x:auto}\n",
    "svg text{font-family:inherit;font-size:13px;fill:var(--ink)}\n",
    "svg .ax{font-size:12px;fill:var(--muted)}svg .tt{font-size:12.5px;fill:var(--muted)}\n",
    "svg .grid{stroke:#eceef2;stroke-width:1}svg .zero{stroke:#9aa3b2;stroke-width:1}\n",
    "svg .bad{fill:var(--bad)}svg .good{fill:var(--good)}svg .flat{fill:#9aa3b2}\n",
    "svg .ns{opacity:.35}svg .total{fill:var(--accent)}svg .val{font-size:12.5px;"
    "font-variant-numeric:tabular-nums}svg .b{font-weight:650}svg .mut{fill:var(--muted)}\n",
    "svg .wh{stroke:#2b3342;stroke-width:1.3}svg .cn{stroke:#9aa3b2;stroke-dasharray:3 3}\n",
    "svg .cell{font-size:12.5px;font-variant-numeric:tabular-nums}\n",
    "svg .on{fill:#fff}\n",
    ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:8px 28px}\n",
    "table{border-collapse:collapse;width:100%;font-size:13.5px;"
    "font-variant-numeric:tabular-nums}\n",
    "th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right;"
    "vertical-align:top}\n",
    "th{font-weight:600;color:var(--muted);font-size:12.5px}\n",
    "th:first-child,td:first-child{text-align:left}\n",
    "td.child{padding-left:24px;color:#3b4556}\n",
    ".tag{display:inline-block;font-size:11.5px;line-height:1.5;padding:0 7px;border-radius:9px;"
    "background:#eef1f6;color:var(--muted);white-space:nowrap;font-weight:500}\n",
    ".tag.bad{background:#fbe9eb;color:var(--bad)}.tag.good{background:#e5f4ec;"
    "color:var(--good)}\n",
    "ol.focus{margin:0;padding:0;list-style:none;counter-reset:f}\n",
    "ol.focus>li{counter-increment:f;position:relative;padding:12px 0 12px 44px;"
    "border-top:1px solid var(--line)}\n",
    "ol.focus>li:first-child{border-top:0}\n",
    "ol.focus>li::before{content:counter(f);position:absolute;left:0;top:12px;width:30px;"
    "height:30px;border-radius:50%;background:var(--bad);color:#fff;font-weight:650;"
    "text-align:center;line-height:30px}\n",
    "ol.focus p{margin:0 0 6px;font-weight:550}\n",
    "blockquote{margin:8px 0;padding:8px 12px;border-left:3px solid #cfd5df;"
    "background:#fafbfc;border-radius:0 8px 8px 0;overflow-wrap:anywhere}\n",
    "blockquote.q-bad{border-left-color:var(--bad)}blockquote.q-good{border-left-color:"
    "var(--good)}\n",
    "blockquote footer{font-size:12px;color:var(--muted);margin-top:3px}\n",
    "mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:3px}\n",
    ".quotes{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));"
    "gap:4px 26px}\n",
    ".quotes .theme h3{margin-top:14px}.quotes .theme h3 .tag{margin-left:6px}\n",
    ".none{color:var(--muted);font-style:italic}\n",
    ".parent{color:var(--muted);font-weight:500}\n",
    "footer.page{margin-top:22px;font-size:12.5px;color:var(--muted)}\n",
    "footer.page p{margin:4px 0}\n",
    "@media (max-width:640px){main{padding:16px 10px 40px}section{padding:14px 12px}"
    ".kpi .v{font-size:28px}.grid2{grid-template-columns:1fr}.chart svg{min-width:660px}}\n",
    "@media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}"
    "nav{display:none}section,.kpi{border-color:#c9ced8;break-inside:avoid}"
    "section.long{break-inside:auto}blockquote{break-inside:avoid}"
    "mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n",
};
static vb_status head(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                       "'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                       "form-action 'none'\">\n"
                       "<meta name=\"referrer\" content=\"no-referrer\">\n"
                       "<meta name=\"generator\" content=\"verbatim " VB_VERSION_STRING "\">\n"
                       "<title>"));
    TRY(vb_buf_printf(b, "%s report", rep->metric_label));
    if (rep->opts.score_col != NULL) {
        TRY(vb_buf_puts(b, " \xE2\x80\x94 "));
        TRY(vb_report_html_esc_str(b, rep->opts.score_col));
    }
    TRY(vb_buf_puts(b, "</title>\n<style>\n"));
    for (size_t i = 0; i < sizeof css / sizeof css[0]; i++)
        TRY(vb_buf_puts(b, css[i]));
    return vb_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
}

static vb_status header(vb_buf *b, const vb_report *rep)
{
    const vb_report_options *o = &rep->opts;
    char n[32];
    TRY(vb_buf_printf(b, "<header>\n<h1>What drives %s</h1>\n<p>", rep->metric_label));
    TRY(vb_buf_printf(b, "%s comments", vb_rep_count(n, sizeof n, rep->records)));
    if (rep->n_periods > 0) {
        TRY(vb_buf_puts(b, " \xC2\xB7 "));
        TRY(vb_report_html_esc_str(b, rep->periods[0].key));
        if (rep->n_periods > 1) {
            TRY(vb_buf_puts(b, " to "));
            TRY(vb_report_html_esc_str(b, rep->periods[rep->n_periods - 1].key));
        }
        TRY(vb_buf_printf(b, " by %s", vb_period_name(o->period)));
    }
    if (o->score_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 score column \xE2\x80\x9C"));
        TRY(vb_report_html_esc_str(b, o->score_col));
        TRY(vb_buf_puts(b, "\xE2\x80\x9D"));
    }
    if (o->segment_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 segments by \xE2\x80\x9C"));
        TRY(vb_report_html_esc_str(b, o->segment_col));
        TRY(vb_buf_puts(b, "\xE2\x80\x9D"));
    }
    if (o->weight_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 weighted by \xE2\x80\x9C"));
        TRY(vb_report_html_esc_str(b, o->weight_col));
        TRY(vb_buf_puts(b, "\xE2\x80\x9D"));
    }
    if (o->lower_is_better) TRY(vb_buf_puts(b, " \xC2\xB7 lower is better"));
    TRY(vb_buf_puts(b, "</p>\n<nav>"));
    if (rep->n_periods > 0) TRY(vb_buf_puts(b, "<a href=\"#trend\">Trend</a>"));
    TRY(vb_buf_puts(b, "<a href=\"#impact\">Theme impact</a><a href=\"#drivers\">Key drivers</a>"));
    if (rep->change.present) TRY(vb_buf_puts(b, "<a href=\"#change\">What changed</a>"));
    if (rep->n_heat_rows > 0) TRY(vb_buf_puts(b, "<a href=\"#segments\">Segments</a>"));
    TRY(vb_buf_puts(b, "<a href=\"#focus\">Areas for focus</a><a href=\"#quotes\">Quotes</a>"
                       "<a href=\"#themes\">All themes</a></nav>\n</header>\n"));
    return VB_OK;
}

static vb_status kpis(vb_buf *b, const vb_report *rep)
{
    char s[32], c[80], n[32], r[32];
    TRY(vb_buf_printf(b,
                      "<div class=\"kpis\">\n<div class=\"kpi\"><div class=\"k\">%s</div>"
                      "<div class=\"v\">",
                      rep->metric_label));
    TRY(vb_report_html_num(b, vb_rep_score(rep, s, sizeof s, rep->overall.value)));
    TRY(vb_buf_printf(b, "</div><div class=\"d\">95%% CI %s",
                      vb_rep_interval(rep, c, sizeof c, rep->overall.lo, rep->overall.hi)));
    if (rep->overall_small) TRY(vb_buf_puts(b, " <span class=\"tag\">small sample</span>"));
    TRY(vb_buf_puts(b, "</div></div>\n"));

    TRY(vb_buf_printf(b,
                      "<div class=\"kpi\"><div class=\"k\">Scored responses</div>"
                      "<div class=\"v\">%s</div><div class=\"d\">of %s comments",
                      vb_rep_count(n, sizeof n, rep->overall.n),
                      vb_rep_count(r, sizeof r, rep->records)));
    if (rep->records_rejected > 0)
        TRY(vb_buf_printf(b, " \xC2\xB7 %s record%s rejected while reading",
                          vb_rep_count(n, sizeof n, rep->records_rejected),
                          rep->records_rejected == 1 ? "" : "s"));
    TRY(vb_buf_printf(b, " \xC2\xB7 %s score%s rejected", vb_rep_count(n, sizeof n, rep->rejected),
                      rep->rejected == 1 ? "" : "s"));
    if (rep->dates_rejected > 0)
        TRY(vb_buf_printf(b, " \xC2\xB7 %s bad dates",
                          vb_rep_count(n, sizeof n, rep->dates_rejected)));
    TRY(vb_buf_puts(b, "</div></div>\n"));

    const vb_rep_change *ch = &rep->change;
    if (ch->present) {
        TRY(vb_buf_printf(b, "<div class=\"kpi\"><div class=\"k\">Change</div><div class=\"v %s\">",
                          ch->delta.significant ? vb_report_html_tone(rep, ch->delta.delta) : ""));
        TRY(vb_report_html_num(b, vb_rep_num(s, sizeof s, ch->delta.delta, rep->decimals, true)));
        TRY(vb_buf_puts(b, "</div><div class=\"d\">"));
        TRY(vb_report_html_esc_str(b, ch->from));
        TRY(vb_buf_puts(b, " \xE2\x86\x92 "));
        TRY(vb_report_html_esc_str(b, ch->to));
        TRY(vb_buf_printf(b, " \xC2\xB7 95%% CI %s \xC2\xB7 %s%s</div></div>\n",
                          vb_rep_diff_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
                          ch->delta.significant ? "significant" : "not significant",
                          ch->small ? " \xC2\xB7 small sample" : ""));
    }

    /* the theme that costs most, overall */
    const vb_rep_theme *worst = NULL;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        if (t->impact_significant && t->impact * rep->polarity < 0 &&
            (worst == NULL || t->impact * rep->polarity < worst->impact * rep->polarity))
            worst = t;
    }
    TRY(vb_buf_puts(b, "<div class=\"kpi\"><div class=\"k\">Costs most</div>"));
    if (worst == NULL) {
        TRY(vb_buf_puts(b, "<div class=\"v small\">No theme</div><div class=\"d\">has a "
                           "significant negative impact</div></div>\n"));
    } else {
        TRY(vb_buf_puts(b, "<div class=\"v small\">"));
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(worst)));
        TRY(vb_buf_puts(b, "</div><div class=\"d\"><span class=\"bad\">"));
        TRY(vb_report_html_num(b, vb_rep_impact_num(rep, s, sizeof s, worst->impact)));
        TRY(vb_buf_printf(b, " %s</span> of %s \xC2\xB7 mentioned by %s</div></div>\n", rep->unit,
                          rep->metric_label, vb_rep_pct(c, sizeof c, worst->share)));
    }
    return vb_buf_puts(b, "</div>\n");
}

static vb_status moved(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    if (ch->n_moved == 0) return VB_OK;
    TRY(vb_buf_printf(b,
                      "<h3>Moved significantly</h3>\n<table><thead><tr><th>Theme</th>"
                      "<th>Share of comments</th><th>%s of mentioners</th></tr></thead>"
                      "<tbody>\n",
                      rep->metric_label));
    for (size_t i = 0; i < ch->n_moved; i++) {
        const vb_rep_moved *m = &ch->moved[i];
        char s0[32], s1[32], a[32], z[32];
        TRY(vb_buf_puts(b, "<tr><td>"));
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(&rep->themes[m->theme])));
        TRY(vb_buf_printf(b, "</td><td>%s \xE2\x86\x92 %s%s</td>",
                          vb_rep_pct(s0, sizeof s0, m->share_from), vb_rep_pct(s1, sizeof s1, m->share_to),
                          m->share.significant ? " <span class=\"tag\">significant</span>" : ""));
        TRY(vb_buf_printf(b, "<td>%s \xE2\x86\x92 %s%s</td></tr>\n",
                          vb_rep_score(rep, a, sizeof a, m->score_from.value),
                          vb_rep_score(rep, z, sizeof z, m->score_to.value),
                          m->score.significant ? " <span class=\"tag\">significant</span>" : ""));
    }
    return vb_buf_puts(b, "</tbody></table>\n");
}

static vb_status change(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    if (!ch->present) return VB_OK;
    char f[32], t[32], d[32], c[80], nf[32], nt[32];
    TRY(vb_buf_puts(b, "<section id=\"change\">\n<h2>What changed: "));
    TRY(vb_report_html_esc_str(b, ch->from));
    TRY(vb_buf_puts(b, " \xE2\x86\x92 "));
    TRY(vb_report_html_esc_str(b, ch->to));
    TRY(vb_buf_printf(b, "</h2>\n<p class=\"sub\">%s went from %s (n = %s) to %s (n = %s): <b>",
                      rep->metric_label, vb_rep_score(rep, f, sizeof f, ch->score_from.value),
                      vb_rep_count(nf, sizeof nf, ch->score_from.n),
                      vb_rep_score(rep, t, sizeof t, ch->score_to.value),
                      vb_rep_count(nt, sizeof nt, ch->score_to.n)));
    TRY(vb_report_html_num(b, vb_rep_num(d, sizeof d, ch->delta.delta, rep->decimals, true)));
    TRY(vb_buf_printf(b,
                      "</b> (95%% CI %s, %s%s). Each respondent's part of the score is shared "
                      "equally among the top-level themes they mention, so the bars add up to "
                      "the change.</p>\n",
                      vb_rep_diff_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
                      ch->delta.significant ? "significant" : "not significant",
                      ch->small ? "; small sample" : ""));
    TRY(vb_buf_puts(b, "<div class=\"legend\"><span><span class=\"sw\" "
                       "style=\"background:var(--accent)\"></span>score</span><span><span "
                       "class=\"sw\" style=\"background:var(--good)\"></span>raised it</span>"
                       "<span><span class=\"sw\" style=\"background:var(--bad)\"></span>lowered "
                       "it</span></div>\n"));
    TRY(vb_report_svg_waterfall(b, rep));
    TRY(moved(b, rep));
    return vb_buf_puts(b, "</section>\n");
}

static vb_status heatmap(vb_buf *b, const vb_report *rep)
{
    if (rep->n_heat_rows == 0) return VB_OK;
    const size_t n_seg = rep->n_segments < HEAT_SEGMENTS ? rep->n_segments : HEAT_SEGMENTS;
    TRY(vb_buf_puts(b, "<section id=\"segments\">\n<h2>Themes by "));
    TRY(vb_report_html_esc_str(b, rep->opts.segment_col != NULL ? rep->opts.segment_col : "segment"));
    TRY(vb_buf_puts(b, "</h2>\n<p class=\"sub\">Where each top-level theme comes up, and how "
                       "its mentioners score compared with everyone in the same segment."));
    if (n_seg < rep->n_segments)
        TRY(vb_buf_printf(b, " The %zu largest of %zu segments; all are in the JSON and CSV.",
                          n_seg, rep->n_segments));
    TRY(vb_buf_puts(b, "</p>\n<h3>Share of the segment's comments that mention the "
                       "theme</h3>\n"));
    TRY(vb_report_svg_heat(b, rep, n_seg, false));
    TRY(vb_buf_printf(b, "<h3>%s among the theme's mentioners</h3>\n", rep->metric_label));
    TRY(vb_report_svg_heat(b, rep, n_seg, true));
    return vb_buf_puts(b, "</section>\n");
}

/* ---- Quotes ---------------------------------------------------------------- */

static bool on_boundary(const vb_rep_quote *q, size_t at)
{
    return at == q->len || (at < q->len && ((unsigned char)q->text[at] & 0xC0) != 0x80);
}

/* A quote with the theme's matches in <mark>: the text between the marks
 * is escaped piece by piece; a span that is out of order, out of range or
 * not on a character boundary is left unmarked. */
static vb_status quote(vb_buf *b, const vb_report *rep, const vb_rep_theme *t,
                       const vb_rep_quote *q)
{
    char s[32];
    TRY(vb_buf_printf(b, "<blockquote class=\"%s\">\xE2\x80\x9C",
                      t->direction > 0   ? "q-good"
                      : t->direction < 0 ? "q-bad"
                                         : ""));
    (void)rep;
    size_t at = 0;
    for (size_t k = 0; k < q->n_spans; k++) {
        const vb_range *r = &q->spans[k];
        if (r->start < at || r->end > q->len || r->start >= r->end || !on_boundary(q, r->start) ||
            !on_boundary(q, r->end))
            continue;
        TRY(vb_report_html_esc(b, q->text + at, r->start - at));
        TRY(vb_buf_puts(b, "<mark>"));
        TRY(vb_report_html_esc(b, q->text + r->start, r->end - r->start));
        TRY(vb_buf_puts(b, "</mark>"));
        at = r->end;
    }
    TRY(vb_report_html_esc(b, q->text + at, q->len - at));
    TRY(vb_buf_puts(b, "\xE2\x80\x9D<footer>"));
    if (q->date[0] != '\0') {
        TRY(vb_report_html_esc_str(b, q->date));
        TRY(vb_buf_puts(b, " \xC2\xB7 "));
    }
    if (q->segment != NULL) {
        TRY(vb_report_html_esc_str(b, q->segment));
        TRY(vb_buf_puts(b, " \xC2\xB7 "));
    }
    TRY(vb_report_html_esc_str(b, q->id));
    TRY(vb_buf_puts(b, " \xC2\xB7 sentiment "));
    TRY(vb_report_html_num(b, vb_rep_num(s, sizeof s, q->sentiment, 2, true)));
    return vb_buf_puts(b, "</footer></blockquote>\n");
}

static vb_status focus(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "<section id=\"focus\">\n<h2>Areas for focus</h2>\n<p class=\"sub\">"));
    if (rep->focus_where[0] != '\0') {
        TRY(vb_buf_puts(b, "In "));
        TRY(vb_report_html_esc_str(b, rep->focus_where));
        TRY(vb_buf_puts(b, ": t"));
    } else {
        TRY(vb_buf_puts(b, "T"));
    }
    TRY(vb_buf_puts(b, "hemes that cost points significantly or got significantly worse, the "
                       "most points lost first.</p>\n"));
    if (rep->n_focus == 0)
        return vb_buf_puts(b, "<p class=\"none\">No theme has a significant negative impact or "
                              "got significantly worse.</p>\n</section>\n");
    TRY(vb_buf_puts(b, "<ol class=\"focus\">\n"));
    for (size_t i = 0; i < rep->n_focus; i++) {
        const vb_rep_focus *f = &rep->focus[i];
        const vb_rep_theme *t = &rep->themes[f->theme];
        TRY(vb_buf_puts(b, "<li><p>"));
        TRY(vb_report_html_esc_str(b, f->sentence));
        TRY(vb_buf_puts(b, "</p>\n"));
        for (size_t k = 0; k < f->n_quotes && k < FOCUS_QUOTES; k++)
            TRY(quote(b, rep, t, &f->quotes[k]));
        TRY(vb_buf_puts(b, "</li>\n"));
    }
    return vb_buf_puts(b, "</ol>\n</section>\n");
}

static vb_status theme_tags(vb_buf *b, const vb_report *rep, const vb_rep_theme *t)
{
    char n[32], s[32], sh[32];
    TRY(vb_buf_printf(b, "<span class=\"tag\">%s mentions \xC2\xB7 %s</span>",
                      vb_rep_count(n, sizeof n, t->n), vb_rep_pct(sh, sizeof sh, t->share)));
    if (isfinite(t->impact)) {
        TRY(vb_buf_printf(b, "<span class=\"tag%s%s\">impact ", t->impact_significant ? " " : "",
                          t->impact_significant ? vb_report_html_tone(rep, t->impact) : ""));
        TRY(vb_report_html_num(b, vb_rep_impact_num(rep, s, sizeof s, t->impact)));
        TRY(vb_buf_puts(b, "</span>"));
    }
    return VB_OK;
}

static vb_status quotes(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "<section id=\"quotes\" class=\"long\">\n<h2>What customers say</h2>\n"
                       "<p class=\"sub\">Per theme, comments on the side the figures point to "
                       "(strongest sentiment first, near duplicates dropped); the words that "
                       "matched the theme are highlighted.</p>\n<div class=\"quotes\">\n"));
    bool any = false;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        if (t->n_quotes == 0) continue;
        any = true;
        TRY(vb_buf_puts(b, "<div class=\"theme\"><h3>"));
        if (t->parent >= 0) {
            TRY(vb_buf_puts(b, "<span class=\"parent\">"));
            TRY(vb_report_html_esc_str(b, vb_rep_theme_name(&rep->themes[t->parent])));
            TRY(vb_buf_puts(b, " \xE2\x80\xBA </span>"));
        }
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
        TRY(theme_tags(b, rep, t));
        TRY(vb_buf_puts(b, "</h3>\n"));
        for (size_t k = 0; k < t->n_quotes; k++)
            TRY(quote(b, rep, t, &t->quotes[k]));
        TRY(vb_buf_puts(b, "</div>\n"));
    }
    if (!any) TRY(vb_buf_puts(b, "<p class=\"none\">No quotes.</p>\n"));
    return vb_buf_puts(b, "</div>\n</section>\n");
}

/* ---- Tables ---------------------------------------------------------------- */

static vb_status group_table(vb_buf *b, const vb_report *rep, const char *title, const char *col,
                             const vb_rep_group *g, size_t n)
{
    char s[32], c[80], cnt[32], rec[32];
    TRY(vb_buf_puts(b, "<div><h3>"));
    TRY(vb_report_html_esc_str(b, title));
    TRY(vb_buf_puts(b, "</h3>\n<table><thead><tr><th>"));
    TRY(vb_report_html_esc_str(b, col));
    TRY(vb_buf_printf(b,
                      "</th><th>Comments</th><th>Scored</th><th>%s</th><th>95%% CI</th>"
                      "</tr></thead><tbody>\n",
                      rep->metric_label));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, "<tr><td>"));
        TRY(vb_report_html_esc_str(b, g[i].key));
        if (g[i].small) TRY(vb_buf_puts(b, " <span class=\"tag\">small</span>"));
        TRY(vb_buf_printf(b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                          vb_rep_count(rec, sizeof rec, g[i].records),
                          vb_rep_count(cnt, sizeof cnt, g[i].score.n),
                          vb_rep_score(rep, s, sizeof s, g[i].score.value),
                          vb_rep_interval(rep, c, sizeof c, g[i].score.lo, g[i].score.hi)));
    }
    return vb_buf_puts(b, "</tbody></table></div>\n");
}

static vb_status theme_table(vb_buf *b, const vb_report *rep)
{
    char n[32], sh[32], se[32], s[32], im[32], c[80];
    TRY(vb_buf_printf(b,
                      "<section id=\"themes\" class=\"long\">\n<h2>All themes</h2>\n<p "
                      "class=\"sub\">Impact = the score of everyone minus the score without the "
                      "theme's mentioners. Small: fewer than %zu scores among the mentioners."
                      "</p>\n",
                      rep->opts.min_n));
    if (rep->n_themes == 0)
        return vb_buf_puts(b, "<p class=\"none\">No comment mentions a theme.</p>\n</section>\n");
    TRY(vb_buf_printf(b,
                      "<table><thead><tr><th>Theme</th><th>Mentions</th><th>Share</th>"
                      "<th>Sentiment</th><th>%s</th><th>Impact</th><th>Impact 95%% CI</th>"
                      "</tr></thead><tbody>\n",
                      rep->metric_label));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        TRY(vb_buf_puts(b, t->parent >= 0 ? "<tr><td class=\"child\">" : "<tr><td><b>"));
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_puts(b, t->parent >= 0 ? "" : "</b>"));
        if (t->small) TRY(vb_buf_puts(b, " <span class=\"tag\">small</span>"));
        TRY(vb_buf_printf(b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
                          vb_rep_count(n, sizeof n, t->n), vb_rep_pct(sh, sizeof sh, t->share),
                          vb_rep_num(se, sizeof se, t->sentiment, 2, true),
                          vb_rep_score(rep, s, sizeof s, t->score.value)));
        TRY(vb_buf_printf(b, "<td class=\"%s\">%s%s</td><td>%s</td></tr>\n",
                          t->impact_significant ? vb_report_html_tone(rep, t->impact) : "",
                          vb_rep_impact_num(rep, im, sizeof im, t->impact),
                          t->impact_significant ? " \xE2\x97\x8F" : "",
                          vb_rep_impact_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi)));
    }
    return vb_buf_puts(b, "</tbody></table>\n<p class=\"sub\" style=\"margin-top:8px\">"
                          "\xE2\x97\x8F significant: the 95% interval excludes 0.</p>\n"
                          "</section>\n");
}

static vb_status groups(vb_buf *b, const vb_report *rep)
{
    if (rep->n_periods == 0 && rep->n_segments == 0) return VB_OK;
    char title[64];
    TRY(vb_buf_puts(b, "<section id=\"groups\">\n<h2>Periods and segments</h2>\n<div "
                       "class=\"grid2\">\n"));
    if (rep->n_periods > 0) {
        snprintf(title, sizeof title, "By %s", vb_period_name(rep->opts.period));
        TRY(group_table(b, rep, title, "Period", rep->periods, rep->n_periods));
    }
    if (rep->n_segments > 0) {
        TRY(group_table(b, rep, "By segment",
                        rep->opts.segment_col != NULL ? rep->opts.segment_col : "Segment",
                        rep->segments, rep->n_segments));
    }
    return vb_buf_puts(b, "</div>\n</section>\n");
}

static vb_status footer(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_printf(b,
                      "<footer class=\"page\"><p>Intervals are 95%%: the estimate "
                      "\xC2\xB1 1.96 standard errors. Groups with fewer than %zu scores are "
                      "flagged as small samples, not hidden. Methods: the verbatim README, "
                      "\xE2\x80\x9CReport\xE2\x80\x9D.</p><p>Made by verbatim " VB_VERSION_STRING
                      ".</p></footer>\n",
                      rep->opts.min_n));
    return VB_OK;
}

vb_status vb_report_html(vb_report *rep)
{
    vb_buf *b = &rep->out;
    TRY(head(b, rep));
    TRY(header(b, rep));
    TRY(kpis(b, rep));
    TRY(vb_report_svg_trend(b, rep));
    TRY(change(b, rep));
    TRY(vb_report_svg_impact(b, rep));
    TRY(vb_report_svg_drivers(b, rep));
    TRY(heatmap(b, rep));
    TRY(focus(b, rep));
    TRY(quotes(b, rep));
    TRY(groups(b, rep));
    TRY(theme_table(b, rep));
    TRY(footer(b, rep));
    return vb_buf_puts(b, "</main>\n</body>\n</html>\n");
}

/* report_html.c: the report as one self-contained HTML5 page: inline CSS
 * and inline SVG charts drawn here, no script, no network, no external
 * asset (a Content-Security-Policy says so to the browser too).
 *
 * Sections: headline figures, the trend (score line, 95 % band, volume
 * bars), theme impact as diverging bars with interval whiskers, key
 * drivers, a waterfall of what changed, the theme x segment heatmaps,
 * areas for focus, quotes with the theme's matches in <mark>, and the
 * full theme table.
 *
 * Escaping. Everything that comes from the input (comments, ids, theme
 * ids and labels, column names, segment values, period labels, the focus
 * sentences built from them) goes through esc(), which writes & < > " '
 * as character references; that is safe in element content and in quoted
 * attribute values, in HTML and in inline SVG (<text>, <title>). Nothing
 * from the input becomes an element id, a URL or a style. Numbers are
 * formatted as the Markdown and table renderers format them.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

#define CHART_W 1000.0     /* every chart's viewBox width */
#define LABEL_X 292.0      /* right edge of the theme labels */
#define IMPACT_ROWS 16     /* themes in the impact chart */
#define DRIVER_ROWS 12     /* themes in the drivers chart */
#define WATERFALL_PARTS 12 /* themes in the waterfall before "other" */
#define HEAT_SEGMENTS 20   /* segments in the heatmaps, largest first */
#define FOCUS_QUOTES 3

/* ---- Text ---------------------------------------------------------------- */

/* Appends input text, escaped for HTML content and quoted attributes.
 * Control characters other than TAB and LF become spaces. */
static vb_status esc(vb_buf *b, const char *s, size_t len)
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

static vb_status esc_str(vb_buf *b, const char *s)
{
    return s != NULL ? esc(b, s, strlen(s)) : VB_OK;
}

/* Escapes `s` cut to `max` code points, "…" where cut: for SVG labels,
 * which do not wrap. */
static vb_status esc_cut(vb_buf *b, const char *s, size_t max)
{
    const size_t len = strlen(s);
    size_t cps = 0, cut = len;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
        if (cps == max - 1) cut = i;
        cps++;
    }
    if (cps <= max) return esc(b, s, len);
    TRY(esc(b, s, cut));
    return vb_buf_puts(b, "\xE2\x80\xA6");
}

/* A minus sign for negative numbers in charts ("−5.0"), as typeset. */
static vb_status put_num(vb_buf *b, const char *num)
{
    if (num[0] == '-') {
        TRY(vb_buf_puts(b, "\xE2\x88\x92"));
        num++;
    }
    return vb_buf_puts(b, num);
}

/* good (+1) or bad (-1) for the customer, with --lower-is-better applied */
static const char *tone(const vb_report *rep, double v)
{
    const double x = v * rep->polarity;
    return x > 0 ? "good" : x < 0 ? "bad" : "flat";
}

/* ---- Chart helpers -------------------------------------------------------- */

typedef struct axis {
    double lo, hi, step;
    int decimals;
} axis;

/* A "nice" axis over [lo, hi] with about `ticks` steps of 1, 2 or 5 x 10^k. */
static axis nice_axis(double lo, double hi, int ticks)
{
    axis a;
    if (!isfinite(lo) || !isfinite(hi)) lo = 0, hi = 1;
    if (hi - lo < 1e-9) {
        const double pad = fabs(lo) > 1 ? fabs(lo) * 0.1 : 1;
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / ticks;
    const double mag = pow(10, floor(log10(raw)));
    const double f = raw / mag;
    a.step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    a.lo = floor(lo / a.step + 1e-9) * a.step;
    a.hi = ceil(hi / a.step - 1e-9) * a.step;
    a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
    return a;
}

/* v on the axis, mapped to [from, to]; values past the axis stop at its
 * ends. */
static double scale(const axis *a, double v, double from, double to)
{
    v = v < a->lo ? a->lo : v > a->hi ? a->hi : v;
    return from + (v - a->lo) / (a->hi - a->lo) * (to - from);
}

static vb_status svg_open(vb_buf *b, double w, double h, const char *label)
{
    return vb_buf_printf(b,
                         "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
                         "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">",
                         w, h, label);
}

/* #rrggbb between two colours. */
static void mix(char out[8], const unsigned char a[3], const unsigned char c[3], double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    unsigned v[3];
    for (int i = 0; i < 3; i++)
        v[i] = (unsigned)lround(a[i] + (c[i] - a[i]) * t) & 0xFFu;
    snprintf(out, 8, "#%02x%02x%02x", v[0], v[1], v[2]);
}

static bool dark(const unsigned char a[3], const unsigned char c[3], double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double y = 0;
    const double k[3] = {0.299, 0.587, 0.114};
    for (int i = 0; i < 3; i++)
        y += k[i] * (a[i] + (c[i] - a[i]) * t);
    return y < 140;
}

static const unsigned char C_PALE[3] = {0xf4, 0xf6, 0xfa};
static const unsigned char C_BLUE[3] = {0x1f, 0x4e, 0x9c};
static const unsigned char C_MID[3] = {0xf5, 0xf5, 0xf2};
static const unsigned char C_GOOD[3] = {0x1e, 0x8a, 0x55};
static const unsigned char C_BAD[3] = {0xc8, 0x3a, 0x4b};

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
        TRY(esc_str(b, rep->opts.score_col));
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
        TRY(esc_str(b, rep->periods[0].key));
        if (rep->n_periods > 1) {
            TRY(vb_buf_puts(b, " to "));
            TRY(esc_str(b, rep->periods[rep->n_periods - 1].key));
        }
        TRY(vb_buf_printf(b, " by %s", vb_period_name(o->period)));
    }
    if (o->score_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 score column \xE2\x80\x9C"));
        TRY(esc_str(b, o->score_col));
        TRY(vb_buf_puts(b, "\xE2\x80\x9D"));
    }
    if (o->segment_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 segments by \xE2\x80\x9C"));
        TRY(esc_str(b, o->segment_col));
        TRY(vb_buf_puts(b, "\xE2\x80\x9D"));
    }
    if (o->weight_col != NULL) {
        TRY(vb_buf_puts(b, " \xC2\xB7 weighted by \xE2\x80\x9C"));
        TRY(esc_str(b, o->weight_col));
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
    TRY(put_num(b, vb_rep_score(rep, s, sizeof s, rep->overall.value)));
    TRY(vb_buf_printf(b, "</div><div class=\"d\">95%% CI %s",
                      vb_rep_interval(rep, c, sizeof c, rep->overall.lo, rep->overall.hi)));
    if (rep->overall_small) TRY(vb_buf_puts(b, " <span class=\"tag\">small sample</span>"));
    TRY(vb_buf_puts(b, "</div></div>\n"));

    TRY(vb_buf_printf(b,
                      "<div class=\"kpi\"><div class=\"k\">Scored responses</div>"
                      "<div class=\"v\">%s</div><div class=\"d\">of %s comments",
                      vb_rep_count(n, sizeof n, rep->overall.n),
                      vb_rep_count(r, sizeof r, rep->records)));
    TRY(vb_buf_printf(b, " \xC2\xB7 %s rejected", vb_rep_count(n, sizeof n, rep->rejected)));
    if (rep->dates_rejected > 0)
        TRY(vb_buf_printf(b, " \xC2\xB7 %s bad dates",
                          vb_rep_count(n, sizeof n, rep->dates_rejected)));
    TRY(vb_buf_puts(b, "</div></div>\n"));

    const vb_rep_change *ch = &rep->change;
    if (ch->present) {
        TRY(vb_buf_printf(b, "<div class=\"kpi\"><div class=\"k\">Change</div><div class=\"v %s\">",
                          ch->delta.significant ? tone(rep, ch->delta.delta) : ""));
        TRY(put_num(b, vb_rep_num(s, sizeof s, ch->delta.delta, rep->decimals, true)));
        TRY(vb_buf_puts(b, "</div><div class=\"d\">"));
        TRY(esc_str(b, ch->from));
        TRY(vb_buf_puts(b, " \xE2\x86\x92 "));
        TRY(esc_str(b, ch->to));
        TRY(vb_buf_printf(b, " \xC2\xB7 95%% CI %s \xC2\xB7 %s%s</div></div>\n",
                          vb_rep_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
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
        TRY(esc_str(b, vb_rep_theme_name(worst)));
        TRY(vb_buf_puts(b, "</div><div class=\"d\"><span class=\"bad\">"));
        TRY(put_num(b, vb_rep_num(s, sizeof s, worst->impact, rep->decimals, true)));
        TRY(vb_buf_printf(b, " %s</span> of %s \xC2\xB7 mentioned by %s</div></div>\n", rep->unit,
                          rep->metric_label, vb_rep_pct(c, sizeof c, worst->share)));
    }
    return vb_buf_puts(b, "</div>\n");
}

/* ---- Trend ---------------------------------------------------------------- */

static vb_status trend_band(vb_buf *b, const vb_report *rep, const axis *y, size_t from, size_t to,
                            double x0, double step, double top, double bottom)
{
    if (to - from == 1) { /* one point: a whisker */
        const vb_rep_group *g = &rep->periods[from];
        const double x = x0 + (from + 0.5) * step;
        return vb_buf_printf(b,
                             "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                             "stroke=\"#2f5fb3\" stroke-opacity=\".35\" stroke-width=\"8\"/>",
                             x, scale(y, g->score.hi, bottom, top), x,
                             scale(y, g->score.lo, bottom, top));
    }
    TRY(vb_buf_puts(b, "<polygon fill=\"#2f5fb3\" fill-opacity=\".14\" points=\""));
    for (size_t i = from; i < to; i++)
        TRY(vb_buf_printf(b, "%.1f,%.1f ", x0 + (i + 0.5) * step,
                          scale(y, rep->periods[i].score.hi, bottom, top)));
    for (size_t i = to; i-- > from;)
        TRY(vb_buf_printf(b, "%.1f,%.1f ", x0 + (i + 0.5) * step,
                          scale(y, rep->periods[i].score.lo, bottom, top)));
    return vb_buf_puts(b, "\"/>");
}

static vb_status trend(vb_buf *b, const vb_report *rep)
{
    const size_t n = rep->n_periods;
    if (n == 0) return VB_OK;
    const double W = CHART_W, H = 350, L = 62, R = 70, T = 14, B = 66;
    const double top = T, bottom = H - B, x0 = L, step = (W - L - R) / (double)n;
    double lo = INFINITY, hi = -INFINITY;
    uint64_t max_n = 0;
    for (size_t i = 0; i < n; i++) {
        const vb_estimate *e = &rep->periods[i].score;
        if (isfinite(e->lo)) lo = fmin(lo, e->lo), hi = fmax(hi, e->hi);
        if (isfinite(e->value)) lo = fmin(lo, e->value), hi = fmax(hi, e->value);
        if (rep->periods[i].records > max_n) max_n = rep->periods[i].records;
    }
    if (isfinite(rep->overall.value))
        lo = fmin(lo, rep->overall.value), hi = fmax(hi, rep->overall.value);
    /* an interval may reach past what the metric can be */
    if (rep->opts.metric == VB_METRIC_NPS) lo = fmax(lo, -100), hi = fmin(hi, 100);
    if (rep->opts.metric == VB_METRIC_CSAT) lo = fmax(lo, 0), hi = fmin(hi, 100);
    const axis y = nice_axis(lo, hi, 5);
    const axis v = nice_axis(0, (double)(max_n > 0 ? max_n : 1), 2);
    /* volume bars fill the lower 40 % of the plot */
    const double v_top = bottom - (bottom - top) * 0.4;
    char s[32], c[80], cnt[32], cnt2[32];

    TRY(vb_buf_printf(b,
                      "<section id=\"trend\">\n<h2>Trend by %s</h2>\n<p class=\"sub\">%s per "
                      "%s with its 95%% interval (band) and the number of comments (bars, "
                      "right axis).",
                      vb_period_name(rep->opts.period), rep->metric_label,
                      vb_period_name(rep->opts.period)));
    TRY(vb_buf_printf(b, " Hollow points: fewer than %zu scores.</p>\n", rep->opts.min_n));
    TRY(vb_buf_printf(b,
                      "<div class=\"legend\"><span><span class=\"sw\" "
                      "style=\"background:#2f5fb3\"></span>%s</span><span><span class=\"sw\" "
                      "style=\"background:#2f5fb3;opacity:.2\"></span>95%% interval</span>"
                      "<span><span class=\"sw\" style=\"background:#dfe4ec\"></span>comments"
                      "</span><span><span class=\"sw\" style=\"background:none;border-top:2px "
                      "dashed #9aa3b2;height:0;width:16px;vertical-align:middle\"></span>overall "
                      "%s</span></div>\n",
                      rep->metric_label, rep->metric_label));
    TRY(svg_open(b, W, H, "Trend chart"));
    /* grid and left axis */
    for (double t = y.lo; t <= y.hi + y.step / 2; t += y.step) {
        const double py = scale(&y, t, bottom, top);
        TRY(vb_buf_printf(b,
                          "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                          L, W - R, py, py));
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", L - 8,
                          py + 4));
        TRY(put_num(b, vb_rep_num(s, sizeof s, t, y.decimals, rep->opts.metric == VB_METRIC_NPS)));
        TRY(vb_buf_puts(b, "</text>"));
    }
    /* the two compared periods */
    const vb_rep_change *ch = &rep->change;
    if (ch->present && strcmp(ch->kind, "period") == 0) {
        for (size_t i = 0; i < n; i++) {
            const bool from = strcmp(rep->periods[i].key, ch->from) == 0;
            if (!from && strcmp(rep->periods[i].key, ch->to) != 0) continue;
            TRY(vb_buf_printf(b,
                              "<text class=\"ax b\" x=\"%.1f\" y=\"%.1f\" "
                              "text-anchor=\"middle\" style=\"fill:var(--accent)\">%s</text>",
                              x0 + (i + 0.5) * step, bottom + 34, from ? "from" : "to"));
        }
    }
    /* volume bars and right axis */
    for (size_t i = 0; i < n; i++) {
        const vb_rep_group *g = &rep->periods[i];
        const double h = (bottom - v_top) * (double)g->records / v.hi;
        TRY(vb_buf_printf(b,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                          "fill=\"#dfe4ec\" rx=\"2\"><title>",
                          x0 + (i + 0.5) * step - step * 0.3, bottom - h, step * 0.6, h));
        TRY(esc_str(b, g->key));
        TRY(vb_buf_printf(b, ": %s comments, %s scored</title></rect>",
                          vb_rep_count(cnt, sizeof cnt, g->records),
                          vb_rep_count(cnt2, sizeof cnt2, g->score.n)));
    }
    for (double t = 0; t <= v.hi + v.step / 2; t += v.step) {
        const double py = bottom - (bottom - v_top) * t / v.hi;
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\">%s</text>", W - R + 8,
                          py + 4, vb_rep_count(cnt, sizeof cnt, (uint64_t)llround(t))));
    }
    /* band, overall line, score line */
    for (size_t i = 0; i < n;) {
        if (!isfinite(rep->periods[i].score.lo)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && isfinite(rep->periods[j].score.lo))
            j++;
        TRY(trend_band(b, rep, &y, i, j, x0, step, top, bottom));
        i = j;
    }
    if (isfinite(rep->overall.value)) {
        const double py = scale(&y, rep->overall.value, bottom, top);
        TRY(vb_buf_printf(
            b,
            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa3b2\" "
            "stroke-dasharray=\"5 4\"/>",
            L, W - R, py, py));
    }
    TRY(vb_buf_puts(b, "<path fill=\"none\" stroke=\"#2f5fb3\" stroke-width=\"2.5\" "
                       "stroke-linejoin=\"round\" d=\""));
    bool pen = false;
    for (size_t i = 0; i < n; i++) {
        const double val = rep->periods[i].score.value;
        if (!isfinite(val)) {
            pen = false;
            continue;
        }
        TRY(vb_buf_printf(b, "%s%.1f,%.1f ", pen ? "L" : "M", x0 + (i + 0.5) * step,
                          scale(&y, val, bottom, top)));
        pen = true;
    }
    TRY(vb_buf_puts(b, "\"/>"));
    for (size_t i = 0; i < n; i++) {
        const vb_rep_group *g = &rep->periods[i];
        if (!isfinite(g->score.value)) continue;
        TRY(vb_buf_printf(b,
                          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"#2f5fb3\" "
                          "stroke-width=\"2\"><title>",
                          x0 + (i + 0.5) * step, scale(&y, g->score.value, bottom, top),
                          n > 40 ? "2.5" : "4.5", g->small ? "#fff" : "#2f5fb3"));
        TRY(esc_str(b, g->key));
        TRY(vb_buf_printf(
            b, ": %s %s (95%% CI %s), n = %s%s</title></circle>", rep->metric_label,
            vb_rep_score(rep, s, sizeof s, g->score.value), vb_rep_interval(rep, c, sizeof c, g->score.lo, g->score.hi),
            vb_rep_count(cnt, sizeof cnt, g->score.n), g->small ? ", small sample" : ""));
    }
    /* x labels, thinned to fit */
    const size_t every = (size_t)ceil((double)n / fmax(1, floor((W - L - R) / 74)));
    for (size_t i = 0; i < n; i += every) {
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                          x0 + (i + 0.5) * step, bottom + 18));
        TRY(esc_cut(b, rep->periods[i].key, 12));
        TRY(vb_buf_puts(b, "</text>"));
    }
    TRY(vb_buf_printf(b,
                      "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa3b2\"/>",
                      L, W - R, bottom, bottom));
    TRY(vb_buf_printf(b,
                      "<text class=\"tt\" transform=\"translate(16 %.1f) rotate(-90)\" "
                      "text-anchor=\"middle\">%s</text>",
                      (top + bottom) / 2, rep->metric_label));
    TRY(vb_buf_printf(b,
                      "<text class=\"tt\" transform=\"translate(%.1f %.1f) rotate(90)\" "
                      "text-anchor=\"middle\">Comments</text>",
                      W - 10, (v_top + bottom) / 2));
    TRY(vb_buf_printf(b,
                      "<text class=\"tt\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                      (L + W - R) / 2, H - 10, vb_period_name(rep->opts.period)));
    return vb_buf_puts(b, "</svg></div>\n</section>\n");
}

/* ---- Theme labels in charts ---------------------------------------------- */

/* A theme's name at the label column; a child's parent is in the
 * tooltip (child labels read well on their own). */
static vb_status theme_label(vb_buf *b, const vb_report *rep, const vb_rep_theme *t, double y)
{
    TRY(vb_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", LABEL_X, y));
    TRY(esc_cut(b, vb_rep_theme_name(t), 40));
    TRY(vb_buf_puts(b, "<title>"));
    if (t->parent >= 0) {
        TRY(esc_str(b, vb_rep_theme_name(&rep->themes[t->parent])));
        TRY(vb_buf_puts(b, " \xE2\x80\xBA "));
    }
    TRY(esc_str(b, vb_rep_theme_name(t)));
    return vb_buf_puts(b, "</title></text>");
}

/* Vertical grid lines and their labels along the top of a bar chart. */
static vb_status x_grid(vb_buf *b, const axis *a, double x0, double x1, double top, double bottom,
                        bool sign, const char *suffix)
{
    char s[32];
    for (double t = a->lo; t <= a->hi + a->step / 2; t += a->step) {
        const double px = scale(a, t, x0, x1);
        TRY(vb_buf_printf(b, "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                          fabs(t) < a->step / 2 ? "zero" : "grid", px, px, top, bottom));
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", px,
                          top - 7));
        TRY(put_num(b, vb_rep_num(s, sizeof s, fabs(t) < a->step / 2 ? 0 : t, a->decimals, sign)));
        TRY(vb_buf_printf(b, "%s</text>", suffix));
    }
    return VB_OK;
}

/* ---- Theme impact ---------------------------------------------------------- */

static vb_status impact(vb_buf *b, const vb_report *rep)
{
    /* the largest |impact| first, then shown worst to best */
    size_t pick[IMPACT_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const double m = fabs(rep->themes[i].impact);
        if (!isfinite(m)) continue;
        size_t at = n < IMPACT_ROWS ? n++ : IMPACT_ROWS;
        if (at == IMPACT_ROWS && !(m > fabs(rep->themes[pick[IMPACT_ROWS - 1]].impact))) continue;
        if (at == IMPACT_ROWS) at = IMPACT_ROWS - 1;
        while (at > 0 && fabs(rep->themes[pick[at - 1]].impact) < m) {
            pick[at] = pick[at - 1];
            at--;
        }
        pick[at] = i;
    }
    for (size_t i = 1; i < n; i++) {
        const size_t k = pick[i];
        const double x = rep->themes[k].impact * rep->polarity;
        size_t j = i;
        while (j > 0 && rep->themes[pick[j - 1]].impact * rep->polarity > x) {
            pick[j] = pick[j - 1];
            j--;
        }
        pick[j] = k;
    }
    TRY(vb_buf_printf(b,
                      "<section id=\"impact\">\n<h2>Theme impact</h2>\n<p class=\"sub\">How "
                      "many %s of %s each theme is worth: the score of everyone minus the score "
                      "without the theme's mentioners.",
                      rep->unit[0] != '\0' ? rep->unit : "units", rep->metric_label));
    if (n == 0)
        return vb_buf_puts(b, "</p>\n<p class=\"none\">No theme has a measurable impact "
                              "(too few scored comments).</p>\n</section>\n");
    TRY(vb_buf_printf(b,
                      " Whiskers: 95%% interval. The %zu largest effects; every theme is in "
                      "the table at the end.</p>\n",
                      n));
    TRY(vb_buf_puts(b, "<div class=\"legend\"><span><span class=\"sw\" "
                       "style=\"background:var(--bad)\"></span>lowers the score</span><span>"
                       "<span class=\"sw\" style=\"background:var(--good)\"></span>raises the "
                       "score</span><span><span class=\"sw\" style=\"background:#9aa3b2;"
                       "opacity:.45\"></span>pale: not significant (the interval includes 0)"
                       "</span></div>\n"));
    const double row = 28, top = 30, H = top + row * (double)n + 8;
    const double x0 = LABEL_X + 14, x1 = 870;
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        const vb_rep_theme *t = &rep->themes[pick[i]];
        lo = fmin(lo, isfinite(t->impact_lo) ? t->impact_lo : t->impact);
        hi = fmax(hi, isfinite(t->impact_hi) ? t->impact_hi : t->impact);
    }
    const axis a = nice_axis(lo, hi, 6);
    TRY(svg_open(b, CHART_W, H, "Theme impact chart"));
    TRY(x_grid(b, &a, x0, x1, top, H - 4, true, ""));
    char s[32], c[80], cnt[32];
    for (size_t i = 0; i < n; i++) {
        const vb_rep_theme *t = &rep->themes[pick[i]];
        const double cy = top + row * ((double)i + 0.5);
        const double xa = scale(&a, 0, x0, x1), xb = scale(&a, t->impact, x0, x1);
        TRY(theme_label(b, rep, t, cy + 4.5));
        TRY(vb_buf_printf(b,
                          "<rect class=\"%s%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"16\" rx=\"2\"><title>",
                          tone(rep, t->impact), t->impact_significant ? "" : " ns", fmin(xa, xb),
                          cy - 8, fmax(fabs(xb - xa), 1)));
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_printf(
            b, ": impact %s (95%% CI %s)%s; %s mentions, %s %s among them</title></rect>",
            vb_rep_num(s, sizeof s, t->impact, rep->decimals, true),
            vb_rep_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi),
            t->impact_significant ? ", significant" : ", not significant",
            vb_rep_count(cnt, sizeof cnt, t->n), rep->metric_label,
            vb_rep_score(rep, s, sizeof s, t->score.value)));
        if (isfinite(t->impact_lo) && isfinite(t->impact_hi)) {
            const double l = scale(&a, t->impact_lo, x0, x1), h = scale(&a, t->impact_hi, x0, x1);
            TRY(vb_buf_printf(
                b, "<path class=\"wh\" d=\"M%.1f,%.1fH%.1fM%.1f,%.1fv10M%.1f,%.1fv10\"/>", l, cy, h,
                l, cy - 5, h, cy - 5));
        }
        TRY(vb_buf_printf(b, "<text class=\"val%s\" x=\"%.1f\" y=\"%.1f\">",
                          t->impact_significant ? " b" : "", x1 + 12, cy + 4.5));
        TRY(put_num(b, vb_rep_num(s, sizeof s, t->impact, rep->decimals, true)));
        if (t->small)
            TRY(vb_buf_puts(b, "<tspan class=\"mut\" font-weight=\"400\"> small</tspan>"));
        TRY(vb_buf_puts(b, "</text>"));
    }
    return vb_buf_puts(b, "</svg></div>\n</section>\n");
}

/* ---- Key drivers ----------------------------------------------------------- */

static vb_status drivers(vb_buf *b, const vb_report *rep)
{
    char r2[32], s[32];
    TRY(vb_buf_puts(b, "<section id=\"drivers\">\n<h2>Key drivers</h2>\n"));
    if (rep->n_drivers == 0)
        return vb_buf_puts(b, "<p class=\"none\">Not enough data for a driver model.</p>\n"
                              "</section>\n");
    TRY(vb_buf_printf(b,
                      "<p class=\"sub\">Johnson's relative weights of the top-level themes: "
                      "together they explain R\xC2\xB2 = %s of the variance in %s; the bars "
                      "share that out.</p>\n",
                      vb_rep_num(r2, sizeof r2, rep->r2, 3, false), rep->metric_label));
    TRY(vb_buf_puts(b, "<div class=\"legend\"><span><span class=\"sw\" "
                       "style=\"background:var(--good)\"></span>mentioners score better</span>"
                       "<span><span class=\"sw\" style=\"background:var(--bad)\"></span>"
                       "mentioners score worse</span></div>\n"));
    const size_t n = rep->n_drivers < DRIVER_ROWS ? rep->n_drivers : DRIVER_ROWS;
    double hi = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(rep->drivers[i].share)) hi = fmax(hi, rep->drivers[i].share);
    const axis a = nice_axis(0, hi > 0 ? hi * 100 : 1, 5);
    const double row = 28, top = 30, H = top + row * (double)n + 8;
    const double x0 = LABEL_X + 14, x1 = 870;
    TRY(svg_open(b, CHART_W, H, "Key drivers chart"));
    TRY(x_grid(b, &a, x0, x1, top, H - 4, false, "%"));
    for (size_t i = 0; i < n; i++) {
        const vb_rep_driver *d = &rep->drivers[i];
        const vb_rep_theme *t = &rep->themes[d->theme];
        const double cy = top + row * ((double)i + 0.5);
        const double share = isfinite(d->share) ? d->share * 100 : 0;
        TRY(theme_label(b, rep, t, cy + 4.5));
        TRY(vb_buf_printf(b,
                          "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"16\" rx=\"2\"><title>",
                          tone(rep, d->direction), x0, cy - 8,
                          fmax(scale(&a, share, x0, x1) - x0, 1)));
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_printf(b, ": importance %s, r = %s</title></rect>",
                          vb_rep_num(s, sizeof s, d->importance, 4, false),
                          vb_rep_num(r2, sizeof r2, d->r, 3, false)));
        TRY(vb_buf_printf(b, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\">%s%%</text>", x1 + 12,
                          cy + 4.5, vb_rep_num(s, sizeof s, share, 1, false)));
    }
    return vb_buf_puts(b, "</svg></div>\n</section>\n");
}

/* ---- What changed ---------------------------------------------------------- */

typedef struct wf_bar {
    const char *name;        /* a theme's name, or our own text */
    const vb_rep_theme *t;   /* for the label, or NULL */
    double from, to;         /* on the score axis */
    const vb_change_part *p; /* for the tooltip, or NULL */
    bool total;
} wf_bar;

static vb_status waterfall(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    const size_t shown =
        ch->n_contributions <= WATERFALL_PARTS + 1 ? ch->n_contributions : WATERFALL_PARTS;
    wf_bar bars[WATERFALL_PARTS + 5];
    size_t n = 0;
    double cum = ch->score_from.value;
    bars[n++] = (wf_bar){ch->from, NULL, NAN, cum, NULL, true};
    for (size_t i = 0; i < shown; i++) {
        const vb_rep_part *p = &ch->contributions[i].part;
        bars[n++] =
            (wf_bar){NULL, &rep->themes[p->theme], cum, cum + p->p.contribution, &p->p, false};
        cum += p->p.contribution;
    }
    char other[64];
    if (shown < ch->n_contributions) {
        double rest = 0;
        for (size_t i = shown; i < ch->n_contributions; i++)
            rest += ch->contributions[i].part.p.contribution;
        snprintf(other, sizeof other, "%zu other themes", ch->n_contributions - shown);
        bars[n++] = (wf_bar){other, NULL, cum, cum + rest, NULL, false};
        cum += rest;
    }
    bars[n++] =
        (wf_bar){"No theme", NULL, cum, cum + ch->no_theme.p.contribution, &ch->no_theme.p, false};
    bars[n++] = (wf_bar){ch->to, NULL, NAN, ch->score_to.value, NULL, true};

    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(bars[i].to)) lo = fmin(lo, bars[i].to), hi = fmax(hi, bars[i].to);
        if (isfinite(bars[i].from)) lo = fmin(lo, bars[i].from), hi = fmax(hi, bars[i].from);
    }
    /* start at 0 when that keeps the changes readable */
    if (lo > 0 && lo < 2 * (hi - lo)) lo = 0;
    if (hi < 0 && -hi < 2 * (hi - lo)) hi = 0;
    const axis a = nice_axis(lo, hi, 6);
    const double base = a.lo <= 0 && a.hi >= 0 ? 0 : a.lo;
    const double row = 28, top = 30, H = top + row * (double)n + 8;
    const double x0 = LABEL_X + 14, x1 = 870;
    char s[32], c[80];
    TRY(svg_open(b, CHART_W, H, "Waterfall chart of the change"));
    TRY(x_grid(b, &a, x0, x1, top, H - 4, rep->opts.metric == VB_METRIC_NPS, ""));
    for (size_t i = 0; i < n; i++) {
        const wf_bar *w = &bars[i];
        const double cy = top + row * ((double)i + 0.5);
        if (w->t != NULL) {
            TRY(theme_label(b, rep, w->t, cy + 4.5));
        } else {
            TRY(vb_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\"%s>", LABEL_X,
                              cy + 4.5, w->total ? " class=\"b\"" : ""));
            if (w->total) TRY(vb_buf_printf(b, "%s ", rep->metric_label));
            TRY(esc_cut(b, w->name, 30));
            TRY(vb_buf_puts(b, "</text>"));
        }
        if (!isfinite(w->to)) continue;
        const double from = w->total ? base : w->from;
        const double xa = scale(&a, from, x0, x1), xb = scale(&a, w->to, x0, x1);
        TRY(vb_buf_printf(b,
                          "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
                          "rx=\"2\"><title>",
                          w->total ? "total" : tone(rep, w->to - w->from), fmin(xa, xb), cy - 9,
                          fmax(fabs(xb - xa), 1.5)));
        if (w->total) {
            TRY(vb_buf_printf(b, "%s ", rep->metric_label));
            TRY(esc_str(b, w->name));
            TRY(vb_buf_printf(b, ": %s", vb_rep_score(rep, s, sizeof s, w->to)));
        } else {
            TRY(esc_str(b, w->t != NULL ? vb_rep_theme_name(w->t) : w->name));
            TRY(vb_buf_printf(b, ": %s", vb_rep_num(s, sizeof s, w->to - w->from, 2, true)));
            if (w->p != NULL)
                TRY(vb_buf_printf(b, " (volume %s, rate %s)",
                                  vb_rep_num(s, sizeof s, w->p->volume_effect, 2, true),
                                  vb_rep_num(c, sizeof c, w->p->rate_effect, 2, true)));
        }
        TRY(vb_buf_puts(b, "</title></rect>"));
        if (i + 1 < n)
            TRY(vb_buf_printf(b,
                              "<line class=\"cn\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
                              "y2=\"%.1f\"/>",
                              xb, xb, cy + 9, cy + row - 9));
        TRY(vb_buf_printf(b, "<text class=\"val%s\" x=\"%.1f\" y=\"%.1f\">", w->total ? " b" : "",
                          x1 + 12, cy + 4.5));
        TRY(put_num(b, w->total ? vb_rep_score(rep, s, sizeof s, w->to)
                                : vb_rep_num(s, sizeof s, w->to - w->from, 2, true)));
        TRY(vb_buf_puts(b, "</text>"));
    }
    return vb_buf_puts(b, "</svg></div>\n");
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
        TRY(esc_str(b, vb_rep_theme_name(&rep->themes[m->theme])));
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
    TRY(esc_str(b, ch->from));
    TRY(vb_buf_puts(b, " \xE2\x86\x92 "));
    TRY(esc_str(b, ch->to));
    TRY(vb_buf_printf(b, "</h2>\n<p class=\"sub\">%s went from %s (n = %s) to %s (n = %s): <b>",
                      rep->metric_label, vb_rep_score(rep, f, sizeof f, ch->score_from.value),
                      vb_rep_count(nf, sizeof nf, ch->score_from.n),
                      vb_rep_score(rep, t, sizeof t, ch->score_to.value),
                      vb_rep_count(nt, sizeof nt, ch->score_to.n)));
    TRY(put_num(b, vb_rep_num(d, sizeof d, ch->delta.delta, rep->decimals, true)));
    TRY(vb_buf_printf(b,
                      "</b> (95%% CI %s, %s%s). Each respondent's part of the score is shared "
                      "equally among the top-level themes they mention, so the bars add up to "
                      "the change.</p>\n",
                      vb_rep_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
                      ch->delta.significant ? "significant" : "not significant",
                      ch->small ? "; small sample" : ""));
    TRY(vb_buf_puts(b, "<div class=\"legend\"><span><span class=\"sw\" "
                       "style=\"background:var(--accent)\"></span>score</span><span><span "
                       "class=\"sw\" style=\"background:var(--good)\"></span>raised it</span>"
                       "<span><span class=\"sw\" style=\"background:var(--bad)\"></span>lowered "
                       "it</span></div>\n"));
    TRY(waterfall(b, rep));
    TRY(moved(b, rep));
    return vb_buf_puts(b, "</section>\n");
}

/* ---- Themes x segments ------------------------------------------------------ */

/* One heatmap: `by_score` colours the score among mentioners against the
 * segment's own score, else the share of comments. */
static vb_status heat_svg(vb_buf *b, const vb_report *rep, size_t n_seg, bool by_score)
{
    const double label_w = LABEL_X - 60, head = 50, row = 30;
    const double cell_w = fmax(64, (CHART_W - label_w - 10) / (double)n_seg);
    const double W = label_w + 10 + cell_w * (double)n_seg, H = head + row * rep->n_heat_rows + 54;
    /* colour range: the largest share, or the largest score gap of the
     * cells that are not small (all cells if every one is) */
    double range = 0;
    for (int pass = 0; pass < 2 && !(range > 0); pass++)
        for (size_t r = 0; r < rep->n_heat_rows; r++)
            for (size_t j = 0; j < n_seg; j++) {
                const vb_rep_heat *h = vb_rep_heat_at(rep, r, j);
                if (h->small && pass == 0) continue;
                const double v =
                    by_score ? fabs(h->score.value - rep->segments[j].score.value) : h->share;
                if (isfinite(v)) range = fmax(range, v);
            }
    if (!(range > 0)) range = 1;
    char s[32], c[80], sh[32], cnt[32], col[8];
    const char *pat = by_score ? "hatch-s" : "hatch-v";
    TRY(svg_open(b, W, H,
                 by_score ? "Heatmap of the score by theme and segment"
                          : "Heatmap of theme share by segment"));
    TRY(vb_buf_printf(b,
                      "<defs><pattern id=\"%s\" width=\"6\" height=\"6\" "
                      "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                      "<rect width=\"6\" height=\"6\" fill=\"#fff\" fill-opacity=\".55\"/>"
                      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a93a3\" "
                      "stroke-width=\"1.4\"/></pattern>",
                      pat));
    if (by_score)
        TRY(vb_buf_printf(
            b,
            "<linearGradient id=\"lg-s\"><stop offset=\"0\" stop-color=\"#%02x%02x%02x\"/>"
            "<stop offset=\".5\" stop-color=\"#%02x%02x%02x\"/><stop offset=\"1\" "
            "stop-color=\"#%02x%02x%02x\"/></linearGradient>",
            (rep->polarity > 0 ? C_BAD : C_GOOD)[0], (rep->polarity > 0 ? C_BAD : C_GOOD)[1],
            (rep->polarity > 0 ? C_BAD : C_GOOD)[2], C_MID[0], C_MID[1], C_MID[2],
            (rep->polarity > 0 ? C_GOOD : C_BAD)[0], (rep->polarity > 0 ? C_GOOD : C_BAD)[1],
            (rep->polarity > 0 ? C_GOOD : C_BAD)[2]));
    else
        TRY(vb_buf_printf(
            b,
            "<linearGradient id=\"lg-v\"><stop offset=\"0\" stop-color=\"#%02x%02x%02x\"/>"
            "<stop offset=\"1\" stop-color=\"#%02x%02x%02x\"/></linearGradient>",
            C_PALE[0], C_PALE[1], C_PALE[2], C_BLUE[0], C_BLUE[1], C_BLUE[2]));
    TRY(vb_buf_puts(b, "</defs>"));
    /* column heads: the segment and its own score */
    const size_t cut = (size_t)fmax(4, floor(cell_w / 8.2));
    for (size_t j = 0; j < n_seg; j++) {
        const vb_rep_group *g = &rep->segments[j];
        const double cx = label_w + 10 + cell_w * ((double)j + 0.5);
        TRY(vb_buf_printf(b, "<text class=\"b\" x=\"%.1f\" y=\"20\" text-anchor=\"middle\">", cx));
        TRY(esc_cut(b, g->key, cut));
        TRY(vb_buf_puts(b, "<title>"));
        TRY(esc_str(b, g->key));
        TRY(vb_buf_printf(b, ": %s comments, %s %s</title></text>",
                          vb_rep_count(cnt, sizeof cnt, g->records), rep->metric_label,
                          vb_rep_score(rep, s, sizeof s, g->score.value)));
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"38\" text-anchor=\"middle\">", cx));
        if (by_score) {
            TRY(vb_buf_printf(b, "%s ", rep->metric_label));
            TRY(put_num(b, vb_rep_score(rep, s, sizeof s, g->score.value)));
        } else {
            TRY(vb_buf_printf(b, "n = %s", vb_rep_count(cnt, sizeof cnt, g->records)));
        }
        TRY(vb_buf_puts(b, "</text>"));
    }
    for (size_t r = 0; r < rep->n_heat_rows; r++) {
        const vb_rep_theme *t = &rep->themes[rep->heat_rows[r]];
        const double y = head + row * (double)r;
        TRY(vb_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", label_w,
                          y + row / 2 + 4.5));
        TRY(esc_cut(b, vb_rep_theme_name(t), 30));
        TRY(vb_buf_puts(b, "<title>"));
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_puts(b, "</title></text>"));
        for (size_t j = 0; j < n_seg; j++) {
            const vb_rep_heat *h = vb_rep_heat_at(rep, r, j);
            const double x = label_w + 10 + cell_w * (double)j;
            const double seg_score = rep->segments[j].score.value;
            bool on_dark = false;
            if (by_score) {
                const double gap = (h->score.value - seg_score) * rep->polarity;
                if (!isfinite(gap)) {
                    snprintf(col, sizeof col, "#f0f1f4");
                } else {
                    const double k = fabs(gap) / range;
                    mix(col, C_MID, gap < 0 ? C_BAD : C_GOOD, k);
                    on_dark = dark(C_MID, gap < 0 ? C_BAD : C_GOOD, k);
                }
            } else if (isfinite(h->share)) {
                mix(col, C_PALE, C_BLUE, h->share / range);
                on_dark = dark(C_PALE, C_BLUE, h->share / range);
            } else {
                snprintf(col, sizeof col, "#f0f1f4");
            }
            TRY(vb_buf_printf(b,
                              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                              "fill=\"%s\" stroke=\"#fff\" stroke-width=\"2\"><title>",
                              x, y, cell_w, row, col));
            TRY(esc_str(b, vb_rep_theme_name(t)));
            TRY(vb_buf_puts(b, " in "));
            TRY(esc_str(b, rep->segments[j].key));
            TRY(vb_buf_printf(b,
                              ": %s mentions (%s of the segment's comments); %s %s among "
                              "them (95%% CI %s, n = %s) vs %s for the segment%s</title></rect>",
                              vb_rep_count(cnt, sizeof cnt, h->n), vb_rep_pct(sh, sizeof sh, h->share),
                              rep->metric_label, vb_rep_score(rep, s, sizeof s, h->score.value),
                              vb_rep_interval(rep, c, sizeof c, h->score.lo, h->score.hi),
                              vb_rep_count(cnt, sizeof cnt, h->score.n),
                              vb_rep_score(rep, s, sizeof s, seg_score),
                              h->small ? "; small sample" : ""));
            if (h->small)
                TRY(vb_buf_printf(b,
                                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                  "fill=\"url(#%s)\" pointer-events=\"none\"/>",
                                  x + 1, y + 1, cell_w - 2, row - 2, pat));
            TRY(vb_buf_printf(b,
                              "<text class=\"cell%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                              "pointer-events=\"none\">",
                              on_dark && !h->small ? " on" : "", x + cell_w / 2,
                              y + row / 2 + 4.5));
            if (by_score)
                TRY(put_num(b, vb_rep_score(rep, s, sizeof s, h->score.value)));
            else
                TRY(vb_buf_puts(b, vb_rep_pct(sh, sizeof sh, h->share)));
            TRY(vb_buf_puts(b, "</text>"));
        }
    }
    /* legend: the colour ramp, and the hatching */
    const double ly = head + row * rep->n_heat_rows + 18, lx = label_w + 10;
    TRY(vb_buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"220\" height=\"10\" rx=\"2\" "
                      "fill=\"url(#%s)\"/>",
                      lx, ly, by_score ? "lg-s" : "lg-v"));
    if (by_score) {
        /* the bad end on the left: below the segment, or above it when
         * lower is better */
        vb_rep_num(s, sizeof s, range, rep->decimals, false);
        TRY(vb_buf_printf(b,
                          "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\">%s %s</text>"
                          "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">= "
                          "segment</text><text class=\"ax\" x=\"%.1f\" y=\"%.1f\" "
                          "text-anchor=\"end\">%s %s</text>",
                          lx, ly + 26, s, rep->polarity > 0 ? "below" : "above", lx + 110, ly + 26,
                          lx + 220, ly + 26, s, rep->polarity > 0 ? "above" : "below"));
    } else {
        TRY(vb_buf_printf(b,
                          "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\">0%%</text><text class=\"ax\" "
                          "x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                          lx, ly + 26, lx + 220, ly + 26, vb_rep_pct(sh, sizeof sh, range)));
    }
    TRY(vb_buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"14\" fill=\"#e9ecf1\"/>"
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"14\" fill=\"url(#%s)\"/>"
                      "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\">fewer than %zu scores</text>",
                      lx + 260, ly - 2, lx + 260, ly - 2, pat, lx + 294, ly + 9, rep->opts.min_n));
    return vb_buf_puts(b, "</svg></div>\n");
}

static vb_status heatmap(vb_buf *b, const vb_report *rep)
{
    if (rep->n_heat_rows == 0) return VB_OK;
    const size_t n_seg = rep->n_segments < HEAT_SEGMENTS ? rep->n_segments : HEAT_SEGMENTS;
    TRY(vb_buf_puts(b, "<section id=\"segments\">\n<h2>Themes by "));
    TRY(esc_str(b, rep->opts.segment_col != NULL ? rep->opts.segment_col : "segment"));
    TRY(vb_buf_puts(b, "</h2>\n<p class=\"sub\">Where each top-level theme comes up, and how "
                       "its mentioners score compared with everyone in the same segment."));
    if (n_seg < rep->n_segments)
        TRY(vb_buf_printf(b, " The %zu largest of %zu segments; all are in the JSON and CSV.",
                          n_seg, rep->n_segments));
    TRY(vb_buf_puts(b, "</p>\n<h3>Share of the segment's comments that mention the "
                       "theme</h3>\n"));
    TRY(heat_svg(b, rep, n_seg, false));
    TRY(vb_buf_printf(b, "<h3>%s among the theme's mentioners</h3>\n", rep->metric_label));
    TRY(heat_svg(b, rep, n_seg, true));
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
        TRY(esc(b, q->text + at, r->start - at));
        TRY(vb_buf_puts(b, "<mark>"));
        TRY(esc(b, q->text + r->start, r->end - r->start));
        TRY(vb_buf_puts(b, "</mark>"));
        at = r->end;
    }
    TRY(esc(b, q->text + at, q->len - at));
    TRY(vb_buf_puts(b, "\xE2\x80\x9D<footer>"));
    if (q->date[0] != '\0') {
        TRY(esc_str(b, q->date));
        TRY(vb_buf_puts(b, " \xC2\xB7 "));
    }
    TRY(esc_str(b, q->id));
    TRY(vb_buf_puts(b, " \xC2\xB7 sentiment "));
    TRY(put_num(b, vb_rep_num(s, sizeof s, q->sentiment, 2, true)));
    return vb_buf_puts(b, "</footer></blockquote>\n");
}

static vb_status focus(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "<section id=\"focus\">\n<h2>Areas for focus</h2>\n<p class=\"sub\">"));
    if (rep->focus_where[0] != '\0') {
        TRY(vb_buf_puts(b, "In "));
        TRY(esc_str(b, rep->focus_where));
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
        TRY(esc_str(b, f->sentence));
        TRY(vb_buf_puts(b, "</p>\n"));
        for (size_t k = 0; k < t->n_quotes && k < FOCUS_QUOTES; k++)
            TRY(quote(b, rep, t, &t->quotes[k]));
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
                          t->impact_significant ? tone(rep, t->impact) : ""));
        TRY(put_num(b, vb_rep_num(s, sizeof s, t->impact, rep->decimals, true)));
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
            TRY(esc_str(b, vb_rep_theme_name(&rep->themes[t->parent])));
            TRY(vb_buf_puts(b, " \xE2\x80\xBA </span>"));
        }
        TRY(esc_str(b, vb_rep_theme_name(t)));
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
    TRY(esc_str(b, title));
    TRY(vb_buf_puts(b, "</h3>\n<table><thead><tr><th>"));
    TRY(esc_str(b, col));
    TRY(vb_buf_printf(b,
                      "</th><th>Comments</th><th>Scored</th><th>%s</th><th>95%% CI</th>"
                      "</tr></thead><tbody>\n",
                      rep->metric_label));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, "<tr><td>"));
        TRY(esc_str(b, g[i].key));
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
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_puts(b, t->parent >= 0 ? "" : "</b>"));
        if (t->small) TRY(vb_buf_puts(b, " <span class=\"tag\">small</span>"));
        TRY(vb_buf_printf(b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
                          vb_rep_count(n, sizeof n, t->n), vb_rep_pct(sh, sizeof sh, t->share),
                          vb_rep_num(se, sizeof se, t->sentiment, 2, true),
                          vb_rep_score(rep, s, sizeof s, t->score.value)));
        TRY(vb_buf_printf(b, "<td class=\"%s\">%s%s</td><td>%s</td></tr>\n",
                          t->impact_significant ? tone(rep, t->impact) : "",
                          vb_rep_num(im, sizeof im, t->impact, rep->decimals, true),
                          t->impact_significant ? " \xE2\x97\x8F" : "",
                          vb_rep_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi)));
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
    TRY(trend(b, rep));
    TRY(change(b, rep));
    TRY(impact(b, rep));
    TRY(drivers(b, rep));
    TRY(heatmap(b, rep));
    TRY(focus(b, rep));
    TRY(quotes(b, rep));
    TRY(groups(b, rep));
    TRY(theme_table(b, rep));
    TRY(footer(b, rep));
    return vb_buf_puts(b, "</main>\n</body>\n</html>\n");
}

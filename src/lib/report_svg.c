/* report_svg.c: the inline SVG charts of the HTML report (report_html.c
 * writes the page around them): the trend (score line, 95 % band, volume
 * bars), theme impact as diverging bars with interval whiskers, key
 * drivers, the waterfall of what changed and the theme x segment heatmaps.
 * Each chart is one <div class="chart"><svg> with a fixed viewBox; input
 * text in labels and tooltips goes through vb_report_html_esc() (see the
 * escaping note in report_html.c), cut to length where labels cannot wrap.
 */
#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CHART_W 1000.0     /* every chart's viewBox width */
#define LABEL_X 292.0      /* right edge of the theme labels */
#define IMPACT_ROWS 16     /* themes in the impact chart */
#define DRIVER_ROWS 12     /* themes in the drivers chart */
#define WATERFALL_PARTS 12 /* themes in the waterfall before "other" */

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
    if (cps <= max) return vb_report_html_esc(b, s, len);
    TRY(vb_report_html_esc(b, s, cut));
    return vb_buf_puts(b, "\xE2\x80\xA6");
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

vb_status vb_report_svg_trend(vb_buf *b, const vb_report *rep)
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
        TRY(vb_report_html_num(b, vb_rep_num(s, sizeof s, t, y.decimals, rep->opts.metric == VB_METRIC_NPS)));
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
        TRY(vb_report_html_esc_str(b, g->key));
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
        TRY(vb_report_html_esc_str(b, g->key));
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
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(&rep->themes[t->parent])));
        TRY(vb_buf_puts(b, " \xE2\x80\xBA "));
    }
    TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
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
        TRY(vb_report_html_num(b, vb_rep_num(s, sizeof s, fabs(t) < a->step / 2 ? 0 : t, a->decimals, sign)));
        TRY(vb_buf_printf(b, "%s</text>", suffix));
    }
    return VB_OK;
}

/* ---- Theme impact ---------------------------------------------------------- */

vb_status vb_report_svg_impact(vb_buf *b, const vb_report *rep)
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
    char s[32], im[32], c[80], cnt[32];
    for (size_t i = 0; i < n; i++) {
        const vb_rep_theme *t = &rep->themes[pick[i]];
        const double cy = top + row * ((double)i + 0.5);
        const double xa = scale(&a, 0, x0, x1), xb = scale(&a, t->impact, x0, x1);
        TRY(theme_label(b, rep, t, cy + 4.5));
        TRY(vb_buf_printf(b,
                          "<rect class=\"%s%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"16\" rx=\"2\"><title>",
                          vb_report_html_tone(rep, t->impact), t->impact_significant ? "" : " ns", fmin(xa, xb),
                          cy - 8, fmax(fabs(xb - xa), 1)));
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_printf(
            b, ": impact %s (95%% CI %s)%s; %s mentions, %s %s among them</title></rect>",
            vb_rep_impact_num(rep, im, sizeof im, t->impact),
            vb_rep_impact_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi),
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
        TRY(vb_report_html_num(b, vb_rep_impact_num(rep, s, sizeof s, t->impact)));
        if (t->small)
            TRY(vb_buf_puts(b, "<tspan class=\"mut\" font-weight=\"400\"> small</tspan>"));
        TRY(vb_buf_puts(b, "</text>"));
    }
    return vb_buf_puts(b, "</svg></div>\n</section>\n");
}

/* ---- Key drivers ----------------------------------------------------------- */

vb_status vb_report_svg_drivers(vb_buf *b, const vb_report *rep)
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
                          vb_report_html_tone(rep, d->direction), x0, cy - 8,
                          fmax(scale(&a, share, x0, x1) - x0, 1)));
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
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

vb_status vb_report_svg_waterfall(vb_buf *b, const vb_report *rep)
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
                          w->total ? "total" : vb_report_html_tone(rep, w->to - w->from), fmin(xa, xb), cy - 9,
                          fmax(fabs(xb - xa), 1.5)));
        if (w->total) {
            TRY(vb_buf_printf(b, "%s ", rep->metric_label));
            TRY(vb_report_html_esc_str(b, w->name));
            TRY(vb_buf_printf(b, ": %s", vb_rep_score(rep, s, sizeof s, w->to)));
        } else {
            TRY(vb_report_html_esc_str(b, w->t != NULL ? vb_rep_theme_name(w->t) : w->name));
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
        TRY(vb_report_html_num(b, w->total ? vb_rep_score(rep, s, sizeof s, w->to)
                                : vb_rep_num(s, sizeof s, w->to - w->from, 2, true)));
        TRY(vb_buf_puts(b, "</text>"));
    }
    return vb_buf_puts(b, "</svg></div>\n");
}

/* ---- Themes x segments ------------------------------------------------------ */

/* One heatmap: `by_score` colours the score among mentioners against the
 * segment's own score, else the share of comments. */
vb_status vb_report_svg_heat(vb_buf *b, const vb_report *rep, size_t n_seg, bool by_score)
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
    char s[32], seg_s[32], c[80], sh[32], cnt[32], n_cnt[32], col[8];
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
        TRY(vb_report_html_esc_str(b, g->key));
        TRY(vb_buf_printf(b, ": %s comments, %s %s</title></text>",
                          vb_rep_count(cnt, sizeof cnt, g->records), rep->metric_label,
                          vb_rep_score(rep, s, sizeof s, g->score.value)));
        TRY(vb_buf_printf(b, "<text class=\"ax\" x=\"%.1f\" y=\"38\" text-anchor=\"middle\">", cx));
        if (by_score) {
            TRY(vb_buf_printf(b, "%s ", rep->metric_label));
            TRY(vb_report_html_num(b, vb_rep_score(rep, s, sizeof s, g->score.value)));
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
        TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
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
            TRY(vb_report_html_esc_str(b, vb_rep_theme_name(t)));
            TRY(vb_buf_puts(b, " in "));
            TRY(vb_report_html_esc_str(b, rep->segments[j].key));
            TRY(vb_buf_printf(b,
                              ": %s mentions (%s of the segment's comments); %s %s among "
                              "them (95%% CI %s, n = %s) vs %s for the segment%s</title></rect>",
                              vb_rep_count(cnt, sizeof cnt, h->n), vb_rep_pct(sh, sizeof sh, h->share),
                              rep->metric_label, vb_rep_score(rep, s, sizeof s, h->score.value),
                              vb_rep_interval(rep, c, sizeof c, h->score.lo, h->score.hi),
                              vb_rep_count(n_cnt, sizeof n_cnt, h->score.n),
                              vb_rep_score(rep, seg_s, sizeof seg_s, seg_score),
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
                TRY(vb_report_html_num(b, vb_rep_score(rep, s, sizeof s, h->score.value)));
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

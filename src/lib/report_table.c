/* report_table.c: the report as aligned text for a terminal of 100
 * columns, with ANSI colour when asked (the CLI asks only on a tty).
 *
 * Widths are display columns (vb_utf8_width: wide CJK and emoji take two),
 * so wide labels keep the columns after them in line. Control characters
 * from the input are shown as spaces, so a comment cannot send escape
 * sequences to the terminal. The table is a summary: all quotes are in
 * md, json and csv.
 */
#include "report.h"

#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

#define WIDTH 100
#define NAME_COLS 30

typedef struct out {
    vb_buf *b;
    const vb_report *rep;
    bool color;
} out;

static vb_status sgr(out *o, const char *code)
{
    return o->color ? vb_buf_printf(o->b, "\x1b[%sm", code) : VB_OK;
}

/* Appends `s`, controls as spaces, cut to `width` columns (with "…"), and
 * padded to `width` on the right (left-aligned) or left. Returns VB_OK. */
static vb_status cell(out *o, const char *s, size_t width, bool right)
{
    const size_t len = strlen(s);
    size_t n = vb_utf8_width(s, len), take = len;
    if (n > width) { /* whole characters of width - 1 columns, then an ellipsis */
        take = vb_utf8_fit(s, len, width - 1, &n);
        n++;
    }
    if (right)
        for (size_t i = n; i < width; i++)
            TRY(vb_buf_putc(o->b, ' '));
    for (size_t i = 0; i < take; i++) {
        unsigned char ch = (unsigned char)s[i];
        TRY(vb_buf_putc(o->b, ch < 0x20 || ch == 0x7f ? ' ' : (char)ch));
    }
    if (take < len) TRY(vb_buf_puts(o->b, "\xE2\x80\xA6"));
    if (!right)
        for (size_t i = n; i < width; i++)
            TRY(vb_buf_putc(o->b, ' '));
    return VB_OK;
}

static vb_status heading(out *o, const char *title, const char *detail)
{
    TRY(vb_buf_putc(o->b, '\n'));
    TRY(sgr(o, "1"));
    TRY(vb_buf_puts(o->b, title));
    TRY(sgr(o, "0"));
    if (detail != NULL && detail[0] != '\0') {
        TRY(vb_buf_puts(o->b, "  "));
        TRY(cell(o, detail, WIDTH - strlen(title) - 2, false));
        while (o->b->len > 0 && o->b->data[o->b->len - 1] == ' ')
            o->b->len--;
    }
    return vb_buf_putc(o->b, '\n');
}

/* Word-wraps `text` at WIDTH: the first line continues the current one
 * (at column `col`), later ones start with `indent` spaces. Spans are set
 * in bold yellow when colour is on. */
static vb_status wrap(out *o, const char *text, size_t len, size_t col, size_t indent,
                      const vb_range *spans, size_t n_spans)
{
    size_t i = 0;
    bool first = true;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
            i++;
        size_t start = i;
        while (i < len && text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
            i++;
        if (i == start) break;
        const size_t w = vb_utf8_width(text + start, i - start);
        if (!first && col + 1 + w > WIDTH) {
            TRY(vb_buf_putc(o->b, '\n'));
            for (size_t k = 0; k < indent; k++)
                TRY(vb_buf_putc(o->b, ' '));
            col = indent;
        } else if (!first) {
            TRY(vb_buf_putc(o->b, ' '));
            col++;
        }
        for (size_t k = start; k < i; k++) {
            for (size_t s = 0; s < n_spans; s++) {
                if (spans[s].start == k) TRY(sgr(o, "1;33"));
                if (spans[s].end == k) TRY(sgr(o, "0"));
            }
            unsigned char ch = (unsigned char)text[k];
            TRY(vb_buf_putc(o->b, ch < 0x20 || ch == 0x7f ? ' ' : (char)ch));
        }
        for (size_t s = 0; s < n_spans; s++)
            if (spans[s].end == i || (spans[s].start < i && spans[s].end > i)) TRY(sgr(o, "0"));
        col += w;
        first = false;
    }
    return VB_OK;
}

static vb_status groups(out *o, const char *title, const char *detail, const char *col,
                        const vb_rep_group *g, size_t n)
{
    const vb_report *rep = o->rep;
    char s[32], c[64], cnt[32], line[128];
    TRY(heading(o, title, detail));
    snprintf(line, sizeof line, "  %-14s %9s %8s  %-18s\n", col, "n", rep->metric_label, "95% CI");
    TRY(sgr(o, "2"));
    TRY(vb_buf_puts(o->b, line));
    TRY(sgr(o, "0"));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(o->b, "  "));
        TRY(cell(o, g[i].key, 14, false));
        TRY(vb_buf_printf(o->b, " %9s %8s  %-18s", vb_rep_count(cnt, sizeof cnt, g[i].score.n),
                          vb_rep_score(rep, s, sizeof s, g[i].score.value),
                          vb_rep_interval(rep, c, sizeof c, g[i].score.lo, g[i].score.hi)));
        if (g[i].small) {
            TRY(sgr(o, "2"));
            TRY(vb_buf_puts(o->b, " small sample"));
            TRY(sgr(o, "0"));
        }
        TRY(vb_buf_putc(o->b, '\n'));
    }
    return VB_OK;
}

static vb_status themes(out *o)
{
    const vb_report *rep = o->rep;
    char n[32], sh[32], se[32], s[32], im[32], c[64], line[160];
    TRY(heading(o, "THEMES", "impact = score of all minus score without the theme's mentioners"));
    snprintf(line, sizeof line, "  %-30s %8s %6s %6s %7s %7s  %-16s\n", "Theme", "Mentions",
             "Share", "Sent.", rep->metric_label, "Impact", "Impact 95% CI");
    TRY(sgr(o, "2"));
    TRY(vb_buf_puts(o->b, line));
    TRY(sgr(o, "0"));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        TRY(vb_buf_puts(o->b, t->parent >= 0 ? "    " : "  "));
        TRY(cell(o, vb_rep_theme_name(t), t->parent >= 0 ? NAME_COLS - 2 : NAME_COLS, false));
        TRY(vb_buf_printf(o->b, " %8s %6s %6s %7s ", vb_rep_count(n, sizeof n, t->n),
                          vb_rep_pct(sh, sizeof sh, t->share),
                          vb_rep_num(se, sizeof se, t->sentiment, 2, true),
                          vb_rep_score(rep, s, sizeof s, t->score.value)));
        const bool bad = t->impact_significant && t->impact * rep->polarity < 0;
        const bool good = t->impact_significant && t->impact * rep->polarity > 0;
        TRY(sgr(o, bad ? "31" : good ? "32" : "0"));
        TRY(vb_buf_printf(o->b, "%7s", vb_rep_impact_num(rep, im, sizeof im, t->impact)));
        TRY(sgr(o, "0"));
        TRY(vb_buf_printf(o->b, "  %-16s",
                          vb_rep_impact_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi)));
        if (t->impact_significant) TRY(vb_buf_puts(o->b, " sig"));
        if (t->small) {
            TRY(sgr(o, "2"));
            TRY(vb_buf_puts(o->b, " small"));
            TRY(sgr(o, "0"));
        }
        while (o->b->len > 0 && o->b->data[o->b->len - 1] == ' ')
            o->b->len--;
        TRY(vb_buf_putc(o->b, '\n'));
    }
    return VB_OK;
}

#define HEAT_NAME_COLS 24
#define HEAT_CELL_COLS 13 /* " 100% -100.0*" */
#define HEAT_SEGMENTS ((WIDTH - 2 - HEAT_NAME_COLS) / HEAT_CELL_COLS)

/* Themes x segments, compact: "24% -3.2" per cell, "*" when small. */
static vb_status heatmap(out *o)
{
    const vb_report *rep = o->rep;
    if (rep->n_heat_rows == 0) return VB_OK;
    const size_t n_seg = rep->n_segments < HEAT_SEGMENTS ? rep->n_segments : HEAT_SEGMENTS;
    char detail[160], s[32], sh[32], c[48];
    snprintf(detail, sizeof detail,
             "share of comments, %s of mentioners; * fewer than %zu scores%s", rep->metric_label,
             rep->opts.min_n, n_seg < rep->n_segments ? "; largest segments" : "");
    TRY(heading(o, "THEMES BY SEGMENT", detail));
    TRY(sgr(o, "2"));
    TRY(vb_buf_puts(o->b, "  "));
    TRY(cell(o, rep->opts.segment_col != NULL ? rep->opts.segment_col : "Segment", HEAT_NAME_COLS,
             false));
    for (size_t j = 0; j < n_seg; j++) {
        TRY(vb_buf_putc(o->b, ' '));
        TRY(cell(o, rep->segments[j].key, HEAT_CELL_COLS - 2, true));
        TRY(vb_buf_putc(o->b, ' '));
    }
    TRY(sgr(o, "0"));
    TRY(vb_buf_puts(o->b, "\n  "));
    snprintf(c, sizeof c, "%s of all", rep->metric_label);
    TRY(cell(o, c, HEAT_NAME_COLS, false));
    for (size_t j = 0; j < n_seg; j++) {
        const vb_rep_group *g = &rep->segments[j];
        TRY(vb_buf_printf(o->b, " %*s%s", HEAT_CELL_COLS - 2,
                          vb_rep_score(rep, s, sizeof s, g->score.value), g->small ? "*" : " "));
    }
    TRY(vb_buf_putc(o->b, '\n'));
    for (size_t r = 0; r < rep->n_heat_rows; r++) {
        TRY(vb_buf_puts(o->b, "  "));
        TRY(cell(o, vb_rep_theme_name(&rep->themes[rep->heat_rows[r]]), HEAT_NAME_COLS, false));
        for (size_t j = 0; j < n_seg; j++) {
            const vb_rep_heat *h = vb_rep_heat_at(rep, r, j);
            if (isfinite(h->share))
                snprintf(sh, sizeof sh, "%s%%", vb_rep_num(c, sizeof c, 100 * h->share, 0, false));
            else
                snprintf(sh, sizeof sh, "n/a");
            snprintf(c, sizeof c, "%4s %6s", sh, vb_rep_score(rep, s, sizeof s, h->score.value));
            if (h->small) TRY(sgr(o, "2"));
            TRY(vb_buf_printf(o->b, " %*s%s", HEAT_CELL_COLS - 2, c, h->small ? "*" : " "));
            if (h->small) TRY(sgr(o, "0"));
        }
        TRY(vb_buf_putc(o->b, '\n'));
    }
    return VB_OK;
}

static vb_status drivers(out *o)
{
    const vb_report *rep = o->rep;
    char r2[32], sh[32], detail[96];
    snprintf(detail, sizeof detail, "Johnson's relative weights, top-level themes; R² = %s",
             vb_rep_num(r2, sizeof r2, rep->r2, 3, false));
    TRY(heading(o, "KEY DRIVERS", rep->n_drivers > 0 ? detail : "not enough data"));
    for (size_t i = 0; i < rep->n_drivers && i < 10; i++) {
        const vb_rep_driver *d = &rep->drivers[i];
        TRY(vb_buf_printf(o->b, "  %2zu. ", i + 1));
        TRY(cell(o, vb_rep_theme_name(&rep->themes[d->theme]), NAME_COLS, false));
        const int bar = isfinite(d->share) ? (int)lround(d->share * 30) : 0;
        TRY(vb_buf_putc(o->b, ' '));
        TRY(sgr(o, d->direction < 0 ? "31" : "32"));
        for (int k = 0; k < 30; k++)
            TRY(vb_buf_puts(o->b, k < bar ? "\xE2\x96\x88" : " "));
        TRY(sgr(o, "0"));
        TRY(vb_buf_printf(o->b, " %6s of R²  %s\n", vb_rep_pct(sh, sizeof sh, d->share),
                          d->direction > 0   ? "mentioners score higher"
                          : d->direction < 0 ? "mentioners score lower"
                                             : ""));
    }
    return VB_OK;
}

static vb_status part_row(out *o, const vb_rep_part *p, const char *name, bool child)
{
    const vb_report *rep = o->rep;
    char c[32], v[32], r[32], s0[32], s1[32], r0[32], r1[32], sh[72], rt[72];
    TRY(vb_buf_puts(o->b, child ? "    " : "  "));
    TRY(cell(o, p->theme >= 0 ? vb_rep_theme_name(&rep->themes[p->theme]) : name,
             child ? NAME_COLS - 2 : NAME_COLS, false));
    snprintf(sh, sizeof sh, "%s > %s", vb_rep_pct(s0, sizeof s0, p->p.v_from),
             vb_rep_pct(s1, sizeof s1, p->p.v_to));
    snprintf(rt, sizeof rt, "%s > %s", vb_rep_score(rep, r0, sizeof r0, p->p.r_from),
             vb_rep_score(rep, r1, sizeof r1, p->p.r_to));
    const double x = p->p.contribution * rep->polarity;
    TRY(vb_buf_putc(o->b, ' '));
    TRY(sgr(o, x <= -0.5 ? "31" : x >= 0.5 ? "32" : "0"));
    TRY(vb_buf_printf(o->b, "%8s", vb_rep_num(c, sizeof c, p->p.contribution, 2, true)));
    TRY(sgr(o, "0"));
    return vb_buf_printf(o->b, " %7s %7s  %-15s %s\n",
                         vb_rep_num(v, sizeof v, p->p.volume_effect, 2, true),
                         vb_rep_num(r, sizeof r, p->p.rate_effect, 2, true), sh, rt);
}

static vb_status change(out *o)
{
    const vb_report *rep = o->rep;
    const vb_rep_change *ch = &rep->change;
    if (!ch->present) return VB_OK;
    char f[32], t[32], d[32], c[64], nf[32], nt[32], line[200];
    snprintf(line, sizeof line, "%s %s > %s", ch->kind, ch->from, ch->to);
    TRY(heading(o, "WHAT CHANGED", line));
    TRY(vb_buf_printf(o->b, "  %s %s (n = %s) > %s (n = %s): ", rep->metric_label,
                      vb_rep_score(rep, f, sizeof f, ch->score_from.value),
                      vb_rep_count(nf, sizeof nf, ch->score_from.n),
                      vb_rep_score(rep, t, sizeof t, ch->score_to.value),
                      vb_rep_count(nt, sizeof nt, ch->score_to.n)));
    TRY(sgr(o, "1"));
    TRY(vb_buf_puts(o->b, vb_rep_num(d, sizeof d, ch->delta.delta, rep->decimals, true)));
    TRY(sgr(o, "0"));
    TRY(vb_buf_printf(o->b, "\n  95%% CI %s, %s%s\n",
                      vb_rep_diff_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
                      ch->delta.significant ? "significant" : "not significant",
                      ch->small ? ", small sample" : ""));
    snprintf(line, sizeof line, "  %-30s %8s %7s %7s  %-15s %s\n", "Contribution by theme", "Total",
             "Volume", "Rate", "Attr. share", rep->metric_label);
    TRY(sgr(o, "2"));
    TRY(vb_buf_puts(o->b, line));
    TRY(sgr(o, "0"));
    for (size_t i = 0; i < ch->n_contributions; i++) {
        const vb_rep_contrib *k = &ch->contributions[i];
        TRY(part_row(o, &k->part, NULL, false));
        for (size_t j = 0; j < k->n_children && j < 3; j++)
            TRY(part_row(o, &k->children[j], NULL, true));
    }
    TRY(part_row(o, &ch->no_theme, "(no theme)", false));
    TRY(vb_buf_puts(o->b, "  "));
    TRY(cell(o, "Total", NAME_COLS, false));
    TRY(vb_buf_printf(o->b, " %8s\n", vb_rep_num(d, sizeof d, ch->delta.delta, 2, true)));
    if (ch->n_moved == 0) return VB_OK;
    TRY(sgr(o, "2"));
    TRY(vb_buf_puts(o->b, "  Moved significantly\n"));
    TRY(sgr(o, "0"));
    for (size_t i = 0; i < ch->n_moved; i++) {
        const vb_rep_moved *m = &ch->moved[i];
        char s0[32], s1[32];
        TRY(vb_buf_puts(o->b, "  "));
        TRY(cell(o, vb_rep_theme_name(&rep->themes[m->theme]), NAME_COLS, false));
        snprintf(line, sizeof line, " share %s > %s%s", vb_rep_pct(s0, sizeof s0, m->share_from),
                 vb_rep_pct(s1, sizeof s1, m->share_to), m->share.significant ? " (sig)" : "");
        TRY(vb_buf_printf(o->b, "%-28s", line));
        TRY(vb_buf_printf(o->b, " %s %s > %s%s\n", rep->metric_label,
                          vb_rep_score(rep, f, sizeof f, m->score_from.value),
                          vb_rep_score(rep, t, sizeof t, m->score_to.value),
                          m->score.significant ? " (sig)" : ""));
    }
    return VB_OK;
}

static vb_status focus(out *o)
{
    const vb_report *rep = o->rep;
    char where[96];
    snprintf(where, sizeof where, "%s%s", rep->focus_where[0] != '\0' ? "in " : "overall",
             rep->focus_where);
    TRY(heading(o, "AREAS FOR FOCUS", where));
    if (rep->n_focus == 0)
        return vb_buf_puts(o->b, "  No theme has a significant negative impact or got "
                                 "significantly worse.\n");
    for (size_t i = 0; i < rep->n_focus; i++) {
        const vb_rep_focus *f = &rep->focus[i];
        TRY(vb_buf_printf(o->b, "  %zu. ", i + 1));
        TRY(wrap(o, f->sentence, strlen(f->sentence), 5, 5, NULL, 0));
        TRY(vb_buf_putc(o->b, '\n'));
        for (size_t k = 0; k < f->n_quotes && k < 2; k++) {
            const vb_rep_quote *q = &f->quotes[k];
            TRY(vb_buf_puts(o->b, "     "));
            TRY(sgr(o, "2"));
            TRY(vb_buf_printf(o->b, "%-10s", q->date));
            TRY(sgr(o, "0"));
            TRY(vb_buf_puts(o->b, " \xE2\x80\x9C"));
            TRY(wrap(o, q->text, q->len, 17, 17, q->spans, q->n_spans));
            TRY(vb_buf_puts(o->b, "\xE2\x80\x9D\n"));
        }
    }
    return VB_OK;
}

vb_status vb_report_table(vb_report *rep, bool color)
{
    out o = {&rep->out, rep, color};
    const vb_report_options *opt = &rep->opts;
    char s[32], c[64], n[32], r[32];
    TRY(sgr(&o, "1"));
    TRY(vb_buf_printf(o.b, "%s %s", rep->metric_label,
                      vb_rep_score(rep, s, sizeof s, rep->overall.value)));
    TRY(sgr(&o, "0"));
    TRY(vb_buf_printf(o.b, "  95%% CI %s  n = %s of %s comments",
                      vb_rep_interval(rep, c, sizeof c, rep->overall.lo, rep->overall.hi),
                      vb_rep_count(n, sizeof n, rep->overall.n),
                      vb_rep_count(r, sizeof r, rep->records)));
    if (rep->records_rejected > 0)
        TRY(vb_buf_printf(o.b, ", %s record%s rejected while reading",
                          vb_rep_count(n, sizeof n, rep->records_rejected),
                          rep->records_rejected == 1 ? "" : "s"));
    if (rep->rejected > 0)
        TRY(vb_buf_printf(o.b, ", %s score%s rejected", vb_rep_count(n, sizeof n, rep->rejected),
                          rep->rejected == 1 ? "" : "s"));
    if (rep->dates_rejected > 0)
        TRY(vb_buf_printf(o.b, ", %s date%s rejected",
                          vb_rep_count(n, sizeof n, rep->dates_rejected),
                          rep->dates_rejected == 1 ? "" : "s"));
    TRY(vb_buf_puts(o.b, rep->overall_small ? " (small sample)\n" : "\n"));
    TRY(sgr(&o, "2"));
    TRY(vb_buf_printf(o.b,
                      "small: fewer than %zu scores. sig: the 95%% interval "
                      "excludes 0.\n",
                      opt->min_n));
    TRY(sgr(&o, "0"));
    if (rep->n_periods > 0)
        TRY(groups(&o, "TREND", vb_period_name(opt->period), "Period", rep->periods,
                   rep->n_periods));
    if (rep->n_segments > 0)
        TRY(groups(&o, "SEGMENTS", opt->segment_col, "Segment", rep->segments, rep->n_segments));
    TRY(themes(&o));
    TRY(heatmap(&o));
    TRY(drivers(&o));
    TRY(change(&o));
    TRY(focus(&o));
    /* no trailing spaces from padded cells */
    size_t w = 0;
    for (size_t i = 0; i < o.b->len; i++) {
        if (o.b->data[i] == '\n')
            while (w > 0 && o.b->data[w - 1] == ' ')
                w--;
        o.b->data[w++] = o.b->data[i];
    }
    o.b->len = w;
    o.b->data[w] = '\0';
    return VB_OK;
}

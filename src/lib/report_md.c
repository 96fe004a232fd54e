/* report_md.c: the report as Markdown (CommonMark + GFM tables), to paste
 * into a wiki page or a ticket. Comment text is escaped so that it cannot
 * open a link, a table cell or an HTML tag; a theme's matches in a quote
 * are set in bold. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where text that starts a line would open a block: a leading -, + or =,
 * or the "." or ")" of an ordered-list marker ("1. ", "12)": digits, then
 * a blank or the end), after up to three blanks (four make a code block,
 * which shows escapes as they are); `len` when nowhere. */
static size_t block_marker(const char *s, size_t len)
{
    size_t i = 0;
    while (i < 3 && i < len && blank(s[i]))
        i++;
    if (i < len && (s[i] == '-' || s[i] == '+' || s[i] == '=')) return i;
    size_t d = i;
    while (d < len && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d > i && d < len && (s[d] == '.' || s[d] == ')') && (d + 1 == len || blank(s[d + 1])))
        return d;
    return len;
}

/* Appends text with Markdown's active characters escaped and line breaks
 * turned into spaces; `line_start` also escapes a leading list or
 * heading marker. */
static vb_status esc(vb_buf *b, const char *s, size_t len, bool line_start)
{
    const size_t marker = line_start ? block_marker(s, len) : len;
    for (size_t i = 0; i < len; i++) {
        const char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            TRY(vb_buf_putc(b, ' '));
            continue;
        }
        if (strchr("\\`*_[]<>|#~!&", c) != NULL || i == marker) TRY(vb_buf_putc(b, '\\'));
        TRY(vb_buf_putc(b, c));
    }
    return VB_OK;
}

static vb_status esc_str(vb_buf *b, const char *s)
{
    return esc(b, s, strlen(s), false);
}

/* A table of periods or segments, after the caller's heading. */
static vb_status groups(vb_buf *b, const vb_report *rep, const char *col, const vb_rep_group *g,
                        size_t n)
{
    char s[32], c[80], cnt[32];
    TRY(vb_buf_printf(b, "\n\n| %s | n | %s | 95%% CI | |\n|---|--:|--:|---|---|\n", col,
                      rep->metric_label));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, "| "));
        TRY(esc_str(b, g[i].key));
        TRY(vb_buf_printf(
            b, " | %s | %s | %s | %s |\n", vb_rep_count(cnt, sizeof cnt, g[i].score.n),
            vb_rep_score(rep, s, sizeof s, g[i].score.value),
            vb_rep_interval(rep, c, sizeof c, g[i].score.lo, g[i].score.hi), g[i].small ? "small sample" : ""));
    }
    return VB_OK;
}

static vb_status themes(vb_buf *b, const vb_report *rep)
{
    char n[32], sh[32], se[32], s[32], im[32], c[80];
    TRY(vb_buf_printf(b,
                      "\n## Themes\n\n| Theme | Mentions | Share | Sentiment | %s | Impact | "
                      "Impact 95%% CI | |\n|---|--:|--:|--:|--:|--:|---|---|\n",
                      rep->metric_label));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        TRY(vb_buf_puts(b, t->parent >= 0 ? "| ↳ " : "| **"));
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_printf(
            b, "%s | %s | %s | %s | %s | %s | %s | %s%s%s |\n", t->parent >= 0 ? "" : "**",
            vb_rep_count(n, sizeof n, t->n), vb_rep_pct(sh, sizeof sh, t->share),
            vb_rep_num(se, sizeof se, t->sentiment, 2, true),
            vb_rep_score(rep, s, sizeof s, t->score.value),
            vb_rep_impact_num(rep, im, sizeof im, t->impact),
            vb_rep_impact_interval(rep, c, sizeof c, t->impact_lo, t->impact_hi),
            t->impact_significant ? "significant" : "",
            t->impact_significant && t->small ? ", " : "", t->small ? "small sample" : ""));
    }
    return VB_OK;
}

#define MD_HEAT_SEGMENTS 12

/* Themes x segments: share of the segment's comments and the score among
 * them, the largest segments as columns. */
static vb_status heatmap(vb_buf *b, const vb_report *rep)
{
    if (rep->n_heat_rows == 0) return VB_OK;
    const size_t n_seg = rep->n_segments < MD_HEAT_SEGMENTS ? rep->n_segments : MD_HEAT_SEGMENTS;
    char sh[32], s[32];
    TRY(vb_buf_puts(b, "\n## Themes by "));
    TRY(esc_str(b, rep->opts.segment_col != NULL ? rep->opts.segment_col : "segment"));
    TRY(vb_buf_printf(b,
                      "\n\nShare of each segment's comments that mention the theme, then %s "
                      "among them (the segment's own %s in the header). *small*: fewer than "
                      "%zu scores.",
                      rep->metric_label, rep->metric_label, rep->opts.min_n));
    if (n_seg < rep->n_segments)
        TRY(vb_buf_printf(b, " The %zu largest of %zu segments; all are in the JSON and CSV.",
                          n_seg, rep->n_segments));
    TRY(vb_buf_puts(b, "\n\n| Theme |"));
    for (size_t j = 0; j < n_seg; j++) {
        TRY(vb_buf_putc(b, ' '));
        TRY(esc_str(b, rep->segments[j].key));
        TRY(vb_buf_printf(b, " (%s) |", vb_rep_score(rep, s, sizeof s, rep->segments[j].score.value)));
    }
    TRY(vb_buf_puts(b, "\n|---|"));
    for (size_t j = 0; j < n_seg; j++)
        TRY(vb_buf_puts(b, "--:|"));
    TRY(vb_buf_putc(b, '\n'));
    for (size_t r = 0; r < rep->n_heat_rows; r++) {
        TRY(vb_buf_puts(b, "| "));
        TRY(esc_str(b, vb_rep_theme_name(&rep->themes[rep->heat_rows[r]])));
        TRY(vb_buf_puts(b, " |"));
        for (size_t j = 0; j < n_seg; j++) {
            const vb_rep_heat *h = vb_rep_heat_at(rep, r, j);
            TRY(vb_buf_printf(b, " %s · %s%s |", vb_rep_pct(sh, sizeof sh, h->share),
                              vb_rep_score(rep, s, sizeof s, h->score.value), h->small ? " *small*" : ""));
        }
        TRY(vb_buf_putc(b, '\n'));
    }
    return VB_OK;
}

static vb_status quote(vb_buf *b, const vb_rep_quote *q, const char *indent)
{
    TRY(vb_buf_printf(b, "%s> ", indent));
    size_t at = 0;
    for (size_t k = 0; k < q->n_spans; k++) {
        const vb_range *r = &q->spans[k];
        if (r->start < at || r->end > q->len || r->start >= r->end) continue;
        TRY(esc(b, q->text + at, r->start - at, at == 0));
        TRY(vb_buf_puts(b, "**"));
        TRY(esc(b, q->text + r->start, r->end - r->start, false));
        TRY(vb_buf_puts(b, "**"));
        at = r->end;
    }
    TRY(esc(b, q->text + at, q->len - at, at == 0));
    TRY(vb_buf_printf(b, "\n%s> — ", indent));
    if (q->date[0] != '\0') TRY(vb_buf_printf(b, "%s, ", q->date));
    if (q->segment != NULL) {
        TRY(esc_str(b, q->segment));
        TRY(vb_buf_puts(b, ", "));
    }
    TRY(esc_str(b, q->id));
    return vb_buf_puts(b, "\n\n");
}

static vb_status drivers(vb_buf *b, const vb_report *rep)
{
    char im[32], sh[32], r2[32];
    TRY(vb_buf_puts(b, "\n## Key drivers\n\n"));
    if (rep->n_drivers == 0) return vb_buf_puts(b, "Not enough data for a driver model.\n");
    TRY(vb_buf_printf(b,
                      "Johnson's relative weights over the top-level themes. Together they "
                      "explain R² = %s of the variance in %s.\n\n"
                      "| # | Theme | Importance | Share of R² | Direction |\n"
                      "|--:|---|--:|--:|---|\n",
                      vb_rep_num(r2, sizeof r2, rep->r2, 3, false), rep->metric_label));
    for (size_t i = 0; i < rep->n_drivers; i++) {
        const vb_rep_driver *d = &rep->drivers[i];
        TRY(vb_buf_printf(b, "| %zu | ", i + 1));
        TRY(esc_str(b, vb_rep_theme_name(&rep->themes[d->theme])));
        TRY(vb_buf_printf(b, " | %s | %s | %s |\n",
                          vb_rep_num(im, sizeof im, d->importance, 4, false),
                          vb_rep_pct(sh, sizeof sh, d->share),
                          d->direction > 0   ? "higher score"
                          : d->direction < 0 ? "lower score"
                                             : "–"));
    }
    return VB_OK;
}

static vb_status part_row(vb_buf *b, const vb_report *rep, const vb_rep_part *p, const char *name,
                          bool child)
{
    char c[32], v[32], r[32], s0[32], s1[32], r0[32], r1[32];
    TRY(vb_buf_puts(b, child ? "| ↳ " : "| "));
    TRY(esc_str(b, p->theme >= 0 ? vb_rep_theme_name(&rep->themes[p->theme]) : name));
    return vb_buf_printf(b, " | %s | %s | %s | %s → %s | %s → %s |\n",
                         vb_rep_num(c, sizeof c, p->p.contribution, 2, true),
                         vb_rep_num(v, sizeof v, p->p.volume_effect, 2, true),
                         vb_rep_num(r, sizeof r, p->p.rate_effect, 2, true),
                         vb_rep_pct(s0, sizeof s0, p->p.v_from), vb_rep_pct(s1, sizeof s1, p->p.v_to),
                         vb_rep_score(rep, r0, sizeof r0, p->p.r_from),
                         vb_rep_score(rep, r1, sizeof r1, p->p.r_to));
}

static vb_status change(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    if (!ch->present) return VB_OK;
    char f[32], t[32], d[32], c[80], nf[32], nt[32];
    TRY(vb_buf_puts(b, "\n## What changed: "));
    TRY(esc_str(b, ch->from));
    TRY(vb_buf_puts(b, " → "));
    TRY(esc_str(b, ch->to));
    TRY(vb_buf_printf(
        b, "\n\n%s went from %s (n = %s) to %s (n = %s): **%s** (95%% CI %s%s)%s.\n\n",
        rep->metric_label, vb_rep_score(rep, f, sizeof f, ch->score_from.value),
        vb_rep_count(nf, sizeof nf, ch->score_from.n), vb_rep_score(rep, t, sizeof t, ch->score_to.value),
        vb_rep_count(nt, sizeof nt, ch->score_to.n),
        vb_rep_num(d, sizeof d, ch->delta.delta, rep->decimals, true),
        vb_rep_diff_interval(rep, c, sizeof c, ch->delta.lo, ch->delta.hi),
        ch->delta.significant ? ", significant" : ", not significant",
        ch->small ? "; small sample" : ""));
    TRY(vb_buf_printf(b,
                      "Each respondent's part of the score is shared equally among the "
                      "top-level themes they mention; the parts add up to the change.\n\n"
                      "| Theme | Contribution | Volume effect | Rate effect | Share of "
                      "respondents | %s |\n|---|--:|--:|--:|---|---|\n",
                      rep->metric_label));
    for (size_t i = 0; i < ch->n_contributions; i++) {
        const vb_rep_contrib *k = &ch->contributions[i];
        TRY(part_row(b, rep, &k->part, NULL, false));
        for (size_t j = 0; j < k->n_children; j++)
            TRY(part_row(b, rep, &k->children[j], NULL, true));
        if (k->n_children > 0) TRY(part_row(b, rep, &k->other, "other", true));
    }
    TRY(part_row(b, rep, &ch->no_theme, "No theme", false));
    TRY(vb_buf_printf(b, "| **Total** | **%s** | | | | |\n",
                      vb_rep_num(d, sizeof d, ch->delta.delta, 2, true)));
    if (ch->n_moved == 0) return VB_OK;
    TRY(vb_buf_printf(b,
                      "\n### Moved significantly\n\n| Theme | Share of comments | %s of "
                      "mentioners |\n|---|---|---|\n",
                      rep->metric_label));
    for (size_t i = 0; i < ch->n_moved; i++) {
        const vb_rep_moved *m = &ch->moved[i];
        char s0[32], s1[32], a[32], z[32];
        TRY(vb_buf_puts(b, "| "));
        TRY(esc_str(b, vb_rep_theme_name(&rep->themes[m->theme])));
        TRY(vb_buf_printf(b, " | %s → %s%s | %s → %s%s |\n", vb_rep_pct(s0, sizeof s0, m->share_from),
                          vb_rep_pct(s1, sizeof s1, m->share_to),
                          m->share.significant ? " **(significant)**" : "",
                          vb_rep_score(rep, a, sizeof a, m->score_from.value),
                          vb_rep_score(rep, z, sizeof z, m->score_to.value),
                          m->score.significant ? " **(significant)**" : ""));
    }
    return VB_OK;
}

static vb_status focus(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "\n## Areas for focus\n\n"));
    if (rep->n_focus == 0)
        return vb_buf_puts(b, "No theme has a significant negative impact or got significantly "
                              "worse.\n");
    for (size_t i = 0; i < rep->n_focus; i++) {
        const vb_rep_focus *f = &rep->focus[i];
        TRY(vb_buf_printf(b, "%zu. ", i + 1));
        TRY(esc(b, f->sentence, strlen(f->sentence), true)); /* a list item's first line */
        TRY(vb_buf_puts(b, "\n\n"));
        for (size_t k = 0; k < f->n_quotes && k < 3; k++)
            TRY(quote(b, &f->quotes[k], "   "));
    }
    return VB_OK;
}

vb_status vb_report_md(vb_report *rep)
{
    vb_buf *b = &rep->out;
    const vb_report_options *o = &rep->opts;
    char s[32], c[80], n[32], r[32];
    TRY(vb_buf_printf(
        b, "# %s report\n\n**%s %s** (95%% CI %s), n = %s of %s comments", rep->metric_label,
        rep->metric_label, vb_rep_score(rep, s, sizeof s, rep->overall.value),
        vb_rep_interval(rep, c, sizeof c, rep->overall.lo, rep->overall.hi),
        vb_rep_count(n, sizeof n, rep->overall.n), vb_rep_count(r, sizeof r, rep->records)));
    if (rep->records_rejected > 0)
        TRY(vb_buf_printf(b, "; %s record%s rejected while reading",
                          vb_rep_count(n, sizeof n, rep->records_rejected),
                          rep->records_rejected == 1 ? "" : "s"));
    if (rep->rejected > 0)
        TRY(vb_buf_printf(b, "; %s score%s rejected", vb_rep_count(n, sizeof n, rep->rejected),
                          rep->rejected == 1 ? "" : "s"));
    if (rep->dates_rejected > 0)
        TRY(vb_buf_printf(b, "; %s date%s rejected", vb_rep_count(n, sizeof n, rep->dates_rejected),
                          rep->dates_rejected == 1 ? "" : "s"));
    TRY(vb_buf_puts(b, rep->overall_small ? ". **Small sample.**\n" : ".\n"));
    TRY(vb_buf_printf(b, "Groups with fewer than %zu scores are flagged as small samples.\n",
                      o->min_n));
    if (rep->n_periods > 0) {
        TRY(vb_buf_printf(b, "\n## Trend by %s", vb_period_name(o->period)));
        TRY(groups(b, rep, "Period", rep->periods, rep->n_periods));
    }
    if (rep->n_segments > 0) {
        TRY(vb_buf_puts(b, "\n## By "));
        TRY(esc_str(b, o->segment_col != NULL ? o->segment_col : "segment"));
        TRY(groups(b, rep, "Segment", rep->segments, rep->n_segments));
    }
    TRY(themes(b, rep));
    TRY(heatmap(b, rep));
    TRY(drivers(b, rep));
    TRY(change(b, rep));
    TRY(focus(b, rep));
    TRY(vb_buf_puts(b, "\n## Quotes\n"));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        if (t->n_quotes == 0) continue;
        TRY(vb_buf_puts(b, "\n### "));
        TRY(esc_str(b, vb_rep_theme_name(t)));
        TRY(vb_buf_puts(b, "\n\n"));
        for (size_t k = 0; k < t->n_quotes; k++)
            TRY(quote(b, &t->quotes[k], ""));
    }
    return VB_OK;
}

/* report_csv.c: the report as CSV tables, one per section.
 *
 * Without a section every table is written, each after a "# name" line
 * and separated by a blank line; with one (--section) just that table,
 * ready for a spreadsheet. Cells are quoted as RFC 4180 says (when they
 * hold a comma, quote, CR or LF); lines end in LF. Text cells that begin
 * with = + - @ TAB or CR are prefixed with a single quote, so that a
 * spreadsheet shows them as text instead of running them as a formula
 * (OWASP "CSV injection"). Numeric cells are numbers we formatted ourselves ("-6.1"): a leading
 * minus there is a sign, and quoting it would turn the number into text.
 */
#include "report.h"

#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

/* A text cell, preceded by a comma unless first. */
static vb_status text(vb_buf *b, const char *s, size_t len, bool first)
{
    if (!first) TRY(vb_buf_putc(b, ','));
    if (s == NULL) return VB_OK;
    const bool risky = len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                   s[0] == '\t' || s[0] == '\r');
    bool quote = false;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (quote) TRY(vb_buf_putc(b, '"'));
    if (risky) TRY(vb_buf_putc(b, '\''));
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') TRY(vb_buf_putc(b, '"'));
        TRY(vb_buf_putc(b, s[i]));
    }
    if (quote) TRY(vb_buf_putc(b, '"'));
    return VB_OK;
}

static vb_status str(vb_buf *b, const char *s, bool first)
{
    return text(b, s, s != NULL ? strlen(s) : 0, first);
}

static vb_status num(vb_buf *b, double x)
{
    TRY(vb_buf_putc(b, ','));
    return isfinite(x) ? vb_json_number(b, x, 6) : VB_OK;
}

static vb_status u64(vb_buf *b, uint64_t n)
{
    return vb_buf_printf(b, ",%llu", (unsigned long long)n);
}

static vb_status flag(vb_buf *b, bool v)
{
    return vb_buf_puts(b, v ? ",true" : ",false");
}

static vb_status overall(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "metric,records,records_rejected,n,score,ci95_low,ci95_high,rejected,"
                       "dates_rejected,small\n"));
    TRY(str(b, vb_metric_name(rep->opts.metric), true));
    TRY(u64(b, rep->records));
    TRY(u64(b, rep->records_rejected));
    TRY(u64(b, rep->overall.n));
    TRY(num(b, rep->overall.value));
    TRY(num(b, rep->overall.lo));
    TRY(num(b, rep->overall.hi));
    TRY(u64(b, rep->rejected));
    TRY(u64(b, rep->dates_rejected));
    TRY(flag(b, rep->overall_small));
    return vb_buf_puts(b, "\n");
}

static vb_status groups(vb_buf *b, const char *key, const vb_rep_group *g, size_t n)
{
    TRY(vb_buf_printf(b, "%s,records,n,score,ci95_low,ci95_high,small\n", key));
    for (size_t i = 0; i < n; i++) {
        TRY(str(b, g[i].key, true));
        TRY(u64(b, g[i].records));
        TRY(u64(b, g[i].score.n));
        TRY(num(b, g[i].score.value));
        TRY(num(b, g[i].score.lo));
        TRY(num(b, g[i].score.hi));
        TRY(flag(b, g[i].small));
        TRY(vb_buf_puts(b, "\n"));
    }
    return VB_OK;
}

static vb_status themes(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "id,label,parent,n,share,sentiment,score_n,score,ci95_low,ci95_high,"
                       "small,impact,impact_ci95_low,impact_ci95_high,impact_significant\n"));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        TRY(str(b, t->id, true));
        TRY(str(b, vb_rep_theme_name(t), false));
        TRY(str(b, t->parent >= 0 ? rep->themes[t->parent].id : NULL, false));
        TRY(u64(b, t->n));
        TRY(num(b, t->share));
        TRY(num(b, t->sentiment));
        TRY(u64(b, t->score.n));
        TRY(num(b, t->score.value));
        TRY(num(b, t->score.lo));
        TRY(num(b, t->score.hi));
        TRY(flag(b, t->small));
        TRY(num(b, t->impact));
        TRY(num(b, t->impact_lo));
        TRY(num(b, t->impact_hi));
        TRY(flag(b, t->impact_significant));
        TRY(vb_buf_puts(b, "\n"));
    }
    return VB_OK;
}

static vb_status heatmap(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "theme,label,segment,n,share,sentiment,score_n,score,ci95_low,ci95_high,"
                       "segment_score,small\n"));
    for (size_t r = 0; r < rep->n_heat_rows; r++) {
        const vb_rep_theme *t = &rep->themes[rep->heat_rows[r]];
        for (size_t s = 0; s < rep->n_segments; s++) {
            const vb_rep_heat *h = vb_rep_heat_at(rep, r, s);
            TRY(str(b, t->id, true));
            TRY(str(b, vb_rep_theme_name(t), false));
            TRY(str(b, rep->segments[s].key, false));
            TRY(u64(b, h->n));
            TRY(num(b, h->share));
            TRY(num(b, h->sentiment));
            TRY(u64(b, h->score.n));
            TRY(num(b, h->score.value));
            TRY(num(b, h->score.lo));
            TRY(num(b, h->score.hi));
            TRY(num(b, rep->segments[s].score.value));
            TRY(flag(b, h->small));
            TRY(vb_buf_puts(b, "\n"));
        }
    }
    return VB_OK;
}

static vb_status drivers(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "rank,theme,label,importance,share_of_r2,r,direction,r2\n"));
    for (size_t i = 0; i < rep->n_drivers; i++) {
        const vb_rep_driver *d = &rep->drivers[i];
        const vb_rep_theme *t = &rep->themes[d->theme];
        TRY(vb_buf_printf(b, "%zu", i + 1));
        TRY(str(b, t->id, false));
        TRY(str(b, vb_rep_theme_name(t), false));
        TRY(num(b, d->importance));
        TRY(num(b, d->share));
        TRY(num(b, d->r));
        TRY(str(b, d->direction > 0 ? "positive" : d->direction < 0 ? "negative" : "none", false));
        TRY(num(b, rep->r2));
        TRY(vb_buf_puts(b, "\n"));
    }
    return VB_OK;
}

static vb_status part_row(vb_buf *b, const vb_report *rep, const vb_rep_part *p, const char *parent,
                          const char *none)
{
    const vb_rep_change *ch = &rep->change;
    TRY(str(b, ch->from, true));
    TRY(str(b, ch->to, false));
    TRY(str(b, p->theme >= 0 ? rep->themes[p->theme].id : NULL, false));
    TRY(str(b, parent, false));
    TRY(str(b, p->theme >= 0 ? vb_rep_theme_name(&rep->themes[p->theme]) : none, false));
    TRY(num(b, p->p.contribution));
    TRY(num(b, p->p.volume_effect));
    TRY(num(b, p->p.rate_effect));
    TRY(num(b, p->p.v_from));
    TRY(num(b, p->p.v_to));
    TRY(num(b, p->p.r_from));
    TRY(num(b, p->p.r_to));
    return vb_buf_puts(b, "\n");
}

static vb_status change(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    TRY(vb_buf_puts(b, "from,to,theme,parent,label,contribution,volume_effect,rate_effect,"
                       "volume_from,volume_to,rate_from,rate_to\n"));
    if (!ch->present) return VB_OK;
    for (size_t i = 0; i < ch->n_contributions; i++) {
        const vb_rep_contrib *c = &ch->contributions[i];
        const char *pid = rep->themes[c->part.theme].id;
        TRY(part_row(b, rep, &c->part, NULL, NULL));
        for (size_t k = 0; k < c->n_children; k++)
            TRY(part_row(b, rep, &c->children[k], pid, NULL));
        if (c->n_children > 0) TRY(part_row(b, rep, &c->other, pid, "other"));
    }
    TRY(part_row(b, rep, &ch->no_theme, NULL, "no theme"));
    /* the total, which the top-level rows and "no theme" add up to */
    TRY(str(b, ch->from, true));
    TRY(str(b, ch->to, false));
    TRY(vb_buf_puts(b, ",,,total"));
    TRY(num(b, ch->delta.delta));
    return vb_buf_puts(b, ",,,,,,\n");
}

static vb_status moved(vb_buf *b, const vb_report *rep)
{
    const vb_rep_change *ch = &rep->change;
    TRY(vb_buf_puts(b, "theme,label,share_from,share_to,share_delta,share_ci95_low,"
                       "share_ci95_high,share_significant,score_from,score_to,score_delta,"
                       "score_ci95_low,score_ci95_high,score_significant\n"));
    for (size_t i = 0; i < ch->n_moved; i++) {
        const vb_rep_moved *m = &ch->moved[i];
        const vb_rep_theme *t = &rep->themes[m->theme];
        TRY(str(b, t->id, true));
        TRY(str(b, vb_rep_theme_name(t), false));
        TRY(num(b, m->share_from));
        TRY(num(b, m->share_to));
        TRY(num(b, m->share.delta));
        TRY(num(b, m->share.lo));
        TRY(num(b, m->share.hi));
        TRY(flag(b, m->share.significant));
        TRY(num(b, m->score_from.value));
        TRY(num(b, m->score_to.value));
        TRY(num(b, m->score.delta));
        TRY(num(b, m->score.lo));
        TRY(num(b, m->score.hi));
        TRY(flag(b, m->score.significant));
        TRY(vb_buf_puts(b, "\n"));
    }
    return VB_OK;
}

static vb_status focus(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "rank,theme,label,priority,share,score,impact,sentence\n"));
    for (size_t i = 0; i < rep->n_focus; i++) {
        const vb_rep_focus *f = &rep->focus[i];
        const vb_rep_theme *t = &rep->themes[f->theme];
        TRY(vb_buf_printf(b, "%zu", i + 1));
        TRY(str(b, t->id, false));
        TRY(str(b, vb_rep_theme_name(t), false));
        TRY(num(b, f->priority));
        TRY(num(b, f->share));
        TRY(num(b, f->score));
        TRY(num(b, f->impact));
        TRY(str(b, f->sentence, false));
        TRY(vb_buf_puts(b, "\n"));
    }
    return VB_OK;
}

static vb_status quotes(vb_buf *b, const vb_report *rep)
{
    TRY(vb_buf_puts(b, "theme,label,rank,id,date,segment,sentiment,text\n"));
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_rep_theme *t = &rep->themes[i];
        for (size_t k = 0; k < t->n_quotes; k++) {
            const vb_rep_quote *q = &t->quotes[k];
            TRY(str(b, t->id, true));
            TRY(str(b, vb_rep_theme_name(t), false));
            TRY(vb_buf_printf(b, ",%zu", k + 1));
            TRY(str(b, q->id, false));
            TRY(str(b, q->date, false));
            TRY(str(b, q->segment, false));
            TRY(num(b, q->sentiment));
            TRY(text(b, q->text, q->len, false));
            TRY(vb_buf_puts(b, "\n"));
        }
    }
    return VB_OK;
}

static const char *const sections[] = {"overall", "periods", "segments", "themes", "heatmap",
                                       "drivers", "change",  "moved",    "focus",  "quotes"};

static vb_status section(vb_buf *b, const vb_report *rep, size_t i)
{
    switch (i) {
    case 0:
        return overall(b, rep);
    case 1:
        return groups(b, "period", rep->periods, rep->n_periods);
    case 2:
        return groups(b, "segment", rep->segments, rep->n_segments);
    case 3:
        return themes(b, rep);
    case 4:
        return heatmap(b, rep);
    case 5:
        return drivers(b, rep);
    case 6:
        return change(b, rep);
    case 7:
        return moved(b, rep);
    case 8:
        return focus(b, rep);
    default:
        return quotes(b, rep);
    }
}

const char *const *vb_report_sections(size_t *n)
{
    *n = sizeof sections / sizeof sections[0];
    return sections;
}

vb_status vb_report_csv(vb_report *rep, const char *name)
{
    const size_t n = sizeof sections / sizeof sections[0];
    if (name != NULL) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(name, sections[i]) == 0) return section(&rep->out, rep, i);
        return VB_EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_printf(&rep->out, "%s# %s\n", i == 0 ? "" : "\n", sections[i]));
        TRY(section(&rep->out, rep, i));
    }
    return VB_OK;
}

/* report_change.c: what changed between two periods or segments, and the
 * areas for focus, as part of vb_report_new().
 *
 * The compared groups are --compare A..B (two period labels, else two
 * segment values) or, by default, the last two periods with a score. The
 * change in the score is split exactly into per-theme parts plus "no
 * theme" (change.c), child themes within their parent; themes whose share
 * of comments or score among mentioners moved significantly are listed
 * separately (a score move only when both sides have min_n scores).
 *
 * Areas for focus rank themes (both levels) in the focus group (the "to"
 * group when comparing, else everyone) by the points they cost: the
 * impact when it is significantly negative, plus a negative contribution
 * to the change. A theme also qualifies when it got significantly worse:
 * its share grew while its mentioners score below average, or their score
 * fell. A parent is dropped when one of its children is listed (the child
 * says more). Each gets one sentence built from the figures.
 */
#include "report.h"

#include "agg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const vb_agg_group *find_pair(const vb_agg_groups *gs, const char *a, const char *b,
                                     const vb_agg_group **gb)
{
    const vb_agg_group *ga = vb_agg_find(gs, a, strlen(a));
    *gb = vb_agg_find(gs, b, strlen(b));
    return ga != NULL && *gb != NULL ? ga : NULL;
}

/* "--compare: ..." with the known keys, as many as fit. */
static void compare_error(vb_error *err, const vb_report_options *o, const vb_report *rep)
{
    if (err == NULL) return;
    memset(err, 0, sizeof *err);
    err->code = VB_EINVAL;
    size_t n = (size_t)snprintf(err->message, sizeof err->message,
                                "--compare %s..%s: not two periods%s; periods:", o->compare_from,
                                o->compare_to, o->segment_col != NULL ? " or two segments" : "");
    for (size_t i = 0; i < rep->n_periods && n < sizeof err->message; i++)
        n +=
            (size_t)snprintf(err->message + n, sizeof err->message - n, " %s", rep->periods[i].key);
    if (rep->n_periods == 0 && n < sizeof err->message)
        n += (size_t)snprintf(err->message + n, sizeof err->message - n, " none");
    if (o->segment_col != NULL && n < sizeof err->message) {
        n += (size_t)snprintf(err->message + n, sizeof err->message - n, "; segments:");
        for (size_t i = 0; i < rep->n_segments && n < sizeof err->message; i++)
            n += (size_t)snprintf(err->message + n, sizeof err->message - n, " %s",
                                  rep->segments[i].key);
    }
}

static vb_rep_part part(int32_t theme, double fw_a, double fwx_a, double w_a, double fw_b,
                        double fwx_b, double w_b, double s_mid)
{
    vb_rep_part p;
    p.theme = theme;
    p.p = vb_change_part_of(fw_a, fwx_a, w_a, fw_b, fwx_b, w_b, s_mid);
    return p;
}

static int cmp_contrib(const void *a, const void *b)
{
    const vb_rep_part *x = a, *y = b;
    const double ax = fabs(x->p.contribution), ay = fabs(y->p.contribution);
    if (ax != ay) return ax > ay ? -1 : 1;
    return x->theme - y->theme;
}

static vb_status build_change(vb_report *rep, const vb_agg *agg, const vb_agg_group *ga,
                              const vb_agg_group *gb)
{
    vb_rep_change *ch = &rep->change;
    ch->present = true;
    ch->from = vb_arena_strndup(&rep->arena, ga->key, ga->key_len);
    ch->to = vb_arena_strndup(&rep->arena, gb->key, gb->key_len);
    if (ch->from == NULL || ch->to == NULL) return VB_ENOMEM;
    ch->records_from = ga->records;
    ch->records_to = gb->records;
    ch->score_from = vb_rep_estimate(agg, &ga->score);
    ch->score_to = vb_rep_estimate(agg, &gb->score);
    ch->small = ga->score.n < rep->opts.min_n || gb->score.n < rep->opts.min_n;
    ch->delta =
        vb_diff_scores(&agg->metric, &ga->score, &ch->score_from, &gb->score, &ch->score_to);
    const double wa = ga->score.sw, wb = gb->score.sw;
    /* Renderers read it even without a decomposition: undefined then. */
    ch->no_theme.theme = -1;
    ch->no_theme.p = (vb_change_part){NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    if (!(wa > 0) || !(wb > 0)) return VB_OK; /* nothing scored on one side: no decomposition */
    const double s_mid = (ch->score_from.value + ch->score_to.value) / 2;

    ch->no_theme = part(-1, ga->none_w, ga->none_wx, wa, gb->none_w, gb->none_wx, wb, s_mid);
    ch->contributions = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *ch->contributions);
    vb_rep_part *kids = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *kids);
    if (ch->contributions == NULL || kids == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < rep->n_themes; i++) {
        if (rep->themes[i].parent >= 0) continue;
        const vb_agg_cell *a = vb_agg_cell_of(ga, rep->theme_index[i]);
        const vb_agg_cell *b = vb_agg_cell_of(gb, rep->theme_index[i]);
        if (!(a->fw > 0) && !(b->fw > 0)) continue;
        vb_rep_contrib *c = &ch->contributions[ch->n_contributions++];
        memset(c, 0, sizeof *c);
        c->part = part((int32_t)i, a->fw, a->fwx, wa, b->fw, b->fwx, wb, s_mid);
        c->other = part(-1, a->ow, a->owx, wa, b->ow, b->owx, wb, s_mid);
        size_t n_kids = 0;
        for (size_t k = i + 1; k < rep->n_themes && rep->themes[k].parent == (int32_t)i; k++) {
            const vb_agg_cell *ka = vb_agg_cell_of(ga, rep->theme_index[k]);
            const vb_agg_cell *kb = vb_agg_cell_of(gb, rep->theme_index[k]);
            if (ka->fw > 0 || kb->fw > 0)
                kids[n_kids++] = part((int32_t)k, ka->fw, ka->fwx, wa, kb->fw, kb->fwx, wb, s_mid);
        }
        qsort(kids, n_kids, sizeof *kids, cmp_contrib);
        c->children = vb_arena_array(&rep->arena, n_kids + 1, sizeof *c->children);
        if (c->children == NULL) return VB_ENOMEM;
        memcpy(c->children, kids, n_kids * sizeof *kids);
        c->n_children = n_kids;
    }
    /* by |contribution|: sort the parts, carrying their children along */
    for (size_t i = 1; i < ch->n_contributions; i++) {
        vb_rep_contrib c = ch->contributions[i];
        size_t j = i;
        while (j > 0 && cmp_contrib(&c.part, &ch->contributions[j - 1].part) < 0) {
            ch->contributions[j] = ch->contributions[j - 1];
            j--;
        }
        ch->contributions[j] = c;
    }

    /* Themes whose volume or score moved significantly. */
    ch->moved = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *ch->moved);
    if (ch->moved == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_agg_cell *a = vb_agg_cell_of(ga, rep->theme_index[i]);
        const vb_agg_cell *b = vb_agg_cell_of(gb, rep->theme_index[i]);
        vb_rep_moved m;
        m.theme = i;
        m.share_from = ga->records > 0 ? (double)a->mentions / (double)ga->records : NAN;
        m.share_to = gb->records > 0 ? (double)b->mentions / (double)gb->records : NAN;
        m.share = vb_diff_proportions((double)a->mentions, (double)ga->records, (double)b->mentions,
                                      (double)gb->records);
        m.score_from = vb_rep_estimate(agg, &a->score);
        m.score_to = vb_rep_estimate(agg, &b->score);
        m.score = vb_diff_scores(&agg->metric, &a->score, &m.score_from, &b->score, &m.score_to);
        /* A handful of scores says little of a theme's score, even with
         * intervals made for small groups: those never count as a move. */
        if (m.score_from.n < rep->opts.min_n || m.score_to.n < rep->opts.min_n)
            m.score.significant = false;
        if (m.share.significant || m.score.significant) ch->moved[ch->n_moved++] = m;
    }
    return VB_OK;
}

/* ---- Areas for focus ------------------------------------------------------ */

typedef struct focus_cand {
    size_t theme;
    double priority;
} focus_cand;

static int cmp_focus(const void *a, const void *b)
{
    const focus_cand *x = a, *y = b;
    if (x->priority != y->priority) return x->priority > y->priority ? -1 : 1;
    return x->theme < y->theme ? -1 : x->theme > y->theme;
}

/* The contribution of theme i to the change (its own part, or its part
 * within its parent); 0 when not decomposed. */
static double contribution_of(const vb_report *rep, size_t i)
{
    const vb_rep_change *ch = &rep->change;
    for (size_t c = 0; c < ch->n_contributions; c++) {
        if (ch->contributions[c].part.theme == (int32_t)i)
            return ch->contributions[c].part.p.contribution;
        for (size_t k = 0; k < ch->contributions[c].n_children; k++)
            if (ch->contributions[c].children[k].theme == (int32_t)i)
                return ch->contributions[c].children[k].p.contribution;
    }
    return 0;
}

static const vb_rep_moved *moved_of(const vb_report *rep, size_t i)
{
    for (size_t m = 0; m < rep->change.n_moved; m++)
        if (rep->change.moved[m].theme == i) return &rep->change.moved[m];
    return NULL;
}

static void sentence(vb_report *rep, const vb_agg *agg, const vb_agg_group *g,
                     const vb_agg_group *prev, size_t i, const vb_rep_impact *im, char *out,
                     size_t size)
{
    const vb_rep_theme *t = &rep->themes[i];
    const vb_agg_cell *c = vb_agg_cell_of(g, rep->theme_index[i]);
    const vb_estimate s = vb_rep_estimate(agg, &c->score);
    const int d = rep->decimals == 1 ? 0 : rep->decimals;
    const bool nps = agg->metric.kind == VB_METRIC_NPS;
    char a[32], b[32];
    size_t n = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (n < size) n += (size_t)snprintf(out + n, size - n, __VA_ARGS__);                       \
    } while (0)
    const double share = g->records > 0 ? 100.0 * (double)c->mentions / (double)g->records : 0;
    PUT("%s: mentioned by %s%% of customers", vb_rep_theme_name(t),
        vb_rep_num(a, sizeof a, share, share < 10 ? 1 : 0, false));
    if (prev != NULL) {
        const vb_agg_cell *pc = vb_agg_cell_of(prev, rep->theme_index[i]);
        const double was =
            prev->records > 0 ? 100.0 * (double)pc->mentions / (double)prev->records : 0;
        const vb_rep_moved *m = moved_of(rep, i);
        vb_rep_num(b, sizeof b, was, was < 10 ? 1 : 0, false);
        if (m != NULL && m->share.significant)
            PUT(" in %s, %s from %s%% in %s", rep->change.to, share > was ? "up" : "down", b,
                rep->change.from);
        else
            PUT(" in %s (%s%% in %s)", rep->change.to, b, rep->change.from);
    }
    if (isfinite(s.value)) {
        PUT("; their %s is %s", rep->metric_label, vb_rep_num(a, sizeof a, s.value, d, nps));
        const vb_rep_moved *m = prev != NULL ? moved_of(rep, i) : NULL;
        if (m != NULL && m->score.significant)
            PUT(" (was %s)", vb_rep_num(b, sizeof b, m->score_from.value, d, nps));
        if (s.n < rep->opts.min_n) PUT(" (only %llu scored)", (unsigned long long)s.n);
    }
    if (isfinite(im->value)) {
        const double mag = fabs(im->value);
        if (rep->unit[0] != '\0') {
            const char *unit = agg->metric.kind == VB_METRIC_CSAT ? "percentage points" : "points";
            PUT("; it %s %s %s of %s", im->value * rep->polarity < 0 ? "costs" : "adds",
                vb_rep_num(a, sizeof a, mag, 1, false), unit, rep->metric_label);
        } else {
            PUT("; it %s the %s by %s", im->value < 0 ? "lowers" : "raises", rep->metric_label,
                vb_rep_num(a, sizeof a, mag, 2, false));
        }
    }
    PUT(".");
#undef PUT
}

static vb_status build_focus(vb_report *rep, const vb_agg *agg, const vb_agg_group *ga,
                             const vb_agg_group *gb)
{
    const vb_agg_group *g = gb != NULL ? gb : &agg->overall;
    const int pol = rep->polarity;
    const vb_estimate sg = vb_rep_estimate(agg, &g->score);
    focus_cand *cand = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *cand);
    vb_rep_impact *imp = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *imp);
    if (cand == NULL || imp == NULL) return VB_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < rep->n_themes; i++) {
        const vb_agg_cell *c = vb_agg_cell_of(g, rep->theme_index[i]);
        imp[i] = vb_rep_impact_of(agg, g, c);
        double priority = 0;
        bool qualifies = false;
        if (imp[i].significant && imp[i].value * pol < 0) {
            priority += -imp[i].value * pol;
            qualifies = true;
        }
        if (gb != NULL) {
            const double contrib = contribution_of(rep, i) * pol;
            if (contrib < 0) priority += -contrib;
            const vb_rep_moved *m = moved_of(rep, i);
            const vb_estimate sm = vb_rep_estimate(agg, &c->score);
            if (m != NULL && m->share.significant && m->share.delta > 0 &&
                (sm.value - sg.value) * pol < 0)
                qualifies = true;
            if (m != NULL && m->score.significant && m->score.delta * pol < 0) qualifies = true;
        }
        if (qualifies && priority > 0) cand[n++] = (focus_cand){i, priority};
    }
    qsort(cand, n, sizeof *cand, cmp_focus);
    /* A parent says less than its listed children where they lose most
     * of its points: drop it then. Where they lose a sliver of them
     * (returns and exchanges -0.126, exchanges -0.003), the loss is in the
     * parent's other mentions: it stays, or neither would be listed. The
     * children's points are summed per parent before the list shrinks. */
    double *by_children = vb_arena_array(&rep->arena, rep->n_themes + 1, sizeof *by_children);
    if (by_children == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < rep->n_themes; i++)
        by_children[i] = 0;
    for (size_t i = 0; i < n; i++) {
        const int32_t parent = rep->themes[cand[i].theme].parent;
        if (parent >= 0) by_children[parent] += cand[i].priority;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (by_children[cand[i].theme] < cand[i].priority / 2) cand[kept++] = cand[i];
    if (kept > rep->opts.max_focus) kept = rep->opts.max_focus;
    rep->focus = vb_arena_array(&rep->arena, kept + 1, sizeof *rep->focus);
    if (rep->focus == NULL) return VB_ENOMEM;
    rep->focus_where = gb != NULL ? rep->change.to : "";
    /* A focus on a period or a segment puts its own quotes first; with
     * no comparison it shows the theme's. */
    vb_rep_where where = {NULL, NULL};
    if (gb != NULL && strcmp(rep->change.kind, "period") == 0)
        where.period = gb->key;
    else if (gb != NULL)
        where.segment = gb->key;
    for (size_t i = 0; i < kept; i++) {
        const size_t t = cand[i].theme;
        char text[512];
        sentence(rep, agg, g, ga, t, &imp[t], text, sizeof text);
        vb_rep_focus *f = &rep->focus[rep->n_focus++];
        f->theme = t;
        f->priority = cand[i].priority;
        f->sentence = vb_arena_strndup(&rep->arena, text, strlen(text));
        if (f->sentence == NULL) return VB_ENOMEM;
        const vb_agg_cell *c = vb_agg_cell_of(g, rep->theme_index[t]);
        f->share = g->records > 0 ? (double)c->mentions / (double)g->records : NAN;
        f->score = vb_rep_estimate(agg, &c->score).value;
        f->impact = imp[t].value;
        if (gb == NULL) {
            f->quotes = rep->themes[t].quotes;
            f->n_quotes = rep->themes[t].n_quotes;
        } else if (vb_rep_pick_quotes(rep, &agg->themes[rep->theme_index[t]],
                                      rep->themes[t].direction, &where, rep->opts.max_quotes,
                                      &f->quotes, &f->n_quotes) != VB_OK) {
            return VB_ENOMEM;
        }
    }
    return VB_OK;
}

vb_status vb_report_change(vb_report *rep, const vb_agg *agg, vb_error *err)
{
    const vb_report_options *o = &rep->opts;
    const vb_agg_group *ga = NULL, *gb = NULL;
    if (o->compare_from != NULL && o->compare_to != NULL) {
        rep->change.kind = "period";
        ga = find_pair(&agg->periods, o->compare_from, o->compare_to, &gb);
        if (ga == NULL) {
            rep->change.kind = "segment";
            ga = find_pair(&agg->segments, o->compare_from, o->compare_to, &gb);
        }
        if (ga == NULL) {
            compare_error(err, o, rep);
            return VB_EINVAL;
        }
    } else {
        /* The last two periods with a score: a newest period of comments
         * not yet scored has no change to explain. */
        size_t last[2], n = 0;
        for (size_t i = rep->n_periods; i-- > 0 && n < 2;)
            if (rep->periods[i].score.n > 0) last[n++] = i;
        if (n == 2) {
            rep->change.kind = "period";
            ga = find_pair(&agg->periods, rep->periods[last[1]].key, rep->periods[last[0]].key,
                           &gb);
        }
    }
    if (ga != NULL) {
        vb_status st = build_change(rep, agg, ga, gb);
        if (st != VB_OK) return st;
    } else {
        gb = NULL;
    }
    return build_focus(rep, agg, ga, gb);
}

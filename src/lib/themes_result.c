/* themes_result.c: a record's themes from the hits the matcher chained
 * per theme (themes_match.c): themes in taxonomy order, each theme's
 * spans sorted and merged, and its aspect sentiment, the mean over the
 * clauses where it is mentioned of the clause's score or of the theme's
 * own opinion terms there. */
#include "themes_matcher.h"

#include "lexicon.h" /* negators, for opinion terms */
#include "sentiment.h" /* VADER's constants, for opinion terms */

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_rec_hits(const void *a, const void *b)
{
    const rec_hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* Sorts a theme's hits by start and end. */
static void sort_rec_hits(rec_hit *h, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (compare_rec_hits(&h[i - 1], &h[i]) <= 0)
            continue;
        if (n > 32) { /* not the usual nearly sorted run */
            qsort(h, n, sizeof *h, compare_rec_hits);
            return;
        }
        rec_hit x = h[i];
        size_t j = i;
        for (; j > 0 && compare_rec_hits(&h[j - 1], &x) > 0; j--)
            h[j] = h[j - 1];
        h[j] = x;
    }
}

/* An out-of-order chain, copied to m->sorted, sorted and chained again
 * there; returns its new head. */
RARE
static vb_status sort_chain(vb_theme_matcher *m, const rec_theme *rt, const rec_hit **head)
{
    TRY(vb_themes_grow(m->alloc, (void **)&m->sorted, &m->cap_sorted, rt->n_hits + 1,
                       sizeof *m->sorted));
    rec_hit *h = m->sorted + 1; /* sorted[0] stays unused, as rhits[0] */
    size_t n = 0;
    for (uint32_t i = rt->head; i != 0; i = m->rhits[i].next)
        h[n++] = m->rhits[i];
    sort_rec_hits(h, n);
    for (size_t i = 0; i < n; i++)
        h[i].next = i + 1 < n ? (uint32_t)(i + 2) : 0;
    *head = h;
    return VB_OK;
}

/* The sentiment a mention takes: its clause's, or, when the clause holds
 * no sentiment word at all (a theme named in a list: "the food, service
 * and decor were all excellent"), its sentence's. */
static double aspect_score(const vb_doc_sentiment *ds, const rec_hit *x)
{
    const vb_sentiment *c = &ds->clauses[x->clause];
    if (c->pos == 0.0 && c->neg == 0.0 && ds->sentences != NULL)
        return ds->sentences[x->sentence].compound;
    return c->compound;
}

/* Whether a negator stands up to three words before token `at`, in its
 * clause: the sentiment lexicon's negators, and words ending in "n't",
 * as the sentiment stage counts them. */
static bool negated_at(const vb_doc *doc, uint32_t at)
{
    const vb_token *k = doc->tokens;
    const bool senti = doc->entries != NULL && doc->lexicon == vb_senti_lex_is_contrast;
    unsigned words = 0;
    for (uint32_t i = at; i-- > 0 && words < 3 && k[i].clause == k[at].clause;) {
        if (k[i].kind == VB_TOKEN_PUNCT)
            continue;
        words++;
        const vb_senti_entry *e = senti ? doc->entries[i] : NULL;
        if ((e != NULL && (e->flags & VB_LEX_NEGATOR)) ||
            (k[i].lookup_len >= 3 && memcmp(k[i].lookup + k[i].lookup_len - 3, "n't", 3) == 0))
            return true;
    }
    return false;
}

/* Whether opinion hit `o` lies inside a longer one of its theme: the
 * longest term wins ("not cheap" over "cheap"). */
static bool opinion_covered(const vb_theme_matcher *m, const opinion_hit *o)
{
    for (size_t i = 0; i < m->n_ohits; i++) {
        const opinion_hit *p = &m->ohits[i];
        if (p != o && p->theme == o->theme && p->first <= o->first && o->last <= p->last &&
            p->last - p->first > o->last - o->first)
            return true;
    }
    return false;
}

/* The score theme `th`'s own opinion terms give it in `clause`, as the
 * sentiment stage scores words: valences summed, a negated one times
 * -0.74, normalised to -1..1. False when none of them is there. */
RARE
static bool opinion_score(const vb_theme_matcher *m, uint32_t th, uint32_t clause, double *score)
{
    const vb_token *k = m->doc->tokens;
    double sum = 0;
    bool found = false;
    for (size_t i = 0; i < m->n_ohits; i++) {
        const opinion_hit *o = &m->ohits[i];
        if (o->theme != th || k[o->first].clause != clause || opinion_covered(m, o))
            continue;
        sum += negated_at(m->doc, o->first) ? VB_SENTI_N_SCALAR * o->valence : o->valence;
        found = true;
    }
    if (found)
        *score = sum / sqrt(sum * sum + VB_SENTI_ALPHA);
    return found;
}

/* Fills `hit` from a chain of hits in order of (start, end), starting at
 * `x` in `chain`: overlapping spans merged into `ranges`; sentiment the
 * mean over the distinct clauses where its spans start of the theme's own
 * opinion terms' score there, or else the clause's. */
static size_t merge_chain(const vb_theme_matcher *m, const rec_hit *chain, const rec_hit *x,
                          const vb_doc_sentiment *ds, vb_theme_hit *hit, vb_range *ranges)
{
    size_t r = 0, n_clauses = 0;
    double sum = 0;
    uint32_t last_clause = UINT32_MAX;
    for (;; x = &chain[x->next]) {
        if (x->clause != last_clause) {
            last_clause = x->clause;
            double own;
            if (m->n_ohits > 0 && opinion_score(m, hit->theme, x->clause, &own))
                sum += own;
            else if (ds != NULL && ds->clauses != NULL)
                sum += aspect_score(ds, x);
            n_clauses++;
        }
        if (r > 0 && x->start < ranges[r - 1].end) {
            if (x->end > ranges[r - 1].end)
                ranges[r - 1].end = x->end;
        } else {
            ranges[r++] = (vb_range){x->start, x->end};
        }
        if (x->next == 0)
            break;
    }
    hit->spans = ranges;
    hit->n_spans = r;
    hit->sentiment = n_clauses > 0 ? sum / (double)n_clauses : 0.0;
    return r;
}

static int compare_rec_themes(const void *a, const void *b)
{
    const rec_theme *x = a, *y = b;
    return (x->theme > y->theme) - (x->theme < y->theme);
}

/* The record's themes in taxonomy order: few, and mostly in order. */
static void sort_rec_themes(rec_theme *t, size_t n)
{
    if (n > 16) {
        qsort(t, n, sizeof *t, compare_rec_themes);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        rec_theme x = t[i];
        size_t j = i;
        for (; j > 0 && t[j - 1].theme > x.theme; j--)
            t[j] = t[j - 1];
        t[j] = x;
    }
}

vb_status vb_themes_collect(vb_theme_matcher *m, const vb_doc_sentiment *ds, vb_arena *arena,
                            vb_theme_result *out)
{
    sort_rec_themes(m->rthemes, m->n_rthemes);
    vb_theme_hit *hits = vb_arena_array(arena, m->n_rthemes, sizeof *hits);
    vb_range *ranges = vb_arena_array(arena, m->n_rhits - 1, sizeof *ranges);
    if (hits == NULL || ranges == NULL)
        return VB_ENOMEM;
    size_t r = 0;
    for (size_t i = 0; i < m->n_rthemes; i++) {
        const rec_theme *rt = &m->rthemes[i];
        const rec_hit *chain = m->rhits, *head = &m->rhits[rt->head];
        if (!rt->in_order) {
            TRY(sort_chain(m, rt, &head));
            chain = m->sorted;
        }
        hits[i].theme = rt->theme;
        r += merge_chain(m, chain, head, ds, &hits[i], ranges + r);
    }
    out->hits = hits;
    out->n_hits = m->n_rthemes;
    return VB_OK;
}

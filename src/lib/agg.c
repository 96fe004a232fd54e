/* agg.c: the additive state of a report: validating a row, adding it to
 * the overall, period and segment groups, and merging two states.
 *
 * A row becomes, in each group it falls in (overall, its period if its
 * date is valid, its segment): one more record; its score moments if its
 * score is valid; per theme it mentions, a mention, the theme's sentiment,
 * the score moments and the change-attribution shares (see agg.h); and,
 * overall only, the theme cross-products for key drivers and a quote
 * offer. Every field is a sum, so merging adds field by field. Sums of
 * doubles (weights, w x, the attribution shares w/k) are kept exactly
 * (xsum.h) and the doubles the report reads are their roundings, so a
 * merge of shards gives the very figures of one pass, in any order.
 *
 * The cells of a row's themes are the dearest part of adding it, and
 * each would be added three times (overall, period, segment). A row adds
 * them once, to the combo of its (period, segment) pair, and the combos
 * are folded into their groups before the cells are read: exact sums
 * make that the same figures.
 */
#include "agg.h"

#include "alloc.h"
#include "dates.h"
#include "quotes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void vb_report_options_init(vb_report_options *o)
{
    memset(o, 0, sizeof *o);
    o->metric = VB_METRIC_NPS;
    o->top_box = 2;
    o->period = VB_PERIOD_NONE;
    o->min_n = 30;
    o->max_quotes = 3;
    o->max_focus = 5;
    o->decimal_mark = '.';
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* ---- Groups -------------------------------------------------------------- */

static void group_free(const vb_allocator *a, vb_agg_group *g)
{
    vb_free(a, g->key);
    vb_free(a, g->cells_block);
}

static void groups_free(const vb_allocator *a, vb_agg_groups *gs)
{
    for (size_t i = 0; i < gs->n; i++) {
        group_free(a, gs->items[i]);
        vb_free(a, gs->items[i]);
    }
    vb_free(a, gs->items);
    vb_free(a, gs->slots);
    memset(gs, 0, sizeof *gs);
}

/* Slot of `key` in the index: its item, or the empty slot it would take. */
static size_t group_slot(const vb_agg_groups *gs, const char *key, size_t len)
{
    size_t mask = gs->n_slots - 1;
    for (size_t i = hash_bytes(key, len) & mask;; i = (i + 1) & mask) {
        uint32_t v = gs->slots[i];
        if (v == 0) return i;
        const vb_agg_group *g = gs->items[v - 1];
        if (g->key_len == len && memcmp(g->key, key, len) == 0) return i;
    }
}

const vb_agg_group *vb_agg_find(const vb_agg_groups *gs, const char *key, size_t len)
{
    if (gs->n_slots == 0) return NULL;
    uint32_t v = gs->slots[group_slot(gs, key, len)];
    return v != 0 ? gs->items[v - 1] : NULL;
}

static vb_status groups_rehash(const vb_allocator *a, vb_agg_groups *gs, size_t n_slots)
{
    uint32_t *slots = vb_calloc(a, n_slots, sizeof *slots);
    if (slots == NULL) return VB_ENOMEM;
    vb_free(a, gs->slots);
    gs->slots = slots;
    gs->n_slots = n_slots;
    for (size_t k = 0; k < gs->n; k++)
        gs->slots[group_slot(gs, gs->items[k]->key, gs->items[k]->key_len)] = (uint32_t)k + 1;
    return VB_OK;
}

vb_status vb_agg_group_get(const vb_allocator *a, vb_agg_groups *gs, const char *key, size_t len,
                           vb_agg_group **out)
{
    if (gs->last != 0) {
        vb_agg_group *g = gs->items[gs->last - 1];
        if (g->key_len == len && memcmp(g->key, key, len) == 0) {
            *out = g;
            return VB_OK;
        }
    }
    if (gs->n_slots == 0 || (gs->n + 1) * 2 > gs->n_slots) {
        if (groups_rehash(a, gs, gs->n_slots == 0 ? 16 : gs->n_slots * 2) != VB_OK)
            return VB_ENOMEM;
    }
    size_t slot = group_slot(gs, key, len);
    if (gs->slots[slot] != 0) {
        gs->last = gs->slots[slot];
        *out = gs->items[gs->last - 1];
        return VB_OK;
    }
    if (gs->n == gs->cap) {
        size_t cap = gs->cap == 0 ? 16 : gs->cap * 2;
        if (vb_mul_overflows(cap, sizeof *gs->items)) return VB_ENOMEM;
        vb_agg_group **items = vb_realloc(a, gs->items, cap * sizeof *items);
        if (items == NULL) return VB_ENOMEM;
        gs->items = items;
        gs->cap = cap;
    }
    vb_agg_group *g = vb_calloc(a, 1, sizeof *g);
    char *k = vb_strndup(a, key, len);
    if (g == NULL || k == NULL) {
        vb_free(a, g);
        vb_free(a, k);
        return VB_ENOMEM;
    }
    g->key = k;
    g->key_len = len;
    gs->items[gs->n] = g;
    gs->last = gs->slots[slot] = (uint32_t)++gs->n;
    *out = g;
    return VB_OK;
}

vb_status vb_agg_group_cells(const vb_allocator *a, vb_agg_group *g, size_t n_themes)
{
    if (g->n_cells >= n_themes) return VB_OK;
    /* On a cache line of their own, so that the part of a cell a row
     * touches spans two lines, not three. */
    void *block;
    vb_agg_cell *cells = vb_calloc_lines(a, n_themes, sizeof *cells, &block);
    if (cells == NULL) return VB_ENOMEM;
    if (g->n_cells > 0) memcpy(cells, g->cells, g->n_cells * sizeof *cells);
    vb_free(a, g->cells_block);
    g->cells_block = block;
    g->cells = cells;
    g->n_cells = n_themes;
    return VB_OK;
}

const vb_agg_cell *vb_agg_cell_of(const vb_agg_group *g, size_t theme)
{
    static const vb_agg_cell zero;
    return g != NULL && theme < g->n_cells ? &g->cells[theme] : &zero;
}

void vb_agg_group_sum(const vb_agg_group *g, size_t s, vb_xsum *out)
{
    *out = g->x[s];
    if (s < VB_MOMENT_SUMS) vb_xsum_add_i64(out, g->whole[s]);
}

void vb_agg_cell_sum(const vb_agg_cell *c, size_t s, vb_xsum *out)
{
    *out = c->x[s];
    if (s < VB_MOMENT_SUMS)
        vb_xsum_add_i64(out, c->whole[s]);
    else
        vb_xsum_add_fixed(out, c->share[s - VB_SUM_FW]);
}

static void moments_refresh(vb_moments *m, vb_xsum *x, vb_agg_whole whole)
{
    for (size_t s = VB_SUM_W; s <= VB_SUM_WX2; s++) {
        vb_xsum_add_i64(&x[s], whole[s]);
        whole[s] = 0;
    }
    m->sw = vb_xsum_value(&x[VB_SUM_W]);
    m->sw2 = vb_xsum_value(&x[VB_SUM_W2]);
    m->swx = vb_xsum_value(&x[VB_SUM_WX]);
    m->swx2 = vb_xsum_value(&x[VB_SUM_WX2]);
}

void vb_agg_cell_refresh(vb_agg_cell *c)
{
    moments_refresh(&c->score, c->x, c->whole);
    for (size_t s = VB_SUM_FW; s < VB_CELL_SUMS; s++) {
        vb_xsum_add_fixed(&c->x[s], c->share[s - VB_SUM_FW]);
        c->share[s - VB_SUM_FW] = 0;
    }
    c->fw = vb_xsum_value(&c->x[VB_SUM_FW]);
    c->fwx = vb_xsum_value(&c->x[VB_SUM_FWX]);
    c->ow = vb_xsum_value(&c->x[VB_SUM_OW]);
    c->owx = vb_xsum_value(&c->x[VB_SUM_OWX]);
}

void vb_agg_group_refresh(vb_agg_group *g)
{
    moments_refresh(&g->score, g->x, g->whole);
    g->none_w = vb_xsum_value(&g->x[VB_SUM_NONE_W]);
    g->none_wx = vb_xsum_value(&g->x[VB_SUM_NONE_WX]);
}

static void group_refresh_all(vb_agg_group *g)
{
    vb_agg_group_refresh(g);
    for (size_t t = 0; t < g->n_cells; t++)
        vb_agg_cell_refresh(&g->cells[t]);
}

static void combos_fold(vb_agg *agg);

void vb_agg_refresh(vb_agg *agg)
{
    if (!agg->stale) return;
    combos_fold(agg);
    group_refresh_all(&agg->overall);
    for (size_t i = 0; i < agg->periods.n; i++)
        group_refresh_all(agg->periods.items[i]);
    for (size_t i = 0; i < agg->segments.n; i++)
        group_refresh_all(agg->segments.items[i]);
    agg->stale = false;
}

/* ---- Themes -------------------------------------------------------------- */

static size_t theme_slot(const vb_agg *agg, const char *id, size_t len)
{
    size_t mask = agg->n_theme_slots - 1;
    for (size_t i = hash_bytes(id, len) & mask;; i = (i + 1) & mask) {
        uint32_t v = agg->theme_slots[i];
        if (v == 0) return i;
        const char *tid = agg->themes[v - 1].id;
        if (strncmp(tid, id, len) == 0 && tid[len] == '\0') return i; /* no strlen per row */
    }
}

/* `p` (n elements of `size` bytes) grown to `cap` elements, the new ones
 * zero, or NULL with `p` left as it was. */
static void *grow_zeroed(const vb_allocator *a, void *p, size_t n, size_t cap, size_t size)
{
    char *q = vb_realloc(a, p, cap * size);
    if (q != NULL) memset(q + n * size, 0, (cap - n) * size);
    return q;
}

/* Grows the per-theme arrays (themes, scratch, id index, driver matrix). */
static vb_status themes_grow(vb_agg *agg)
{
    const vb_allocator *a = &agg->alloc;
    size_t cap = agg->cap_themes == 0 ? 32 : agg->cap_themes * 2;
    if (cap > UINT32_MAX / 4 || vb_mul_overflows(cap, cap * sizeof(vb_xsum))) return VB_ENOMEM;
    vb_agg_theme *themes = vb_realloc(a, agg->themes, cap * sizeof *themes);
    if (themes == NULL) return VB_ENOMEM;
    agg->themes = themes;
    vb_agg_row_theme *scratch = vb_realloc(a, agg->scratch, cap * sizeof *scratch);
    if (scratch == NULL) return VB_ENOMEM;
    agg->scratch = scratch;
    vb_xsum *terms = vb_realloc(a, agg->scratch_terms, 2 * cap * sizeof *terms);
    if (terms == NULL) return VB_ENOMEM;
    agg->scratch_terms = terms;
    vb_xsum_fixed *fixed = vb_realloc(a, agg->scratch_fixed, 2 * cap * sizeof *fixed);
    if (fixed == NULL) return VB_ENOMEM;
    agg->scratch_fixed = fixed;
    uint32_t *count = grow_zeroed(a, agg->child_count, agg->cap_themes, cap, sizeof *count);
    if (count == NULL) return VB_ENOMEM;
    agg->child_count = count;
    uint8_t *listed = grow_zeroed(a, agg->row_listed, agg->cap_themes, cap, sizeof *listed);
    if (listed == NULL) return VB_ENOMEM;
    agg->row_listed = listed;
    vb_xsum *sxx = vb_calloc(a, cap * cap, sizeof *sxx);
    int64_t *whole = vb_calloc(a, cap * cap, sizeof *whole);
    uint32_t *slots = vb_calloc(a, cap * 4, sizeof *slots);
    if (sxx == NULL || whole == NULL || slots == NULL) {
        vb_free(a, sxx);
        vb_free(a, whole);
        vb_free(a, slots);
        return VB_ENOMEM;
    }
    for (size_t s = 0; s < agg->n_themes; s++) {
        memcpy(sxx + s * cap, agg->sxx + s * agg->sxx_dim, agg->n_themes * sizeof *sxx);
        memcpy(whole + s * cap, agg->sxx_whole + s * agg->sxx_dim,
               agg->n_themes * sizeof *whole);
    }
    vb_free(a, agg->sxx);
    vb_free(a, agg->sxx_whole);
    agg->sxx = sxx;
    agg->sxx_whole = whole;
    agg->sxx_dim = cap;
    vb_free(a, agg->theme_slots);
    agg->theme_slots = slots;
    agg->n_theme_slots = cap * 4;
    for (size_t k = 0; k < agg->n_themes; k++) {
        const char *id = agg->themes[k].id;
        agg->theme_slots[theme_slot(agg, id, strlen(id))] = (uint32_t)k + 1;
    }
    agg->cap_themes = cap;
    return VB_OK;
}

bool vb_agg_theme_find(const vb_agg *agg, const char *id, uint32_t *out)
{
    if (agg->n_theme_slots == 0) return false;
    uint32_t v = agg->theme_slots[theme_slot(agg, id, strlen(id))];
    if (v != 0) *out = v - 1;
    return v != 0;
}

/* The theme `id` names, or UINT32_MAX when new. */
static uint32_t theme_known(vb_agg *agg, const char *id)
{
    const uintptr_t addr = (uintptr_t)id;
    const size_t m = (size_t)((addr * 0x9E3779B97F4A7C15u) >> (64 - VB_AGG_ID_MEMO_BITS));
    const uint32_t k = agg->id_memo[m].index;
    if (agg->id_memo[m].addr == addr && k < agg->n_themes && strcmp(agg->themes[k].id, id) == 0)
        return k;
    uint32_t v = agg->n_theme_slots > 0 ? agg->theme_slots[theme_slot(agg, id, strlen(id))] : 0;
    if (v == 0) return UINT32_MAX;
    agg->id_memo[m].addr = addr;
    agg->id_memo[m].index = v - 1;
    return v - 1;
}

vb_status vb_agg_theme_index(vb_agg *agg, const char *id, const char *label, const char *parent_id,
                             uint32_t *out)
{
    const uint32_t known = theme_known(agg, id);
    if (known != UINT32_MAX) {
        vb_agg_theme *t = &agg->themes[known];
        if (t->label == NULL && label != NULL &&
            (t->label = vb_strndup(&agg->alloc, label, strlen(label))) == NULL)
            return VB_ENOMEM;
        *out = known;
        return VB_OK;
    }
    const size_t len = strlen(id);
    /* The parent first, so that parents always precede their children. */
    int32_t parent = -1;
    const char *dot = strrchr(id, '.');
    if (parent_id == NULL && dot != NULL && dot > id) {
        char buf[256];
        size_t plen = (size_t)(dot - id);
        if (plen < sizeof buf) {
            memcpy(buf, id, plen);
            buf[plen] = '\0';
            uint32_t p;
            if (vb_agg_theme_index(agg, buf, NULL, NULL, &p) != VB_OK) return VB_ENOMEM;
            parent = (int32_t)p;
        }
    } else if (parent_id != NULL) {
        uint32_t p;
        if (vb_agg_theme_index(agg, parent_id, NULL, NULL, &p) != VB_OK) return VB_ENOMEM;
        parent = (int32_t)p;
    }
    if (agg->n_themes == agg->cap_themes && themes_grow(agg) != VB_OK) return VB_ENOMEM;
    vb_agg_theme *t = &agg->themes[agg->n_themes];
    memset(t, 0, sizeof *t);
    t->id = vb_strndup(&agg->alloc, id, len);
    t->label = label != NULL ? vb_strndup(&agg->alloc, label, strlen(label)) : NULL;
    if (t->id == NULL || (label != NULL && t->label == NULL)) {
        vb_free(&agg->alloc, t->id);
        vb_free(&agg->alloc, t->label);
        return VB_ENOMEM;
    }
    t->parent = parent;
    agg->theme_slots[theme_slot(agg, id, len)] = (uint32_t)agg->n_themes + 1;
    *out = (uint32_t)agg->n_themes++;
    return VB_OK;
}

/* ---- Life cycle ---------------------------------------------------------- */

vb_agg *vb_agg_new(const vb_report_options *opts, vb_error *err)
{
    vb_report_options defaults;
    if (opts == NULL) {
        vb_report_options_init(&defaults);
        opts = &defaults;
    }
    const vb_allocator *a = vb_allocator_or_default(&opts->alloc);
    char why[200];
    vb_metric_spec spec;
    const char *bad = NULL;
    vb_status code = VB_OK;
    if (!vb_metric_spec_init(&spec, opts, why, sizeof why)) {
        code = VB_EINVAL;
    } else if (opts->date_format != NULL && !vb_date_format_check(opts->date_format, &bad)) {
        code = VB_EINVAL;
        if (bad != NULL)
            snprintf(why, sizeof why, "date format \"%s\": unknown directive \"%.2s\"",
                     opts->date_format, bad);
        else
            snprintf(why, sizeof why, "date format \"%s\" needs a year, a month and a day",
                     opts->date_format);
    }
    vb_agg *agg = code == VB_OK ? vb_calloc(a, 1, sizeof *agg) : NULL;
    if (agg == NULL) {
        if (err != NULL) {
            memset(err, 0, sizeof *err);
            err->code = code == VB_OK ? VB_ENOMEM : code;
            snprintf(err->message, sizeof err->message, "%s",
                     code == VB_OK ? "out of memory" : why);
        }
        return NULL;
    }
    agg->alloc = *a;
    agg->opts = *opts;
    agg->opts.alloc = agg->alloc;
    if (agg->opts.date_col != NULL && agg->opts.period == VB_PERIOD_NONE)
        agg->opts.period = VB_PERIOD_MONTH;
    agg->metric = spec;
    agg->overall.key = NULL;
    agg->date_guesses = VB_DATE_GUESSES_ALL;
    vb_buf_init(&agg->row_id, &agg->alloc, SIZE_MAX / 2);
    vb_buf_init(&agg->row_segment, &agg->alloc, SIZE_MAX / 2);
    vb_buf_init(&agg->row_text, &agg->alloc, SIZE_MAX / 2);
    return agg;
}

void vb_agg_free(vb_agg *agg)
{
    if (agg == NULL) return;
    const vb_allocator *a = &agg->alloc;
    for (size_t i = 0; i < agg->n_themes; i++) {
        vb_free(a, agg->themes[i].id);
        vb_free(a, agg->themes[i].label);
        vb_quote_list_free(a, &agg->themes[i].pos);
        vb_quote_list_free(a, &agg->themes[i].neg);
    }
    vb_free(a, agg->themes);
    vb_free(a, agg->theme_slots);
    vb_free(a, agg->scratch);
    vb_free(a, agg->scratch_terms);
    vb_free(a, agg->scratch_fixed);
    vb_free(a, agg->child_count);
    vb_free(a, agg->row_listed);
    vb_free(a, agg->sxx);
    vb_free(a, agg->sxx_whole);
    vb_free(a, agg->strings);
    vb_free(a, agg->row_themes);
    vb_free(a, agg->row_sentiment);
    vb_free(a, (void *)agg->row_spans);
    vb_free(a, agg->row_n_spans);
    vb_buf_free(&agg->row_id);
    vb_buf_free(&agg->row_segment);
    vb_buf_free(&agg->row_text);
    group_free(a, &agg->overall);
    groups_free(a, &agg->periods);
    groups_free(a, &agg->segments);
    if (agg->combos != NULL) {
        for (size_t i = 0; i < VB_AGG_COMBOS; i++) {
            group_free(a, &agg->combos[i].part);
            vb_free(a, agg->combos[i].touched);
        }
        vb_free(a, agg->combos);
    }
    vb_allocator copy = agg->alloc;
    vb_free(&copy, agg);
}

void vb_agg_counts(const vb_agg *agg, size_t *n_records, size_t *scores_rejected,
                   size_t *dates_rejected)
{
    if (n_records != NULL) *n_records = (size_t)agg->overall.records;
    if (scores_rejected != NULL) *scores_rejected = (size_t)agg->scores_rejected;
    if (dates_rejected != NULL) *dates_rejected = (size_t)agg->dates_rejected;
}

size_t vb_agg_segments_absent(const vb_agg *agg)
{
    return (size_t)agg->segments_absent;
}

size_t vb_agg_date_formats(const vb_agg *agg, const char **formats, size_t max)
{
    size_t n = 0;
    /* A date that was read is in another layout: no one option reads both. */
    if (agg->dates_unread == 0 || agg->dates_rejected < agg->overall.records) return 0;
    for (unsigned i = 0; i < VB_DATE_GUESS_COUNT && n < max; i++)
        if (agg->date_guesses >> i & 1) formats[n++] = vb_date_guess_format(i);
    return n;
}

void vb_agg_add_records_rejected(vb_agg *agg, size_t n)
{
    agg->records_rejected += n;
}

void vb_agg_set_taxonomy(vb_agg *agg, uint64_t fingerprint)
{
    agg->taxonomy = fingerprint;
    agg->taxonomy_known = true;
}

/* ---- Adding a row -------------------------------------------------------- */

/* llround(v) without the call, for every theme of every row in each of
 * its groups: below 2^52 the fraction of a double is exact. (From the
 * perf branch, 0bbd448, checked there against llround on 50 M values.) */
static inline int64_t round_units(double v)
{
    const double a = fabs(v);
    if (!(a < 0x1p52)) return (int64_t)llround(v); /* huge, or NaN: as llround */
    int64_t u = (int64_t)a;
    if (a - (double)u >= 0.5) u++;
    return v < 0 ? -u : u;
}

/* A scored row's terms, rounded once (the costly part of an exact add)
 * and merged into each of its groups: w, w^2, w x, w x^2; and per theme
 * i, share[2i] = w/s and share[2i+1] = w x/s with s = k for a top-level
 * theme, k m for a child among m siblings (all zero for deeper levels). */
typedef struct row_terms {
    vb_xsum moments[VB_MOMENT_SUMS];
    bool is_whole; /* the moments are whole, and in whole[]; the shares
                      are in share_fixed[] too */
    vb_agg_whole whole;
    vb_xsum *share;
    vb_xsum_fixed *share_fixed;
} row_terms;

/* Whether a row's moments w, w^2, w x, w x^2 are whole numbers well
 * inside int64: w below 2^31 and |x| below 2^15, so w x^2 < 2^61. NaN
 * fails every test, so the casts are defined. */
static bool whole_row(double w, double x)
{
    return w >= 0 && w < 0x1p31 && w == (double)(int64_t)w && x > -0x1p15 && x < 0x1p15 &&
           x == (double)(int64_t)x;
}

/* The divisor of theme i's shares: k for a top-level theme, k m for a
 * child among m siblings, 0 (no share) deeper down. */
static uint64_t share_divisor(const vb_agg *agg, size_t k, const vb_agg_row_theme *rth)
{
    if (rth->parent < 0) return k;
    return agg->themes[rth->parent].parent < 0 ? (uint64_t)k * rth->n_children : 0;
}

/* out[0] = w/s, out[1] = w x/s for a whole row, as row_terms_init()'s
 * general loop rounds them, from the memo when it has them. */
static bool whole_shares(vb_agg *agg, int64_t w, int64_t x, uint64_t s, vb_xsum_fixed out[2])
{
    if (s == 0) {
        out[0] = out[1] = 0;
        return true;
    }
    const uint64_t h = ((uint64_t)w * 0x9E3779B97F4A7C15u) ^ ((uint64_t)x * 0xC2B2AE3D27D4EB4Fu) ^
                       (s * 0x165667B19E3779F9u);
    vb_agg_share_memo *e = &agg->share_memo[h >> (64 - VB_AGG_SHARE_MEMO_BITS)];
    if (e->s != s || e->w != w || e->x != x) {
        vb_xsum t[2];
        vb_xsum_term(&t[0], (double)w / (double)s);
        vb_xsum_term(&t[1], (double)w * (double)x / (double)s);
        if (!vb_xsum_to_fixed(&t[0], &e->w_s) || !vb_xsum_to_fixed(&t[1], &e->wx_s)) {
            e->s = 0;
            return false;
        }
        e->w = w;
        e->x = x;
        e->s = s;
    }
    out[0] = e->w_s;
    out[1] = e->wx_s;
    return true;
}

static void row_terms_init(row_terms *rt, vb_agg *agg, const vb_agg_input *in, size_t k,
                           const vb_agg_row_theme *rth)
{
    vb_xsum_term(&rt->moments[VB_SUM_W], in->w);
    vb_xsum_term(&rt->moments[VB_SUM_W2], in->w * in->w);
    vb_xsum_term(&rt->moments[VB_SUM_WX], in->w * in->x);
    vb_xsum_term(&rt->moments[VB_SUM_WX2], in->w * in->x * in->x);
    rt->is_whole = whole_row(in->w, in->x);
    rt->share = agg->scratch_terms;
    rt->share_fixed = agg->scratch_fixed;
    if (rt->is_whole) {
        const int64_t w = (int64_t)in->w, x = (int64_t)in->x;
        rt->whole[VB_SUM_W] = w;
        rt->whole[VB_SUM_W2] = w * w;
        rt->whole[VB_SUM_WX] = w * x;
        rt->whole[VB_SUM_WX2] = w * x * x;
        /* always true for a whole row: |w x / s| < 2^46 */
        size_t i = 0;
        while (i < in->n_themes &&
               whole_shares(agg, w, x, share_divisor(agg, k, &rth[i]), &rt->share_fixed[2 * i]))
            i++;
        if (i == in->n_themes) return;
        rt->is_whole = false;
    }
    for (size_t i = 0; i < in->n_themes; i++) {
        const double s = (double)share_divisor(agg, k, &rth[i]);
        vb_xsum_term(&rt->share[2 * i], s > 0 ? in->w / s : 0);
        vb_xsum_term(&rt->share[2 * i + 1], s > 0 ? in->w * in->x / s : 0);
    }
}

/* *acc += t, first moving *acc to the exact sum *x in the (far-fetched)
 * case the int64 would overflow. */
static inline void add_whole(int64_t *acc, vb_xsum *x, int64_t t)
{
    int64_t sum;
    if (__builtin_expect(__builtin_add_overflow(*acc, t, &sum), 0)) {
        vb_xsum_add_i64(x, *acc);
        sum = t;
    }
    *acc = sum;
}

/* The fixed-point counterpart of add_whole(). */
static inline void add_fixed(vb_xsum_fixed *acc, vb_xsum *x, vb_xsum_fixed t)
{
    vb_xsum_fixed sum;
    if (__builtin_expect(__builtin_add_overflow(*acc, t, &sum), 0)) {
        vb_xsum_add_fixed(x, *acc);
        sum = t;
    }
    *acc = sum;
}

/* Theme i's shares of the row into cell c: w/s, w x/s to fw, fwx, and to
 * ow, owx too for a top-level theme without children in the row. */
static inline void shares_merge(vb_agg_cell *c, const row_terms *rt, size_t i, bool own)
{
    if (rt->is_whole) {
        add_fixed(&c->share[VB_SUM_FW - VB_SUM_FW], &c->x[VB_SUM_FW], rt->share_fixed[2 * i]);
        add_fixed(&c->share[VB_SUM_FWX - VB_SUM_FW], &c->x[VB_SUM_FWX], rt->share_fixed[2 * i + 1]);
        if (!own) return;
        add_fixed(&c->share[VB_SUM_OW - VB_SUM_FW], &c->x[VB_SUM_OW], rt->share_fixed[2 * i]);
        add_fixed(&c->share[VB_SUM_OWX - VB_SUM_FW], &c->x[VB_SUM_OWX], rt->share_fixed[2 * i + 1]);
        return;
    }
    vb_xsum_merge(&c->x[VB_SUM_FW], &rt->share[2 * i]);
    vb_xsum_merge(&c->x[VB_SUM_FWX], &rt->share[2 * i + 1]);
    if (!own) return;
    vb_xsum_merge(&c->x[VB_SUM_OW], &rt->share[2 * i]);
    vb_xsum_merge(&c->x[VB_SUM_OWX], &rt->share[2 * i + 1]);
}

static inline void moments_merge(vb_moments *m, vb_xsum *x, vb_agg_whole whole, const row_terms *rt)
{
    m->n++;
    if (rt->is_whole) { /* written out: gcc kept the loop, run for every cell a row reaches */
        add_whole(&whole[VB_SUM_W], &x[VB_SUM_W], rt->whole[VB_SUM_W]);
        add_whole(&whole[VB_SUM_W2], &x[VB_SUM_W2], rt->whole[VB_SUM_W2]);
        add_whole(&whole[VB_SUM_WX], &x[VB_SUM_WX], rt->whole[VB_SUM_WX]);
        add_whole(&whole[VB_SUM_WX2], &x[VB_SUM_WX2], rt->whole[VB_SUM_WX2]);
        return;
    }
    for (size_t s = VB_SUM_W; s <= VB_SUM_WX2; s++)
        vb_xsum_merge(&x[s], &rt->moments[s]);
}

/* A group's share of a row with k top-level themes, but for the cells.
 * `rt` is NULL for a row without a valid score. */
static void add_to_group(vb_agg_group *g, size_t k, const row_terms *rt)
{
    g->records++;
    if (rt != NULL) moments_merge(&g->score, g->x, g->whole, rt);
    if (rt != NULL && k == 0) {
        vb_xsum_merge(&g->x[VB_SUM_NONE_W], &rt->moments[VB_SUM_W]);
        vb_xsum_merge(&g->x[VB_SUM_NONE_WX], &rt->moments[VB_SUM_WX]);
    }
}

/* The row's share of the cells of its themes, of a group or a combo;
 * `rth` is what its themes hold for every group. */
static void add_to_cells(vb_agg_cell *cells, const vb_agg_input *in, const vb_agg_row_theme *rth,
                         const row_terms *rt)
{
    for (size_t i = 0; i < in->n_themes; i++) {
        const uint32_t t = in->themes[i];
        vb_agg_cell *c = &cells[t];
        c->mentions++;
        c->sent_sum += rth[i].sent_units;
        if (rt == NULL) continue;
        moments_merge(&c->score, c->x, c->whole, rt);
        shares_merge(c, rt, i, rth[i].parent < 0 && rth[i].n_children == 0);
    }
}

/* Adds a whole weight `w` to the count of the pair s <= t, moving the
 * count to the exact sums first in the (far-fetched) case it would
 * overflow. */
static inline void add_whole_pair(vb_agg *agg, size_t s, size_t t, int64_t w)
{
    int64_t *c = &agg->sxx_whole[s * agg->sxx_dim + t];
    if (*c > INT64_MAX - w) {
        vb_xsum_add_i64(&agg->sxx[s * agg->sxx_dim + t], *c);
        if (s != t) vb_xsum_add_i64(&agg->sxx[t * agg->sxx_dim + s], *c);
        *c = 0;
    }
    *c += w;
}

/* Key drivers: w for every ordered pair (s, t) of the row's themes. */
static void add_pairs(vb_agg *agg, const vb_agg_input *in)
{
    const uint32_t *th = in->themes;
    const size_t n = in->n_themes, dim = agg->sxx_dim;
    /* NaN fails the first test, so the cast below is defined. */
    if (in->w >= 0 && in->w < 0x1p31 && in->w == (double)(int64_t)in->w) {
        const int64_t w = (int64_t)in->w;
        for (size_t i = 0; i < n; i++) {
            add_whole_pair(agg, th[i], th[i], w);
            for (size_t j = i + 1; j < n; j++)
                add_whole_pair(agg, th[i] < th[j] ? th[i] : th[j], th[i] < th[j] ? th[j] : th[i],
                               w);
        }
        return;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            vb_xsum_add(&agg->sxx[th[i] * dim + th[j]], in->w);
}

void vb_agg_sxx_exact(const vb_agg *agg, size_t s, size_t t, vb_xsum *out)
{
    const size_t dim = agg->sxx_dim;
    *out = agg->sxx[s * dim + t];
    vb_xsum_add_i64(out, agg->sxx_whole[s <= t ? s * dim + t : t * dim + s]);
}

double vb_agg_sxx(const vb_agg *agg, size_t s, size_t t)
{
    vb_xsum x;
    vb_agg_sxx_exact(agg, s, t, &x);
    return vb_xsum_value(&x);
}

/* ---- Combos -------------------------------------------------------------- */

static void cell_merge(vb_agg_cell *into, const vb_agg_cell *from)
{
    into->mentions += from->mentions;
    /* wraps rather than overflows (a state read from a file is any number) */
    into->sent_sum = (int64_t)((uint64_t)into->sent_sum + (uint64_t)from->sent_sum);
    into->score.n += from->score.n;
    for (size_t i = 0; i < VB_CELL_SUMS; i++) {
        vb_xsum sum;
        vb_agg_cell_sum(from, i, &sum);
        vb_xsum_merge(&into->x[i], &sum);
    }
}

/* Adds what combo `c` holds for each of its themes to the cells of `g`,
 * theme t of the combo being theme map[t] of `g` (t itself when map is
 * NULL); `g` has room for them. */
static void cells_fold(vb_agg_group *g, const vb_agg_combo *c, const uint32_t *map)
{
    for (size_t i = 0; i < c->n_touched; i++) {
        const uint32_t t = c->touched[i];
        cell_merge(&g->cells[map != NULL ? map[t] : t], &c->part.cells[t]);
    }
}

/* Folds every combo into its groups and empties the table. The groups
 * have room: they got it with the combo's rows. */
static void combos_fold(vb_agg *agg)
{
    for (size_t i = 0; i < agg->n_combos; i++) {
        vb_agg_combo *c = &agg->combos[i];
        cells_fold(&agg->overall, c, NULL);
        if (c->period != NULL) cells_fold(c->period, c, NULL);
        if (c->segment != NULL) cells_fold(c->segment, c, NULL);
        for (size_t k = 0; k < c->n_touched; k++)
            memset(&c->part.cells[c->touched[k]], 0, sizeof *c->part.cells);
        c->n_touched = 0;
    }
    agg->n_combos = 0;
    agg->last_combo = 0;
    memset(agg->combo_slots, 0, sizeof agg->combo_slots);
}

static size_t combo_hash(const vb_agg_group *p, const vb_agg_group *s)
{
    const uint64_t h =
        (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u ^ (uint64_t)(uintptr_t)s * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h >> 57); /* 2 * VB_AGG_COMBOS slots */
}

/* Room for `n_themes` cells in a combo, and as many touched themes. */
static vb_status combo_cells(const vb_allocator *a, vb_agg_combo *c, size_t n_themes)
{
    if (c->part.n_cells >= n_themes) return VB_OK;
    uint32_t *touched = vb_realloc(a, c->touched, n_themes * sizeof *touched);
    if (touched == NULL) return VB_ENOMEM;
    c->touched = touched;
    return vb_agg_group_cells(a, &c->part, n_themes);
}

/* The combo of period `p` and segment `s` (either may be NULL), started
 * if new, with room for every theme; NULL when there is no room for
 * combos (a taxonomy so large that one would take more than
 * VB_AGG_COMBO_BYTES) and the row goes to its groups' cells. A full
 * table is folded and started again: an export in date order moves on
 * to new pairs and leaves the old ones. */
static vb_status combo_get(vb_agg *agg, vb_agg_group *p, vb_agg_group *s, vb_agg_combo **out)
{
    const vb_allocator *a = &agg->alloc;
    *out = NULL;
    vb_agg_combo *c = agg->last_combo != 0 ? &agg->combos[agg->last_combo - 1] : NULL;
    if (c == NULL || c->period != p || c->segment != s) {
        const size_t mask = 2 * VB_AGG_COMBOS - 1;
        size_t i = combo_hash(p, s);
        for (; agg->combo_slots[i] != 0; i = (i + 1) & mask) {
            c = &agg->combos[agg->combo_slots[i] - 1];
            if (c->period == p && c->segment == s) break;
        }
        if (agg->combo_slots[i] == 0) {
            size_t fit = VB_AGG_COMBO_BYTES / (agg->n_themes * sizeof(vb_agg_cell) + 1);
            if (fit == 0) return VB_OK;
            if (agg->combos == NULL &&
                (agg->combos = vb_calloc(a, VB_AGG_COMBOS, sizeof *agg->combos)) == NULL)
                return VB_ENOMEM;
            if (agg->n_combos == VB_AGG_COMBOS || agg->n_combos >= fit) {
                combos_fold(agg);
                i = combo_hash(p, s);
            }
            c = &agg->combos[agg->n_combos];
            c->period = p;
            c->segment = s;
            agg->combo_slots[i] = (uint8_t)++agg->n_combos;
        }
        agg->last_combo = (uint32_t)(c - agg->combos) + 1;
    }
    if (combo_cells(a, c, agg->n_themes) != VB_OK) return VB_ENOMEM;
    *out = c;
    return VB_OK;
}

void vb_agg_cell_total(const vb_agg *agg, const vb_agg_group *g, size_t theme, vb_agg_cell *out)
{
    memcpy(out, vb_agg_cell_of(g, theme), sizeof *out); /* padding too: the state compares bytes */
    for (size_t i = 0; i < agg->n_combos; i++) {
        const vb_agg_combo *c = &agg->combos[i];
        if ((g == &agg->overall || g == c->period || g == c->segment) && theme < c->part.n_cells)
            cell_merge(out, &c->part.cells[theme]);
    }
}

vb_status vb_agg_add_input(vb_agg *agg, const vb_agg_input *in)
{
    const vb_allocator *a = &agg->alloc;
    /* Everything that allocates comes first, so that VB_ENOMEM leaves the
     * figures as they were (only a quote may have been kept). */
    vb_quote_offer q = {0}; /* one comment, offered to each of its themes */
    if (in->text != NULL) {
        q.text = in->text->data;
        q.len = in->text->len;
    }
    if (in->id != NULL) {
        q.id = in->id->data;
        q.id_len = in->id->len;
    }
    q.segment = in->segment;
    q.segment_len = in->segment_len;
    q.has_time = in->has_time;
    q.time = in->time;
    /* Each theme's sentiment in units of 1e-4, the 4 decimals analyze
     * writes: the sums keep it so, and the quotes too, so that a report
     * from the raw export and one --from-analyzed quote alike. */
    vb_agg_row_theme *rth = agg->scratch;
    for (size_t i = 0; i < in->n_themes; i++) {
        rth[i].sent_units = round_units(in->sentiment[i] * 1e4);
        q.spans = in->spans != NULL ? in->spans[i] : NULL;
        q.n_spans = in->spans != NULL ? in->n_spans[i] : 0;
        q.sentiment = (double)rth[i].sent_units / 1e4;
        if (vb_quote_offer_to(a, &agg->themes[in->themes[i]], &q) != VB_OK) return VB_ENOMEM;
    }
    vb_agg_group *groups[3] = {&agg->overall, NULL, NULL};
    size_t n_groups = 1;
    if (in->period != NULL) {
        if (vb_agg_group_get(a, &agg->periods, in->period, in->period_len, &groups[n_groups]) !=
            VB_OK)
            return VB_ENOMEM;
        n_groups++;
    }
    if (in->segment != NULL) {
        if (vb_agg_group_get(a, &agg->segments, in->segment, in->segment_len,
                             &groups[n_groups]) != VB_OK)
            return VB_ENOMEM;
        n_groups++;
    }
    for (size_t i = 0; i < n_groups; i++)
        if (vb_agg_group_cells(a, groups[i], agg->n_themes) != VB_OK) return VB_ENOMEM;
    /* A row without themes has no cells to add, and needs no combo. */
    vb_agg_combo *combo = NULL;
    if (n_groups > 1 && in->n_themes > 0 &&
        combo_get(agg, in->period != NULL ? groups[1] : NULL,
                  in->segment != NULL ? groups[n_groups - 1] : NULL, &combo) != VB_OK)
        return VB_ENOMEM;

    /* k: top-level themes mentioned. Per theme, for a top-level one the
     * children of it mentioned, for a child its siblings mentioned (itself
     * included). vb_agg_add() lists every mentioned child's parent. */
    size_t k = 0;
    for (size_t i = 0; i < in->n_themes; i++) {
        rth[i].parent = agg->themes[in->themes[i]].parent;
        k += rth[i].parent < 0;
    }
    /* Children counted per parent, then read and cleared: linear, where
     * comparing every pair cost more than any other step here. */
    uint32_t *count = agg->child_count;
    for (size_t i = 0; i < in->n_themes; i++)
        if (rth[i].parent >= 0) count[rth[i].parent]++;
    for (size_t i = 0; i < in->n_themes; i++)
        rth[i].n_children = count[rth[i].parent < 0 ? in->themes[i] : (uint32_t)rth[i].parent];
    for (size_t i = 0; i < in->n_themes; i++)
        if (rth[i].parent >= 0) count[rth[i].parent] = 0;
    row_terms terms;
    const row_terms *rt = NULL;
    if (in->scored) {
        row_terms_init(&terms, agg, in, k, rth);
        rt = &terms;
    }
    for (size_t i = 0; i < n_groups; i++) {
        add_to_group(groups[i], k, rt);
        if (combo == NULL) add_to_cells(groups[i]->cells, in, rth, rt);
    }
    if (combo != NULL) {
        for (size_t i = 0; i < in->n_themes; i++)
            if (combo->part.cells[in->themes[i]].mentions == 0)
                combo->touched[combo->n_touched++] = in->themes[i];
        add_to_cells(combo->part.cells, in, rth, rt);
    }
    agg->stale = true;

    if (in->scored) {
        add_pairs(agg, in);
    } else if (agg->opts.score_col != NULL) {
        agg->scores_rejected++;
    }
    if (agg->opts.date_col != NULL && in->period == NULL) agg->dates_rejected++;

    return VB_OK;
}

/* ---- Merging ------------------------------------------------------------- */

static vb_status group_merge(vb_agg *into, vb_agg_group *g, const vb_agg_group *from,
                             const uint32_t *map)
{
    if (vb_agg_group_cells(&into->alloc, g, into->n_themes) != VB_OK) return VB_ENOMEM;
    g->records += from->records;
    g->score.n += from->score.n;
    for (size_t i = 0; i < VB_GROUP_SUMS; i++) {
        vb_xsum sum;
        vb_agg_group_sum(from, i, &sum);
        vb_xsum_merge(&g->x[i], &sum);
    }
    for (size_t t = 0; t < from->n_cells; t++)
        cell_merge(&g->cells[map[t]], &from->cells[t]);
    return VB_OK;
}

static vb_status groups_merge(vb_agg *into, vb_agg_groups *gs, const vb_agg_groups *from,
                              const uint32_t *map)
{
    for (size_t i = 0; i < from->n; i++) {
        vb_agg_group *g;
        const vb_agg_group *f = from->items[i];
        if (vb_agg_group_get(&into->alloc, gs, f->key, f->key_len, &g) != VB_OK ||
            group_merge(into, g, f, map) != VB_OK)
            return VB_ENOMEM;
    }
    return VB_OK;
}

/* Adds combo `c` of another vb_agg, whose theme t is theme map[t] here,
 * to the cells of the groups it belongs to here (they are there: its
 * groups came first). */
static vb_status combo_merge(vb_agg *into, const vb_agg_combo *c, const uint32_t *map)
{
    vb_agg_group *groups[3] = {&into->overall, NULL, NULL};
    if (c->period != NULL && vb_agg_group_get(&into->alloc, &into->periods, c->period->key,
                                              c->period->key_len, &groups[1]) != VB_OK)
        return VB_ENOMEM;
    if (c->segment != NULL && vb_agg_group_get(&into->alloc, &into->segments, c->segment->key,
                                               c->segment->key_len, &groups[2]) != VB_OK)
        return VB_ENOMEM;
    for (size_t i = 0; i < 3; i++) {
        if (groups[i] == NULL) continue;
        if (vb_agg_group_cells(&into->alloc, groups[i], into->n_themes) != VB_OK) return VB_ENOMEM;
        cells_fold(groups[i], c, map);
    }
    return VB_OK;
}

/* Orders taxonomies for merge_taxonomy(): unknown, then none (0), then
 * fingerprints by value. */
static bool taxonomy_before(const vb_agg *a, const vb_agg *b)
{
    if (a->taxonomy_known != b->taxonomy_known) return !a->taxonomy_known;
    return a->taxonomy < b->taxonomy;
}

/* The taxonomy of `into` plus `from`. An agg without records has no
 * themes to tell, so the one with records decides (vb_agg_compatible()
 * has checked that two with records agree); between two without, the
 * later in taxonomy_before()'s order, so that the state does not depend
 * on the order of the merges. */
static void merge_taxonomy(vb_agg *into, const vb_agg *from)
{
    const bool into_empty = into->overall.records == 0, from_empty = from->overall.records == 0;
    if (from_empty && (!into_empty || !taxonomy_before(into, from))) return;
    if (!from_empty && !into_empty) return;
    into->taxonomy = from->taxonomy;
    into->taxonomy_known = from->taxonomy_known;
}

vb_status vb_agg_merge(vb_agg *into, const vb_agg *from)
{
    if (into->metric.kind != from->metric.kind || into->opts.period != from->opts.period)
        return VB_EINVAL;
    merge_taxonomy(into, from); /* before the records are added */
    uint32_t *map = vb_calloc(&into->alloc, from->n_themes + 1, sizeof *map);
    if (map == NULL) return VB_ENOMEM;
    into->stale = true;
    vb_status st = VB_OK;
    /* Parents precede children in `from`, so parents are mapped first. */
    for (size_t t = 0; t < from->n_themes && st == VB_OK; t++) {
        const vb_agg_theme *ft = &from->themes[t];
        st = vb_agg_theme_index(into, ft->id, ft->label,
                                ft->parent >= 0 ? from->themes[ft->parent].id : NULL, &map[t]);
    }
    for (size_t t = 0; t < from->n_themes && st == VB_OK; t++) {
        vb_agg_theme *it = &into->themes[map[t]];
        st = vb_quote_merge_list(&into->alloc, &it->pos, &from->themes[t].pos, +1);
        if (st == VB_OK) st = vb_quote_merge_list(&into->alloc, &it->neg, &from->themes[t].neg, -1);
    }
    if (st == VB_OK) st = group_merge(into, &into->overall, &from->overall, map);
    if (st == VB_OK) st = groups_merge(into, &into->periods, &from->periods, map);
    if (st == VB_OK) st = groups_merge(into, &into->segments, &from->segments, map);
    for (size_t i = 0; i < from->n_combos && st == VB_OK; i++)
        st = combo_merge(into, &from->combos[i], map);
    if (st == VB_OK) {
        for (size_t s = 0; s < from->n_themes; s++)
            for (size_t t = 0; t < from->n_themes; t++) {
                vb_xsum x;
                vb_agg_sxx_exact(from, s, t, &x);
                vb_xsum_merge(&into->sxx[map[s] * into->sxx_dim + map[t]], &x);
            }
        into->scores_rejected += from->scores_rejected;
        into->dates_rejected += from->dates_rejected;
        into->dates_unread += from->dates_unread;
        into->date_guesses &= from->date_guesses;
        into->segments_absent += from->segments_absent;
        into->records_rejected += from->records_rejected;
    }
    vb_free(&into->alloc, map);
    return st;
}

/* discover_rank.c: the second half of theme discovery. From the
 * candidates discover.c collected, vb_discovery_result() keeps those with
 * enough evidence, scores them (Dunning's G2 against the covered comments
 * with `uncovered`, else against the background; document counts without
 * either; collocation G2 for phrases), folds
 * near-duplicates into groups (the same content words, or one phrase inside
 * another) and builds the themes; the writers turn them into a taxonomy
 * draft or a table.
 */
#include "discover_int.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "jsonw.h"
#include "lexicon.h" /* vb_senti_hash */
#include "utf8.h"    /* the table's column widths */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Content words of a candidate, sorted: what near-duplicates share. */
typedef struct cset {
    uint8_t n;
    uint8_t off[MAX_WORDS], len[MAX_WORDS]; /* into the candidate's key */
} cset;

typedef struct ranked {
    uint32_t cand;
    uint64_t observed;         /* count - error: a lower bound of the true count */
    double score, g2;
    cset set;
    bool absorbed;             /* mostly part of a longer candidate */
} ranked;

typedef struct group {
    uint32_t member[MAX_MATCH]; /* indexes into the ranked pool; [0] is the best */
    bool variant[MAX_MATCH];    /* same content words as [0]: comments add up */
    size_t n_members;
    uint64_t observed;          /* comments counted for each variant, added up */
    uint64_t error, n_scored;
    double senti_sum, score_sum;
} group;

/* Whether variant `c` of group `g` shares its comments with one other
 * variant of `g` only, always the same one, which shares them with `c`
 * only: then each of those comments is counted in both `shared`s. */
static bool paired(const vb_discovery *d, const ranked *pool, const group *g, const cand *c)
{
    if (c->mixed)
        return false;
    for (size_t m = 0; m < g->n_members; m++) {
        const cand *o = &d->cands[pool[g->member[m]].cand];
        if (g->variant[m] && o != c && o->hash == c->partner)
            return !o->mixed && o->partner == c->hash && o->shared == c->shared;
    }
    return false;
}

/* The comments of theme `g`: every target comment in which discovery
 * counted one of its variants, once. One that holds one variant only is
 * counted by that variant alone: observed - shared of them. The others
 * hold two or more. When the variants share their comments in fixed pairs
 * (as "delivery date" and "date of delivery" do), each of these is
 * counted twice in `shared`, so there are shared / 2. Otherwise there are
 * at least as many as any one variant shared: the count is then a lower
 * bound, and *uncertain says by how much it may be low. Either way it
 * never exceeds the comments the theme's match entries are in. */
static uint64_t theme_count(const vb_discovery *d, const ranked *pool, const group *g,
                            uint64_t *uncertain)
{
    uint64_t shared = 0, max_shared = 0;
    bool pairs = true;
    for (size_t m = 0; m < g->n_members; m++) {
        const cand *c = &d->cands[pool[g->member[m]].cand];
        if (!g->variant[m] || c->shared == 0)
            continue;
        /* c->shared was counted with the comments since c took its slot,
         * as c->count - c->error was: it is at most that. */
        shared += c->shared;
        if (c->shared > max_shared)
            max_shared = c->shared;
        pairs = pairs && paired(d, pool, g, c);
    }
    *uncertain = pairs ? 0 : shared - max_shared;
    return g->observed - shared + (pairs ? shared / 2 : max_shared);
}

/* ---- Scoring and grouping ------------------------------------------------ */

static void content_set(const cand *c, cset *s)
{
    s->n = 0;
    size_t w = 0, start = 0;
    for (size_t i = 0; i <= c->key_len; i++) {
        if (i < c->key_len && c->key[i] != ' ')
            continue;
        if (!(c->stop_mask & (1u << w))) {
            /* insertion sort: at most three words */
            size_t k = s->n++;
            while (k > 0) {
                const char *prev = c->key + s->off[k - 1];
                size_t plen = s->len[k - 1], len = i - start;
                int cmp = memcmp(prev, c->key + start, plen < len ? plen : len);
                if (cmp < 0 || (cmp == 0 && plen <= len))
                    break;
                s->off[k] = s->off[k - 1];
                s->len[k] = s->len[k - 1];
                k--;
            }
            s->off[k] = (uint8_t)start;
            s->len[k] = (uint8_t)(i - start);
        }
        w++;
        start = i + 1;
    }
}

static bool word_in(const cand *ca, const cset *a, size_t i, const cand *cb, const cset *b,
                    bool *used)
{
    for (size_t j = 0; j < b->n; j++) {
        if (!used[j] && a->len[i] == b->len[j] &&
            memcmp(ca->key + a->off[i], cb->key + b->off[j], a->len[i]) == 0) {
            used[j] = true;
            return true;
        }
    }
    return false;
}

/* True when the content words of `a` are all among those of `b` (as a
 * multiset); `strict` also requires `b` to have more. */
static bool subset(const cand *ca, const cset *a, const cand *cb, const cset *b, bool strict)
{
    if (a->n > b->n || (strict && a->n == b->n) || a->n == 0)
        return false;
    bool used[MAX_WORDS] = {false};
    for (size_t i = 0; i < a->n; i++)
        if (!word_in(ca, a, i, cb, b, used))
            return false;
    return true;
}

static int cmp_ranked(const void *pa, const void *pb, const cand *cands)
{
    const ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(cands[a->cand].key, cands[b->cand].key);
}

/* qsort has no context argument in C11: the candidates for the comparison
 * are passed through this, set only around the one qsort call. */
static const cand *sort_cands;
static int cmp_ranked_q(const void *a, const void *b)
{
    return cmp_ranked(a, b, sort_cands);
}

static const char *display(const cand *c)
{
    return c->surface_count[1] > c->surface_count[0] ? c->surface[1] : c->surface[0];
}

/* What a candidate's rank score measures it against. */
typedef enum basis {
    AGAINST_COVERED,    /* uncovered: the comments the taxonomy matches */
    AGAINST_BACKGROUND, /* general text */
    BY_COUNT            /* nothing: the comment count ranks */
} basis;

static basis scoring_basis(const vb_discovery *d)
{
    if (d->opts.uncovered && d->n_reference > 0)
        return AGAINST_COVERED;
    return d->background.total > 0 ? AGAINST_BACKGROUND : BY_COUNT;
}

/* How many of the background's words are the candidate, at most: the
 * count of its rarest content word, as a phrase is never commoner than
 * any of its words. */
static double background_count(const vb_discovery *d, const cand *c)
{
    uint64_t fewest = UINT64_MAX;
    size_t start = 0, word = 0;
    for (size_t k = 0; k <= c->key_len; k++) {
        if (k < c->key_len && c->key[k] != ' ')
            continue;
        if (!(c->stop_mask & (1u << word))) {
            uint64_t n = vb_background_count(&d->background, vb_senti_hash(c->key + start, k - start));
            if (n < fewest)
                fewest = n;
        }
        start = k + 1;
        word++;
    }
    return fewest == UINT64_MAX ? 0.0 : (double)fewest;
}

/* Dunning's G2 of the candidate's mentions among the `total` words of the
 * target comments against the background's words; -1 when it is no
 * commoner here than in general text. */
static double background_g2(const vb_discovery *d, const cand *c, double total)
{
    double a = (double)c->occurrences;
    double b = background_count(d, c), n2 = (double)d->background.total;
    if (a / total <= b / n2)
        return -1.0;
    return vb_discover_g2(a, total, b, n2);
}

/* Scores every tracked candidate that qualifies into `out`; returns how
 * many. See README.md for the formulas. */
static size_t score_all(const vb_discovery *d, ranked *out)
{
    const basis against = scoring_basis(d);
    double total = (double)d->n_word_tokens;
    size_t n = 0;
    for (uint32_t i = 0; i < d->n_cands; i++) {
        const cand *c = &d->cands[i];
        uint64_t observed = c->count - c->error;
        if (observed < d->opts.min_count || observed == 0)
            continue;
        double colloc = 0;
        if (c->n_words > 1) {
            double expected = total, first = 0, last = 0;
            size_t start = 0;
            for (size_t k = 0; k <= c->key_len; k++) {
                if (k < c->key_len && c->key[k] != ' ')
                    continue;
                last = vb_discover_sketch_get(d->words, vb_senti_hash(c->key + start, k - start));
                if (start == 0)
                    first = last;
                expected *= last / total;
                start = k + 1;
            }
            double o = (double)c->occurrences;
            colloc = vb_discover_colloc_g2(o, expected);
            if (colloc < G2_P001 || o < COHESION_MIN * (first < last ? first : last))
                continue;
        }
        ranked *r = &out[n];
        memset(r, 0, sizeof *r);
        r->cand = i;
        r->observed = observed;
        if (against == AGAINST_COVERED) {
            double a = (double)observed, n1 = (double)d->n_target;
            double b = vb_discover_sketch_get(d->ref, c->hash), n2 = (double)d->n_reference;
            if (b > n2)
                b = n2;
            if (a / n1 <= b / n2)
                continue; /* not more frequent where the taxonomy fails */
            /* Words the taxonomy misses because no comment is about them
             * ("together", "day") are as common in general text. */
            if (d->background.total > 0 && background_g2(d, c, total) < G2_P001)
                continue;
            r->g2 = vb_discover_g2(a, n1, b, n2);
            r->score = r->g2;
        } else if (against == AGAINST_BACKGROUND) {
            r->g2 = background_g2(d, c, total);
            if (r->g2 < 0)
                continue; /* no commoner here than in general text */
            r->score = r->g2;
        } else {
            r->g2 = colloc;
            r->score = (double)observed;
        }
        content_set(c, &r->set);
        n++;
    }
    sort_cands = d->cands;
    qsort(out, n, sizeof *out, cmp_ranked_q);
    sort_cands = NULL;
    return n;
}

/* Marks candidates that are mostly part of a longer one ("true" in "true
 * to size", "customer" in "customer service"): they add no theme. */
static void absorb(const vb_discovery *d, ranked *pool, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const cand *x = &d->cands[pool[i].cand];
        for (size_t j = 0; j < n && !pool[i].absorbed; j++) {
            const cand *p = &d->cands[pool[j].cand];
            if (j != i && subset(x, &pool[i].set, p, &pool[j].set, true) &&
                (double)pool[j].observed >= ABSORB_RATIO * (double)pool[i].observed)
                pool[i].absorbed = true;
        }
    }
}

/* Groups the pool greedily in rank order: a candidate with the same
 * content words as a member joins that group as a variant (its comments
 * add up); one containing a member's words is a more specific form and
 * joins as a match entry only (its comments are already counted); any
 * other starts a group while fewer than `top` exist. */
static size_t group_all(const vb_discovery *d, const ranked *pool, size_t n, group *groups)
{
    size_t n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        if (pool[i].absorbed)
            continue;
        const cand *x = &d->cands[pool[i].cand];
        group *into = NULL;
        bool variant = false;
        for (size_t g = 0; g < n_groups && into == NULL; g++) {
            for (size_t m = 0; m < groups[g].n_members && into == NULL; m++) {
                const ranked *y = &pool[groups[g].member[m]];
                const cand *cy = &d->cands[y->cand];
                if (subset(x, &pool[i].set, cy, &y->set, false) && x->n_words > 0 &&
                    pool[i].set.n == y->set.n) {
                    into = &groups[g];
                    variant = true;
                } else if (subset(cy, &y->set, x, &pool[i].set, true)) {
                    into = &groups[g];
                }
            }
        }
        if (into == NULL) {
            if (n_groups == d->opts.top)
                continue;
            into = &groups[n_groups++];
            memset(into, 0, sizeof *into);
            variant = true;
        }
        if (into->n_members == MAX_MATCH)
            continue; /* not a match entry: its comments are not the theme's */
        into->variant[into->n_members] = variant;
        into->member[into->n_members++] = (uint32_t)i;
        if (variant) {
            into->observed += pool[i].observed;
            into->error += x->error;
            into->senti_sum += x->senti_sum;
            into->score_sum += x->score_sum;
            into->n_scored += x->n_scored;
        }
    }
    return n_groups;
}

/* ---- Building the themes -------------------------------------------------- */

/* Lower-case ASCII for the Latin-1 letters U+00C0..U+00FF (0 = none). */
static const char latin1_fold[64] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                                    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

static void make_slug(const char *s, char *out)
{
    size_t o = 0;
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0' && o < MAX_SLUG; p++) {
        char c = 0;
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            c = (char)*p;
        else if (*p >= 'A' && *p <= 'Z')
            c = (char)(*p - 'A' + 'a');
        else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
            c = latin1_fold[*++p - 0x80];
        else if (*p == '\'')
            continue; /* "app's" -> "apps" */
        if (c == 0) {
            dash = o > 0;
            continue;
        }
        if (dash)
            out[o++] = '-';
        dash = false;
        if (o < MAX_SLUG)
            out[o++] = c;
    }
    if (o == 0)
        memcpy(out, "theme", (o = 5));
    out[o] = '\0';
}

static vb_status build_theme(vb_discovery *d, const ranked *pool, const group *g,
                             vb_discovered *t)
{
    const cand *best = &d->cands[pool[g->member[0]].cand];
    const char *label = display(best);
    size_t label_len = strlen(label);

    char slug[MAX_SLUG + 16], base[MAX_SLUG + 1];
    make_slug(label, base);
    snprintf(slug, sizeof slug, "%s", base);
    for (unsigned k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < d->n_themes && !taken; i++)
            taken = strcmp(d->themes[i].id + strlen("discovered."), slug) == 0;
        if (!taken)
            break;
        snprintf(slug, sizeof slug, "%s-%u", base, k);
    }
    char *id = vb_arena_alloc(&d->arena, strlen("discovered.") + strlen(slug) + 1);
    char *lab = vb_arena_strndup(&d->arena, label, label_len);
    const char **match = vb_arena_array(&d->arena, g->n_members, sizeof *match);
    const char **examples = vb_arena_array(&d->arena, N_EXAMPLES, sizeof *examples);
    if (id == NULL || lab == NULL || match == NULL || examples == NULL)
        return VB_ENOMEM;
    sprintf(id, "discovered.%s", slug);
    if (lab[0] >= 'a' && lab[0] <= 'z')
        lab[0] = (char)(lab[0] - 'a' + 'A');

    for (size_t m = 0; m < g->n_members; m++) {
        const cand *c = &d->cands[pool[g->member[m]].cand];
        const char *s = display(c);
        size_t len = strlen(s);
        char *e = vb_arena_alloc(&d->arena, len + 3);
        if (e == NULL)
            return VB_ENOMEM;
        if (c->n_words == 1)
            memcpy(e, s, len + 1);
        else
            sprintf(e, "\"%s\"", s);
        match[m] = e;
    }
    size_t n_examples = 0;
    for (size_t m = 0; m < g->n_members && n_examples < N_EXAMPLES; m++) {
        const cand *c = &d->cands[pool[g->member[m]].cand];
        for (size_t k = 0; k < c->n_examples && n_examples < N_EXAMPLES; k++) {
            bool dup = false;
            for (size_t j = 0; j < n_examples && !dup; j++)
                dup = strcmp(examples[j], c->example[k]) == 0;
            if (!dup && (examples[n_examples] = vb_arena_strndup(
                             &d->arena, c->example[k], strlen(c->example[k]))) == NULL)
                return VB_ENOMEM;
            n_examples += !dup;
        }
    }

    memset(t, 0, sizeof *t);
    t->id = id;
    t->label = lab;
    t->match = match;
    t->n_match = g->n_members;
    uint64_t uncertain;
    const uint64_t count = theme_count(d, pool, g, &uncertain);
    t->count = (size_t)count;
    t->count_error = (size_t)(g->error + uncertain);
    t->share = d->n_target > 0 ? (double)count / (double)d->n_target : 0.0;
    /* Per variant counted: senti_sum holds one term per comment and variant. */
    t->sentiment = g->observed > 0 ? g->senti_sum / (double)g->observed : 0.0;
    t->mean_score = g->n_scored > 0 ? g->score_sum / (double)g->n_scored : NAN;
    t->n_scored = (size_t)g->n_scored;
    t->score = pool[g->member[0]].score;
    t->g2 = pool[g->member[0]].g2;
    t->examples = examples;
    t->n_examples = n_examples;
    return VB_OK;
}

vb_status vb_discovery_result(vb_discovery *d, const vb_discovered **themes, size_t *n)
{
    if (!d->result_valid) {
        vb_arena_reset(&d->arena);
        d->themes = NULL;
        d->n_themes = 0;
        vb_status st = VB_ENOMEM;
        ranked *pool = vb_calloc(&d->alloc, d->n_cands > 0 ? d->n_cands : 1, sizeof *pool);
        size_t top = d->opts.top;
        group *groups = vb_calloc(&d->alloc, top > 0 ? top : 1, sizeof *groups);
        if (pool != NULL && groups != NULL) {
            size_t n_pool = score_all(d, pool);
            size_t limit = POOL_PER_THEME * top > POOL_MIN ? POOL_PER_THEME * top : POOL_MIN;
            if (n_pool > limit)
                n_pool = limit;
            absorb(d, pool, n_pool);
            size_t n_groups = group_all(d, pool, n_pool, groups);
            d->themes = vb_arena_array(&d->arena, n_groups > 0 ? n_groups : 1, sizeof *d->themes);
            st = d->themes != NULL ? VB_OK : VB_ENOMEM;
            for (size_t g = 0; g < n_groups && st == VB_OK; g++) {
                st = build_theme(d, pool, &groups[g], &d->themes[g]);
                d->n_themes += st == VB_OK;
            }
        }
        vb_free(&d->alloc, groups);
        vb_free(&d->alloc, pool);
        if (st != VB_OK) {
            d->n_themes = 0;
            return st;
        }
        d->result_valid = true;
    }
    *themes = d->themes;
    *n = d->n_themes;
    return VB_OK;
}

/* ---- Writers ---------------------------------------------------------- */

#define TRY(expr)                                                                             \
    do {                                                                                      \
        vb_status st_ = (expr);                                                               \
        if (st_ != VB_OK)                                                                     \
            return st_;                                                                       \
    } while (0)

static vb_status json_str(vb_buf *b, const char *s)
{
    return vb_json_string(b, s, strlen(s));
}

static vb_status write_json(vb_discovery *d, const vb_discovered *t, size_t n)
{
    vb_buf *b = &d->out;
    TRY(vb_buf_puts(b, "{\n  \"name\": \"discovered\",\n  \"language\": "));
    TRY(json_str(b, d->language));
    TRY(vb_buf_puts(b, ",\n  \"themes\": ["));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, i > 0 ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": "));
        TRY(json_str(b, t[i].id));
        TRY(vb_buf_puts(b, ",\n      \"label\": "));
        TRY(json_str(b, t[i].label));
        TRY(vb_buf_puts(b, ",\n      \"match\": ["));
        for (size_t m = 0; m < t[i].n_match; m++) {
            TRY(vb_buf_puts(b, m > 0 ? ", " : ""));
            TRY(json_str(b, t[i].match[m]));
        }
        TRY(vb_buf_puts(b, "],\n      \"x-count\": "));
        TRY(vb_json_size(b, t[i].count));
        if (t[i].count_error > 0) {
            TRY(vb_buf_puts(b, ",\n      \"x-count-error\": "));
            TRY(vb_json_size(b, t[i].count_error));
        }
        TRY(vb_buf_puts(b, ",\n      \"x-share\": "));
        TRY(vb_json_number(b, t[i].share, 4));
        TRY(vb_buf_puts(b, ",\n      \"x-sentiment\": "));
        TRY(vb_json_number(b, t[i].sentiment, 3));
        if (t[i].n_scored > 0) {
            TRY(vb_buf_puts(b, ",\n      \"x-mean-score\": "));
            TRY(vb_json_number(b, t[i].mean_score, 3));
        }
        TRY(vb_buf_puts(b, ",\n      \"x-g2\": "));
        TRY(vb_json_number(b, t[i].g2, 1));
        TRY(vb_buf_puts(b, ",\n      \"x-examples\": ["));
        for (size_t k = 0; k < t[i].n_examples; k++) {
            TRY(vb_buf_puts(b, k > 0 ? ",\n        " : "\n        "));
            TRY(json_str(b, t[i].examples[k]));
        }
        TRY(vb_buf_puts(b, t[i].n_examples > 0 ? "\n      ]\n    }" : "]\n    }"));
    }
    return vb_buf_puts(b, n > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

vb_status vb_discovery_write_json(vb_discovery *d, const char **out, size_t *len)
{
    const vb_discovered *t;
    size_t n;
    TRY(vb_discovery_result(d, &t, &n));
    vb_buf_reset(&d->out);
    TRY(write_json(d, t, n));
    *out = d->out.data;
    *len = d->out.len;
    return VB_OK;
}

#define PHRASE_COLS 44

/* Appends `s` padded or cut (with "…") to PHRASE_COLS display columns, so
 * that wide (CJK) phrases keep the columns after them in line. */
static vb_status put_phrase(vb_buf *b, const char *s)
{
    const size_t len = strlen(s);
    size_t cols = vb_utf8_width(s, len);
    if (cols > PHRASE_COLS) {
        TRY(vb_buf_append(b, s, vb_utf8_fit(s, len, PHRASE_COLS - 1, &cols)));
        TRY(vb_buf_puts(b, "\xE2\x80\xA6"));
        cols++;
    } else {
        TRY(vb_buf_append(b, s, len));
    }
    for (; cols < PHRASE_COLS; cols++) /* a wide character may not fill the cut */
        TRY(vb_buf_putc(b, ' '));
    return VB_OK;
}

static vb_status write_table(vb_discovery *d, const vb_discovered *t, size_t n)
{
    vb_buf *b = &d->out;
    static const char *const g2_heading[] = {
        [AGAINST_COVERED] = "G2 vs cov", [AGAINST_BACKGROUND] = "G2 vs bg", [BY_COUNT] = "colloc G2"};
    TRY(vb_buf_printf(b, "%-*s %8s %7s %9s %10s %10s\n", PHRASE_COLS, "theme (+variants)",
                      "comments", "share", "sentiment", "mean score",
                      g2_heading[scoring_basis(d)]));
    for (size_t i = 0; i < n; i++) {
        char phrase[256];
        const char *label = t[i].label;
        if (t[i].n_match > 1)
            snprintf(phrase, sizeof phrase, "%s (+%zu)", label, t[i].n_match - 1);
        else
            snprintf(phrase, sizeof phrase, "%s", label);
        TRY(put_phrase(b, phrase));
        char score[32], g2[32];
        if (t[i].n_scored > 0)
            snprintf(score, sizeof score, "%.2f", t[i].mean_score);
        else
            snprintf(score, sizeof score, "-");
        if (t[i].g2 > 0)
            snprintf(g2, sizeof g2, "%.1f", t[i].g2);
        else
            snprintf(g2, sizeof g2, "-");
        TRY(vb_buf_printf(b, " %8zu %6.1f%% %+9.2f %10s %10s\n", t[i].count, 100.0 * t[i].share,
                          t[i].sentiment + 0.0, score, g2));
    }
    return VB_OK;
}

vb_status vb_discovery_write_table(vb_discovery *d, const char **out, size_t *len)
{
    const vb_discovered *t;
    size_t n;
    TRY(vb_discovery_result(d, &t, &n));
    vb_buf_reset(&d->out);
    TRY(write_table(d, t, n));
    *out = d->out.data;
    *len = d->out.len;
    return VB_OK;
}

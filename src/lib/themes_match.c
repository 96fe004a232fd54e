/* themes_match.c: matches records against a compiled taxonomy.
 *
 * The stage after sentiment; the taxonomy is compiled by themes.c into
 * the tables of themes_int.h, and the matcher's scratch is in
 * themes_matcher.h.
 * Per record, each token's stem id comes from the vb_text word cache
 * (vb_themes_term_id() is asked once per distinct word), or is one hash
 * lookup; a stem id is also the trie node of its one-token path, and
 * comes with flags for what that node has (themes_int.h, TERM_*), so a
 * token whose node has nothing for it, or only phrases that the next
 * token does not go on, touches no node. From there the trie is walked
 * while the following ids continue a path (a 64-bit mask of child ids
 * per node rules out most steps without a probe); the usual one-word
 * term's output sits in its node, other outputs in one run per node.
 * Each token's lookup form is hashed once,
 * incrementally, probing the prefix table at each prefix length in use.
 * So the cost per token depends on the text and on the longest phrase,
 * not on how many themes there are. NEAR operands are kept in a list of
 * their own per node. The walks only note where they occur, ORing in the
 * node's sets of their rules (vb_themes.near_sets); after the walks, only
 * a sentence whose sets have a rule on both sides looks at the operands
 * whose rule's other side is among them, by the rule sides alone
 * (vb_themes.near_ops).
 *
 * A record's hits are chained per theme as they come, with a note of
 * whether they came in order of (start, end), which is the rule; from
 * the chains themes_result.c makes the record's themes, their spans and
 * aspect sentiment.
 *
 * An exact term (=word) is found by its stems like any other and then
 * kept only where the tokens' lookup forms are the term's own. An answer
 * term is noted where the walk finds it, and counts once the sentence is
 * seen to say nothing else, with nothing named before it in the record
 * (answer_hits()).
 *
 * Sentences are resolved one at a time: the outputs hit in a sentence
 * set role bits per theme (free, conditional on the parent, excluded);
 * excludes with a narrower exclude_scope are kept as hits instead, and
 * cancel only the mentions in their clause or span before anything is
 * decided; a theme is then decided when its first hit is moved to the
 * record, its parent first when its conditional terms need the parent's
 * result. Per-theme
 * scratch is stamped with a sentence generation instead of being cleared,
 * so a sentence costs what it hits, not the size of the taxonomy.
 */
#include "themes_matcher.h"

#include "alloc.h"
#include "buf.h"
#include "lexicon.h" /* vb_senti_hash (FNV-1a, incremental); roles of words, for answers */

#include <stdio.h>
#include <string.h>

#define TEXT_MAX_BYTES ((size_t)1 << 30)

/* For walk(), run at every start token from one loop: left out of line
 * (as GCC chose), saving and restoring registers cost more than the
 * usual one-word term's body. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

uint32_t vb_themes_term_id(const char *stem, size_t len, const void *themes)
{
    const vb_themes *t = themes;
    const str_slot *s = str_find(&t->stems, vb_senti_hash(stem, len), stem, len);
    return s != NULL ? s->value : 0;
}

vb_theme_matcher *vb_theme_matcher_new(const vb_themes *t, const vb_allocator *a)
{
    a = vb_allocator_or_default(a);
    vb_theme_matcher *m = vb_calloc(a, 1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->t = t;
    m->alloc = a;
    vb_buf_init(&m->text, a, TEXT_MAX_BYTES);
    size_t n = t->n_themes;
    m->theme_gen = vb_calloc(a, n, sizeof *m->theme_gen);
    m->theme_flags = vb_calloc(a, n, sizeof *m->theme_flags);
    m->rtheme_of = vb_calloc(a, n, sizeof *m->rtheme_of);
    if (m->theme_gen == NULL || m->theme_flags == NULL || m->rtheme_of == NULL)
        goto fail;
    if (t->n_nears > 0) {
        m->nears = vb_calloc(a, t->n_nears, sizeof *m->nears);
        m->side_gen = vb_calloc(a, 2 * t->n_nears, sizeof *m->side_gen);
        if (m->nears == NULL || m->side_gen == NULL)
            goto fail;
    }
    if (t->n_regexes > 0) {
        m->regex_off = vb_calloc(a, t->n_regexes, sizeof *m->regex_off);
        m->rx = vb_regex_scratch_new(a);
        if (m->regex_off == NULL || m->rx == NULL)
            goto fail;
    }
    return m;

fail:
    vb_theme_matcher_free(m);
    return NULL;
}

void vb_theme_matcher_free(vb_theme_matcher *m)
{
    if (m == NULL)
        return;
    const vb_allocator *a = m->alloc;
    vb_regex_scratch_free(m->rx);
    vb_buf_free(&m->text);
    vb_free(a, m->theme_gen);
    vb_free(a, m->theme_flags);
    vb_free(a, m->nears);
    vb_free(a, m->side_gen);
    vb_free(a, m->regex_off);
    vb_free(a, m->own_ids);
    vb_free(a, m->starts);
    vb_free(a, m->wpos);
    vb_free(a, m->occs);
    vb_free(a, m->npos);
    vb_free(a, m->shits);
    vb_free(a, m->xhits);
    vb_free(a, m->ahits);
    vb_free(a, m->ohits);
    vb_free(a, m->rhits);
    vb_free(a, m->rthemes);
    vb_free(a, m->rtheme_of);
    vb_free(a, m->sorted);
    vb_free(a, m->offs);
    vb_free(a, m);
}

/* An exclude hit: a flag for a sentence-wide one, a hit of its own for a
 * scoped one. */
RARE
static vb_status add_exclude(vb_theme_matcher *m, uint32_t theme, uint32_t role, uint32_t first,
                             uint32_t last)
{
    if (role == ROLE_EXCL) {
        m->any_excl = true;
        return VB_OK;
    }
    if (m->n_xhits == m->cap_xhits)
        TRY(vb_themes_grow(m->alloc, (void **)&m->xhits, &m->cap_xhits, m->n_xhits + 1,
                           sizeof *m->xhits));
    m->xhits[m->n_xhits++] = (sent_hit){theme, role, first, last};
    return VB_OK;
}

static inline vb_status add_hit(vb_theme_matcher *m, uint32_t theme, uint32_t role,
                                uint32_t first, uint32_t last)
{
    if (m->theme_gen[theme] != m->gen) {
        m->theme_gen[theme] = m->gen;
        m->theme_flags[theme] = 0;
    }
    m->theme_flags[theme] |= (uint8_t)role;
    if (role & (ROLE_EXCL | ROLE_EXCL_SCOPED))
        return add_exclude(m, theme, role, first, last);
    if (m->n_shits == m->cap_shits)
        TRY(vb_themes_grow(m->alloc, (void **)&m->shits, &m->cap_shits, m->n_shits + 1,
                           sizeof *m->shits));
    m->shits[m->n_shits++] = (sent_hit){theme, role, first, last};
    return VB_OK;
}

/* Whether tokens [first, last] have the lookup forms of the exact term
 * whose forms start at m->t->exact[at - 1]. */
RARE
static bool exact_ok(const vb_theme_matcher *m, uint32_t at, uint32_t first, uint32_t last)
{
    const exact_form *f = &m->t->exact[at - 1];
    for (uint32_t i = first; i <= last; i++, f++) {
        const vb_token *k = &m->doc->tokens[i];
        if (k->lookup_len != f->len || memcmp(k->lookup, f->s, f->len) != 0)
            return false;
    }
    return true;
}

/* The word positions NEAR/k measures by, set once per sentence where a
 * pair is to be measured. */
RARE
static vb_status prepare_wpos(vb_theme_matcher *m)
{
    const size_t first = m->s_first, end = m->s_end;
    TRY(vb_themes_grow(m->alloc, (void **)&m->wpos, &m->cap_wpos, end - first, sizeof *m->wpos));
    uint32_t words = 0;
    for (size_t i = first; i < end; i++) {
        m->wpos[i - first] = words;
        words += m->doc->tokens[i].kind != VB_TOKEN_PUNCT;
    }
    m->wpos_ready = true;
    return VB_OK;
}

/* One occurrence of a NEAR operand. For a match it pairs with the nearest
 * occurrence of the other side before it, as a word goes with the nearest
 * one it qualifies ("easy parking, easy returns"). For an exclude with a
 * clause or span scope it pairs with every one within k words, so that
 * the exclude cancels each mention it is about: in "colours, pictures
 * and lens" both "colours" and "pictures" are near "lens". Occurrences
 * come in order of their first token; pairs the other way round are
 * found when the later one comes. The walk back stops at the first one
 * too far away, which bounds it by k. */
static vb_status near_hit(vb_theme_matcher *m, const output *o, uint32_t first, uint32_t last)
{
    const near_rule *rule = &m->t->nears[o->near];
    near_state *ns = &m->nears[o->near];
    if (ns->gen != m->gen) {
        memset(ns, 0, sizeof *ns);
        ns->gen = m->gen;
    }
    const bool is_a = o->role == ROLE_NEAR_A;
    const bool every = rule->role == ROLE_EXCL_SCOPED;
    bool paired = false;
    uint32_t i = is_a ? ns->b_top : ns->a_top;
    if (is_a && rule->ordered)
        i = 0; /* A PRE/k B pairs when B comes, with an A before it */
    for (; i != 0; i = m->npos[i - 1].prev) {
        const near_pos p = m->npos[i - 1];
        if (p.last < first) {
            if (!m->wpos_ready)
                TRY(prepare_wpos(m));
            if (m->wpos[first - m->s_first] - m->wpos[p.last - m->s_first] > rule->k)
                break;
            TRY(add_hit(m, rule->theme, rule->role, p.first, p.last));
            paired = true;
        }
        if (!every) break;
    }
    if (paired) {
        TRY(add_hit(m, rule->theme, rule->role, first, last));
        if (rule->role & (ROLE_FREE | ROLE_COND)) /* a match, not an exclude */
            m->shits[m->n_shits - 2].role |= HIT_PAIRED;
    }
    if (m->n_npos == m->cap_npos)
        TRY(vb_themes_grow(m->alloc, (void **)&m->npos, &m->cap_npos, m->n_npos + 1,
                           sizeof *m->npos));
    uint32_t *top = is_a ? &ns->a_top : &ns->b_top;
    m->npos[m->n_npos++] = (near_pos){first, last, *top};
    *top = (uint32_t)m->n_npos;
    return VB_OK;
}

/* Notes NEAR operands (list `head`) at tokens [first, last]; their rules
 * are added to m->occ_rules by the caller. */
static inline vb_status note_near(vb_theme_matcher *m, uint32_t head, uint32_t first,
                                  uint32_t last)
{
    if (m->n_occs == m->cap_occs)
        TRY(vb_themes_grow(m->alloc, (void **)&m->occs, &m->cap_occs, m->n_occs + 1,
                           sizeof *m->occs));
    m->occs[m->n_occs++] = (near_occ){head, first, last};
    return VB_OK;
}

/* Notes the NEAR operands of packed node `nd` at tokens [first, last],
 * and ORs in the sets of their rules whole, one cache line with no branch
 * on what it holds: most sentences note several operands and pair none,
 * which may_pair() then tells from the sets alone. */
static inline vb_status note_node(vb_theme_matcher *m, const trie_node *nd, uint32_t first,
                                  uint32_t last)
{
    const uint32_t k = nd->near_out - 1;
    const near_sets *s = &m->t->near_sets[k];
    for (size_t w = 0; w < NEAR_SET_WORDS; w++) {
        m->occ_rules.side[0][w] |= s->side[0][w];
        m->occ_rules.side[1][w] |= s->side[1][w];
    }
    return note_near(m, m->t->near_heads[k], first, last);
}

/* Whether some rule of the operands noted in the sentence may have both
 * sides there (m->occ_rules). Few sentences have one. */
static bool may_pair(const vb_theme_matcher *m)
{
    uint64_t both = 0;
    for (size_t w = 0; w < NEAR_SET_WORDS; w++)
        both |= m->occ_rules.side[0][w] & m->occ_rules.side[1][w];
    return both != 0;
}

/* Stamps the rule sides of the NEAR operands noted in the sentence
 * (m->side_gen), in the few sentences that may_pair(). Returns whether
 * both sides of some rule are stamped. An operand whose rule has no
 * other side there is stamped too, which pairs nothing. */
static bool mark_sides(vb_theme_matcher *m)
{
    const uint32_t *ops = m->t->near_ops;
    uint32_t *side_gen = m->side_gen;
    const uint32_t gen = m->gen;
    bool both = false;
    for (size_t k = 0; k < m->n_occs; k++) {
        for (uint32_t i = m->occs[k].head;; i++) {
            const uint32_t op = ops[i];
            if (!(op & NEAR_OP_NONE)) {
                side_gen[op & NEAR_OP_SIDE] = gen;
                both |= side_gen[(op & NEAR_OP_SIDE) ^ 1] == gen;
            }
            if (op & NEAR_OP_LAST)
                break;
        }
    }
    return both;
}

/* The NEAR operands noted in a sentence with two or more, in the order
 * found (which near_hit() needs). Only an operand whose rule's other
 * side occurs in the sentence can pair: the rest are skipped unread
 * (most of them, as a common word is an operand of many rules). */
static vb_status near_pairs(vb_theme_matcher *m)
{
    const output *outs = m->t->outs;
    const uint32_t *ops = m->t->near_ops;
    if (!may_pair(m) || !mark_sides(m))
        return VB_OK;
    for (size_t k = 0; k < m->n_occs; k++) {
        const near_occ oc = m->occs[k];
        for (uint32_t i = oc.head;; i++) {
            const uint32_t op = ops[i];
            if (!(op & NEAR_OP_NONE) && m->side_gen[(op & NEAR_OP_SIDE) ^ 1] == m->gen &&
                (outs[i].exact == 0 || exact_ok(m, outs[i].exact, oc.first, oc.last)))
                TRY(near_hit(m, &outs[i], oc.first, oc.last));
            if (op & NEAR_OP_LAST)
                break;
        }
    }
    return VB_OK;
}

/* An answer term, which counts only if the sentence turns out to say
 * nothing else (answer_hits()). */
static vb_status add_answer(vb_theme_matcher *m, const output *o, uint32_t first, uint32_t last)
{
    if (m->n_ahits == m->cap_ahits)
        TRY(vb_themes_grow(m->alloc, (void **)&m->ahits, &m->cap_ahits, m->n_ahits + 1,
                           sizeof *m->ahits));
    m->ahits[m->n_ahits++] = (sent_hit){o->theme, ROLE_FREE, first, last};
    return VB_OK;
}

/* The outputs of a prefix's list at token `at`; its NEAR operands are
 * noted for near_pairs(). */
static vb_status emit_prefix(vb_theme_matcher *m, uint32_t head, uint32_t at)
{
    const output *outs = m->t->outs;
    bool near = false;
    for (uint32_t i = head; i != 0; i = outs[i].next != 0 ? i + 1 : 0) {
        const output *o = &outs[i];
        if (near_operand(o)) {
            near_sets_add(&m->occ_rules, o);
            near = true;
        } else if (o->role == ROLE_ANSWER) {
            TRY(add_answer(m, o, at, at));
        } else {
            TRY(add_hit(m, o->theme, o->role, at, at));
        }
    }
    return near ? note_near(m, head, at, at) : VB_OK;
}

RARE
static vb_status add_opinion(vb_theme_matcher *m, const output *o, uint32_t first, uint32_t last)
{
    if (m->n_ohits == m->cap_ohits)
        TRY(vb_themes_grow(m->alloc, (void **)&m->ohits, &m->cap_ohits, m->n_ohits + 1,
                           sizeof *m->ohits));
    m->ohits[m->n_ohits++] = (opinion_hit){o->theme, first, last, o->valence};
    return VB_OK;
}

/* The outputs of a trie node's `out` list (no NEAR operands) at tokens
 * [first, last]. */
static vb_status emit_plain(vb_theme_matcher *m, uint32_t head, uint32_t first, uint32_t last)
{
    const output *outs = m->t->outs;
    for (uint32_t i = head; i != 0; i = outs[i].next != 0 ? i + 1 : 0) {
        const output *o = &outs[i];
        if ((o->exact | (o->role & (ROLE_OPINION | ROLE_ANSWER))) == 0) /* the usual output */
            TRY(add_hit(m, o->theme, o->role, first, last));
        else if (o->exact != 0 && !exact_ok(m, o->exact, first, last))
            continue;
        else if (o->role == ROLE_OPINION)
            TRY(add_opinion(m, o, first, last));
        else if (o->role == ROLE_ANSWER)
            TRY(add_answer(m, o, first, last));
        else
            TRY(add_hit(m, o->theme, o->role, first, last));
    }
    return VB_OK;
}

/* Prefixes that the token's lookup form starts with: one incremental hash
 * over the bytes, one probe at each length some prefix has. Most words
 * are shorter than every prefix or start with a byte none starts with,
 * and those are told without a hash. */
static vb_status prefix_hits(vb_theme_matcher *m, const vb_token *k, uint32_t i)
{
    const vb_themes *t = m->t;
    if (k->lookup_len < t->min_prefix_len) return VB_OK;
    const uint8_t first = (uint8_t)k->lookup[0];
    if (!((t->prefix_first[first >> 6] >> (first & 63)) & 1)) return VB_OK;
    size_t n = k->lookup_len < t->max_prefix_len ? k->lookup_len : t->max_prefix_len;
    uint64_t h = VB_SENTI_HASH_INIT;
    for (size_t len = 1; len <= n; len++) {
        h = vb_senti_hash_more(h, k->lookup + len - 1, 1);
        if (!t->prefix_len[len])
            continue;
        const str_slot *s = str_find(&t->prefixes, h, k->lookup, len);
        if (s != NULL)
            TRY(emit_prefix(m, s->value, i));
    }
    return VB_OK;
}

/* The first token of the sentence [first, end) whose norm form ends
 * after byte `at` of the sentence text (`end` if none). */
static size_t first_ending_after(const vb_theme_matcher *m, const vb_token *toks, size_t first,
                                 size_t end, size_t at)
{
    size_t lo = first, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->offs[mid - first] + toks[mid].norm_len <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first token of the sentence [first, end) that starts at or after
 * byte `at` of the sentence text (`end` if none). */
static size_t first_starting_at(const vb_theme_matcher *m, size_t first, size_t end, size_t at)
{
    size_t lo = first, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->offs[mid - first] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

RARE
static vb_status regex_hits(vb_theme_matcher *m, const vb_doc *doc, size_t first, size_t end)
{
    const vb_themes *t = m->t;
    TRY(vb_themes_grow(m->alloc, (void **)&m->offs, &m->cap_offs, end - first, sizeof *m->offs));
    vb_buf_reset(&m->text);
    for (size_t i = first; i < end; i++) {
        if (i > first)
            TRY(vb_buf_putc(&m->text, ' '));
        m->offs[i - first] = m->text.len;
        TRY(vb_buf_append(&m->text, doc->tokens[i].norm, doc->tokens[i].norm_len));
    }
    const char *s = m->text.data != NULL ? m->text.data : "";
    const size_t len = m->text.len;
    for (size_t r = 0; r < t->n_regexes; r++) {
        const regex_rule *rule = &t->regexes[r];
        if (m->regex_off[r])
            continue;
        size_t at = 0, ms, me;
        while (at <= len) {
            vb_regex_result res = vb_regex_find(rule->re, m->rx, s, len, at, &ms, &me);
            if (res == VB_REGEX_NOMATCH)
                break;
            if (res == VB_REGEX_LIMIT) {
                /* Skip this regex for the rest of the record, so a record
                 * costs at most one cut-off search per regex. */
                m->regex_off[r] = true;
                if (m->limit_hits++ == 0) {
                    char buf[300];
                    int n = snprintf(buf, sizeof buf,
                                     "theme \"%s\": %s %u hit the match limit; skipped",
                                     t->info[rule->theme].id, rule->list, rule->index);
                    m->warning = vb_arena_strndup(m->arena, buf, (size_t)n < sizeof buf
                                                                    ? (size_t)n
                                                                    : sizeof buf - 1);
                    if (m->warning == NULL)
                        return VB_ENOMEM;
                }
                break;
            }
            if (me > ms) {
                /* The tokens the match touches: from the first that ends
                 * after its start to the last that starts before its end
                 * (none when it matched only the spaces between tokens). */
                size_t a = first_ending_after(m, doc->tokens, first, end, ms);
                size_t b = first_starting_at(m, first, end, me);
                if (a < b)
                    TRY(add_hit(m, rule->theme, rule->role, (uint32_t)a, (uint32_t)(b - 1)));
                at = me;
            } else {
                if (ms >= len)
                    break;
                /* An empty match: step over one character. */
                at = ms + 1;
                while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
                    at++;
            }
        }
    }
    return VB_OK;
}

/* Chains hit `x` to theme `th` of the record, unless it lies inside the
 * theme's last hit and in its clause: then it changes neither the merged
 * spans nor the clauses the theme's sentiment is taken over (a word
 * inside a phrase just hit, "service" in "customer service", or a parent
 * given the same span by two children). */
static vb_status push_rec_hit(vb_theme_matcher *m, uint32_t th, const rec_hit *x)
{
    const uint32_t slot = m->rtheme_of[th];
    rec_theme *rt = slot != 0 ? &m->rthemes[slot - 1] : NULL;
    if (rt != NULL) {
        const rec_hit *tail = &m->rhits[rt->tail];
        if (x->clause == tail->clause && x->start >= tail->start && x->end <= tail->end)
            return VB_OK;
    }
    if (m->n_rhits >= m->cap_rhits) /* n_rhits starts at 1 */
        TRY(vb_themes_grow(m->alloc, (void **)&m->rhits, &m->cap_rhits, m->n_rhits + 1,
                           sizeof *m->rhits));
    const uint32_t at = (uint32_t)m->n_rhits++;
    m->rhits[at] = *x;
    if (rt == NULL) {
        if (m->n_rthemes == m->cap_rthemes)
            TRY(vb_themes_grow(m->alloc, (void **)&m->rthemes, &m->cap_rthemes,
                               m->n_rthemes + 1, sizeof *m->rthemes));
        m->rthemes[m->n_rthemes++] = (rec_theme){th, at, at, 1, true};
        m->rtheme_of[th] = (uint32_t)m->n_rthemes;
        return VB_OK;
    }
    rec_hit *tail = &m->rhits[rt->tail];
    if (x->start < tail->start || (x->start == tail->start && x->end < tail->end))
        rt->in_order = false;
    tail->next = at;
    rt->tail = at;
    rt->n_hits++;
    return VB_OK;
}

/* True when a parent (or theirs) of `theme` is excluded in this sentence:
 * an exclude cancels the theme with everything under it. */
RARE
static bool ancestor_excluded(const vb_theme_matcher *m, uint32_t theme)
{
    for (int32_t p = m->t->parent[theme]; p >= 0; p = m->t->parent[p])
        if (m->theme_gen[p] == m->gen && (m->theme_flags[p] & ROLE_EXCL))
            return true;
    return false;
}

/* Whether theme `th`, hit in this sentence, matches there: unless
 * excluded here, by its own free terms, or by its conditional terms where
 * its parent matches. Decided once per sentence. */
static bool decide(vb_theme_matcher *m, uint32_t th)
{
    const uint8_t f = m->theme_flags[th];
    if (f & FLAG_DECIDED)
        return (f & FLAG_MATCHED) != 0;
    bool matched = false;
    if (!(f & ROLE_EXCL) && !(m->any_excl && ancestor_excluded(m, th))) {
        if (f & ROLE_FREE) {
            matched = true;
        } else if (f & ROLE_COND) {
            const int32_t p = m->t->parent[th];
            matched = p >= 0 && m->theme_gen[p] == m->gen && decide(m, (uint32_t)p);
        }
    }
    m->theme_flags[th] = (uint8_t)(f | FLAG_DECIDED | (matched ? FLAG_MATCHED : 0));
    return matched;
}

/* decide(), with the common case inline: a theme hit by a free term in a
 * sentence without excludes. */
static inline bool matches(vb_theme_matcher *m, uint32_t th)
{
    const uint8_t f = m->theme_flags[th];
    if (f & FLAG_DECIDED)
        return (f & FLAG_MATCHED) != 0;
    if ((f & ROLE_FREE) && !m->any_excl) {
        m->theme_flags[th] = (uint8_t)(f | FLAG_DECIDED | FLAG_MATCHED);
        return true;
    }
    return decide(m, th);
}

/* Whether scoped exclude hit `x` reaches hit `h`: in its clause, or
 * overlapping it, as the exclude's theme says. */
static bool in_scope(const vb_theme_matcher *m, const sent_hit *x, const sent_hit *h)
{
    if (m->t->scope[x->theme] == VB_TAX_SCOPE_SPAN)
        return h->first <= x->last && x->first <= h->last;
    const vb_token *k = m->doc->tokens;
    return k[h->first].clause <= k[x->last].clause && k[x->first].clause <= k[h->last].clause;
}

/* Whether a scoped exclude of `h`'s theme or of an ancestor reaches `h`. */
static bool scoped_excluded(const vb_theme_matcher *m, const sent_hit *h)
{
    for (int32_t th = (int32_t)h->theme; th >= 0; th = m->t->parent[th]) {
        if (m->theme_gen[th] != m->gen || !(m->theme_flags[th] & ROLE_EXCL_SCOPED))
            continue;
        for (size_t i = 0; i < m->n_xhits; i++)
            if (m->xhits[i].theme == (uint32_t)th && in_scope(m, &m->xhits[i], h))
                return true;
    }
    return false;
}

/* Takes the hits marked HIT_DROPPED out of the sentence, and sets the
 * themes' role flags again from the hits that are left, so that decide()
 * sees only those. */
static void drop_marked(vb_theme_matcher *m)
{
    size_t kept = 0;
    for (size_t i = 0; i < m->n_shits; i++) {
        const sent_hit h = m->shits[i];
        m->theme_flags[h.theme] &= (uint8_t)~(ROLE_FREE | ROLE_COND);
        if (!(h.role & HIT_DROPPED))
            m->shits[kept++] = h;
    }
    m->n_shits = kept;
    for (size_t i = 0; i < kept; i++)
        m->theme_flags[m->shits[i].theme] |= (uint8_t)m->shits[i].role;
}

/* Drops the hits that scoped excludes reach, both sides of a NEAR pair
 * when either is reached. Runs only in a sentence with a scoped exclude
 * hit. */
RARE
static void cancel_scoped(vb_theme_matcher *m)
{
    bool any = false;
    for (size_t i = 0; i < m->n_shits; i++) {
        sent_hit *h = &m->shits[i];
        const size_t n = (h->role & HIT_PAIRED) ? 2 : 1; /* near_hit() adds a pair together */
        bool reached = false;
        for (size_t j = 0; j < n; j++)
            reached |= scoped_excluded(m, &h[j]);
        for (size_t j = 0; reached && j < n; j++)
            h[j].role |= HIT_DROPPED;
        any |= reached;
        i += n - 1;
    }
    if (any)
        drop_marked(m);
}

static uint32_t root_of(const vb_themes *t, uint32_t th)
{
    while (t->parent[th] >= 0)
        th = (uint32_t)t->parent[th];
    return th;
}

/* Whether hit `g` is of `parent` itself or a free one of its children. */
static bool of_parent(const vb_themes *t, const sent_hit *g, int32_t parent)
{
    return (int32_t)g->theme == parent || (t->parent[g->theme] == parent && (g->role & ROLE_FREE));
}

/* Whether clause `clause` of the sentence has a pronoun ("it", "they"),
 * which stands for a subject named in another clause. */
static bool has_pronoun(const vb_theme_matcher *m, uint32_t clause)
{
    const vb_token *k = m->doc->tokens;
    for (size_t i = m->s_first; i < m->s_end; i++)
        if (k[i].clause == clause && (k[i].flags & VB_TOKEN_PRONOUN))
            return true;
    return false;
}

/* Whether the words of hit `h` carry a valence of their own ("great",
 * "quick"), and so judge whatever their clause is about. Without a word
 * lexicon nothing is known to. */
static bool judges(const vb_doc *doc, const sent_hit *h)
{
    if (doc->entries == NULL || doc->lexicon != vb_senti_lex_is_contrast)
        return false;
    for (uint32_t i = h->first; i <= h->last; i++) {
        const vb_senti_entry *e = doc->entries[i];
        if (e != NULL && vb_senti_entry_judges(e))
            return true;
    }
    return false;
}

/* Whether conditional hit `h` borrows its parent from another clause of
 * the sentence while it judges something else: a word with a valence, in
 * a clause with no hit of the parent (nor a free one of the parent's
 * other children) but a free hit of another top-level theme on other
 * words, and no pronoun there or in the parent's clauses to tie the two
 * ("it arrived wrinkled", "sizes, but they were sold out"). (A word that
 * is both, as "colours" is a look and the colours offered, is not another
 * subject.) */
static bool borrows_parent(const vb_theme_matcher *m, const sent_hit *h)
{
    const vb_themes *t = m->t;
    const vb_token *k = m->doc->tokens;
    if (!judges(m->doc, h))
        return false;
    const int32_t parent = t->parent[h->theme];
    const uint32_t clause = k[h->first].clause, root = root_of(t, h->theme);
    bool other = false;
    for (size_t i = 0; i < m->n_shits; i++) {
        const sent_hit *g = &m->shits[i];
        if (k[g->first].clause != clause)
            continue;
        if (of_parent(t, g, parent))
            return false;
        if ((g->role & ROLE_FREE) && root_of(t, g->theme) != root &&
            (g->last < h->first || h->last < g->first))
            other = true;
    }
    if (!other || has_pronoun(m, clause))
        return false;
    for (size_t i = 0; i < m->n_shits; i++)
        if (of_parent(t, &m->shits[i], parent) && has_pronoun(m, k[m->shits[i].first].clause))
            return false;
    return true;
}

/* A child's conditional term counts where its parent matches in the
 * sentence, but not in a clause about something else: in "the food was
 * great but the service was slow", "great" is the food's, not friendly
 * staff. ("Love this top, although it ran small" keeps the fit: the
 * clause of "small" names nothing else.) Such hits are dropped, all
 * judged against the sentence's hits as found. A NEAR match is kept: its
 * rule is the context it needs. */
RARE
static void drop_borrowed(vb_theme_matcher *m)
{
    bool any = false;
    for (size_t i = 0; i < m->n_shits; i++) {
        sent_hit *h = &m->shits[i];
        if (h->role & HIT_PAIRED) {
            i++; /* and its other side */
        } else if ((h->role & ROLE_COND) && borrows_parent(m, h)) {
            h->role |= HIT_DROPPED;
            any = true;
        }
    }
    if (any)
        drop_marked(m);
}

/* Whether the sentence has a conditional hit and more than one clause, so
 * that drop_borrowed() may have something to do. */
static bool may_borrow(const vb_theme_matcher *m)
{
    const vb_token *k = m->doc->tokens;
    if (m->n_shits < 2 || k[m->s_first].clause == k[m->s_end - 1].clause)
        return false;
    for (size_t i = 0; i < m->n_shits; i++)
        if (m->shits[i].role & ROLE_COND)
            return true;
    return false;
}

/* Whether token `i` only weighs what an answer says: a stopword, a word
 * the sentiment lexicon has as a booster, negator, contrast or judgement
 * ("really", "not", "but", "great"), or no word at all (punctuation,
 * numbers, emoji). A word that names something (a URL, "staff",
 * "delivery") makes the sentence about that. */
static bool only_weighs(const vb_doc *doc, size_t i)
{
    const vb_token *k = &doc->tokens[i];
    switch (k->kind) {
    case VB_TOKEN_WORD:
        break;
    case VB_TOKEN_URL:
    case VB_TOKEN_EMAIL:
    case VB_TOKEN_MENTION:
    case VB_TOKEN_HASHTAG:
        return false;
    default:
        return true;
    }
    if (k->flags & VB_TOKEN_STOPWORD)
        return true;
    if (doc->entries == NULL || doc->lexicon != vb_senti_lex_is_contrast)
        return false;
    const vb_senti_entry *e = doc->entries[i];
    return e != NULL && (vb_senti_entry_judges(e) ||
                         (e->flags & (VB_LEX_BOOSTER | VB_LEX_NEGATOR | VB_LEX_CONTRAST |
                                      VB_LEX_EXCESS)) != 0);
}

/* Whether token `i` lies inside one of the sentence's `n` hits `h`
 * that have role bits `role`. */
static bool in_hits(const sent_hit *h, size_t n, uint32_t role, size_t i)
{
    for (size_t a = 0; a < n; a++)
        if ((h[a].role & role) && h[a].first <= i && i <= h[a].last)
            return true;
    return false;
}

/* Answer terms count, as free terms, in a sentence made of nothing but
 * them and words that only weigh them, before any sentence of the record
 * names something: the survey answers "Slow.", "Quick and friendly!",
 * "Not easy at all. Thanks". Elsewhere the word judges something named
 * ("slow delivery"; "This is my favourite dress. Simple, classy!"),
 * which the taxonomy's other terms are for; a word that is a free term
 * of a theme names that theme, even where it also judges ("Cute and
 * simple": the look). Once a record has named something, its sentences
 * are not looked at again. */
static vb_status answer_hits(vb_theme_matcher *m, const vb_doc *doc)
{
    for (size_t i = m->s_first; i < m->s_end; i++) {
        if (in_hits(m->ahits, m->n_ahits, ROLE_FREE, i))
            continue;
        if (!only_weighs(doc, i) || in_hits(m->shits, m->n_shits, ROLE_FREE, i)) {
            m->named = true;
            return VB_OK;
        }
    }
    for (size_t a = 0; a < m->n_ahits; a++)
        TRY(add_hit(m, m->ahits[a].theme, ROLE_FREE, m->ahits[a].first, m->ahits[a].last));
    return VB_OK;
}

/* Moves the spans of the themes that match in the sentence to the record,
 * each to the theme and all its ancestors. */
static vb_status resolve_sentence(vb_theme_matcher *m, const vb_doc *doc)
{
    const vb_themes *t = m->t;
    if (m->n_xhits > 0)
        cancel_scoped(m);
    if (may_borrow(m))
        drop_borrowed(m);
    for (size_t i = 0; i < m->n_shits; i++) {
        const sent_hit *h = &m->shits[i];
        if (!matches(m, h->theme))
            continue;
        const vb_token *a = &doc->tokens[h->first], *b = &doc->tokens[h->last];
        const rec_hit x = {0, a->clause, a->sentence, a->start, b->end};
        for (int32_t th = (int32_t)h->theme; th >= 0; th = t->parent[th])
            TRY(push_rec_hit(m, (uint32_t)th, &x));
    }
    return VB_OK;
}

/* The terms that start at token `i` of the sentence ending at `end`: the
 * trie walked from the token's node while the tokens after it go on a
 * phrase. The first node's TERM_* flags come with the token, so a token
 * whose node has nothing for it is passed over without loading the node. */
static ALWAYS_INLINE vb_status walk(vb_theme_matcher *m, size_t i, size_t end)
{
    const vb_themes *t = m->t;
    const uint32_t *ids = m->ids;
    uint32_t node = ids[i] & TERM_ID; /* a stem id is its one-token path's node */
    uint32_t has = ids[i];            /* TERM_OUT, TERM_NEAR, TERM_KIDS of the node */
    for (size_t j = i;;) {
        const trie_node *nd = &t->nodes[node];
        if (has & TERM_OUT) {
            if (nd->out & OUT_ONE)
                TRY(add_hit(m, nd->out & (OUT_THEME_LIMIT - 1), nd->out >> OUT_ROLE_SHIFT & 0xFF,
                            (uint32_t)i, (uint32_t)j));
            else
                TRY(emit_plain(m, nd->out, (uint32_t)i, (uint32_t)j));
        }
        if (has & TERM_NEAR)
            TRY(note_node(m, nd, (uint32_t)i, (uint32_t)j));
        if (!(has & TERM_KIDS) || ++j >= end)
            return VB_OK;
        const uint32_t next = ids[j];
        if (!(next & TERM_FOLLOWS) || !((nd->kids >> (next & 63)) & 1))
            return VB_OK;
        node = edge_find(&t->edges, node, next & TERM_ID);
        if (node == 0)
            return VB_OK;
        nd = &t->nodes[node];
        has = (nd->out != 0 ? TERM_OUT : 0) | (nd->near_out != 0 ? TERM_NEAR : 0) |
              (nd->kids != 0 ? TERM_KIDS : 0);
    }
}

/* The tokens of the sentence [first, end) where walk() can find
 * something, into m->starts: those whose node has outputs, and those
 * whose node has a phrase that the next token may go on (by the node's
 * mask of child ids). Most tokens that start a phrase ("the", "not",
 * "in") start none here, and whether one does follows the text, so the
 * test is made without branches and walk() is called only where it
 * pays. */
static size_t list_starts(vb_theme_matcher *m, size_t first, size_t end)
{
    const uint32_t *ids = m->ids;
    const trie_node *nodes = m->t->nodes;
    uint32_t *out = m->starts;
    size_t n = 0;
    for (size_t i = first; i + 1 < end; i++) {
        const uint32_t id = ids[i], next = ids[i + 1];
        /* A stem in no term is node 0, which has no children. */
        const uint64_t kids = nodes[id & TERM_ID].kids;
        const uint32_t goes_on = (uint32_t)(kids >> (next & 63)) & ((next & TERM_FOLLOWS) != 0);
        out[n] = (uint32_t)i;
        n += ((id & (TERM_OUT | TERM_NEAR)) != 0) | goes_on;
    }
    out[n] = (uint32_t)(end - 1);
    n += (ids[end - 1] & (TERM_OUT | TERM_NEAR)) != 0;
    return n;
}

static vb_status match_sentence(vb_theme_matcher *m, const vb_doc *doc, const vb_span *s)
{
    const vb_themes *t = m->t;
    if (++m->gen == 0) {
        /* 2^32 sentences later: forget every stamp once. */
        memset(m->theme_gen, 0, t->n_themes * sizeof *m->theme_gen);
        for (size_t i = 0; i < t->n_nears; i++) {
            m->nears[i].gen = 0;
            m->side_gen[2 * i] = m->side_gen[2 * i + 1] = 0;
        }
        m->gen = 1;
    }
    m->any_excl = false;
    m->n_shits = 0;
    m->n_xhits = 0;
    m->n_ahits = 0;
    const size_t first = s->first_token, end = s->first_token + s->n_tokens;
    const bool prefixes = t->max_prefix_len > 0;
    m->s_first = first;
    m->s_end = end;
    m->wpos_ready = false;
    m->n_occs = 0;
    m->n_npos = 0;
    memset(&m->occ_rules, 0, sizeof m->occ_rules);
    if (prefixes) {
        for (size_t i = first; i < end; i++) {
            if (m->ids[i] & TERM_STARTS)
                TRY(walk(m, i, end));
            if (doc->tokens[i].kind != VB_TOKEN_PUNCT)
                TRY(prefix_hits(m, &doc->tokens[i], (uint32_t)i));
        }
    } else if (end > first) {
        TRY(vb_themes_grow(m->alloc, (void **)&m->starts, &m->cap_starts, end - first,
                           sizeof *m->starts));
        const size_t n = list_starts(m, first, end);
        for (size_t k = 0; k < n; k++)
            TRY(walk(m, m->starts[k], end));
    }
    if (m->n_occs >= 2) /* a pair takes two */
        TRY(near_pairs(m));
    if (t->n_regexes > 0 && s->n_tokens > 0)
        TRY(regex_hits(m, doc, first, end));
    if (t->has_answers && !m->named)
        TRY(answer_hits(m, doc));
    if (m->n_shits == 0)
        return VB_OK;
    return resolve_sentence(m, doc);
}

vb_status vb_themes_match(vb_theme_matcher *m, const vb_doc *doc, const vb_doc_sentiment *ds,
                          vb_arena *arena, vb_theme_result *out)
{
    memset(out, 0, sizeof *out);
    const vb_themes *t = m->t;
    const size_t n = doc->n_tokens;
    if (n == 0)
        return VB_OK;
    /* Stem ids come with the doc when its vb_text knows this taxonomy
     * (vb_text_set_term_words() with vb_themes_term_id), cached per word. */
    if (doc->term_lexicon == vb_themes_term_id && doc->term_ctx == t && doc->terms != NULL) {
        m->ids = doc->terms;
    } else {
        TRY(vb_themes_grow(m->alloc, (void **)&m->own_ids, &m->cap_own_ids, n, sizeof *m->own_ids));
        for (size_t i = 0; i < n; i++)
            m->own_ids[i] = vb_themes_term_id(doc->tokens[i].stem, doc->tokens[i].stem_len, t);
        m->ids = m->own_ids;
    }
    m->doc = doc;
    /* Forget the last record's themes. */
    for (size_t i = 0; i < m->n_rthemes; i++)
        m->rtheme_of[m->rthemes[i].theme] = 0;
    m->n_rthemes = 0;
    m->n_rhits = 1;
    m->n_ohits = 0;
    m->named = false;
    m->warning = NULL;
    m->limit_hits = 0;
    m->arena = arena;
    if (t->n_regexes > 0)
        memset(m->regex_off, 0, t->n_regexes * sizeof *m->regex_off);
    for (size_t s = 0; s < doc->n_sentences; s++)
        TRY(match_sentence(m, doc, &doc->sentences[s]));
    out->warning = m->warning;
    out->regex_limit_hits = m->limit_hits;
    if (m->n_rthemes == 0)
        return VB_OK;
    return vb_themes_collect(m, ds, arena, out);
}

/* themes.c: compiles a taxonomy into the tables the theme matcher walks.
 *
 * At load, every match/match_alone/exclude/answer
 * term of the taxonomy (taxonomy.c) is run through a vb_text exactly as a
 * comment would be, and
 *  - each token stem is interned: a hash table maps stem -> id (1..n);
 *  - words and phrases become paths in a trie over stem ids, whose edges
 *    live in one hash table keyed by (node, stem id); the node where a
 *    term ends lists its outputs (theme, role);
 *  - prefixes go to a hash table of their own, keyed by the prefix's
 *    lookup form, with the set of prefix lengths in use;
 *  - an exact term (=word) is compiled as the same words, its output
 *    pointing at the lookup forms its tokens must have;
 *  - A NEAR/k B adds A and B as above with "near" outputs;
 *  - regexes are compiled by match.c.
 * Then the trie is packed for the matcher (pack_trie()): stem id k's
 * one-token path becomes node k, each output list one run, a lone plain
 * output moves into its node, and the stem table's ids get flags for what
 * their node has (TERM_*).
 * The structures are in themes_int.h; themes_match.c matches records
 * against them.
 */
#include "themes_int.h"

#include "alloc.h"
#include "buf.h"
#include "jsonw.h"
#include "lexicon.h" /* vb_senti_hash: FNV-1a, incremental */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vb_status str_grow(str_table *t, const vb_allocator *a)
{
    size_t n = t->n_slots == 0 ? 64 : t->n_slots * 2;
    str_slot *slots = vb_calloc(a, n, sizeof *slots);
    if (slots == NULL)
        return VB_ENOMEM;
    for (size_t k = 0; k < t->n_slots; k++) {
        if (t->slots[k].s == NULL)
            continue;
        size_t i = (size_t)t->slots[k].hash & (n - 1);
        while (slots[i].s != NULL)
            i = (i + 1) & (n - 1);
        slots[i] = t->slots[k];
    }
    vb_free(a, t->slots);
    t->slots = slots;
    t->n_slots = n;
    return VB_OK;
}

/* Finds `s` or adds it with value 0 (its text copied into `strings`). */
static vb_status str_intern(str_table *t, const vb_allocator *a, vb_arena *strings,
                            const char *s, size_t len, str_slot **out)
{
    uint64_t hash = vb_senti_hash(s, len);
    *out = str_find(t, hash, s, len);
    if (*out != NULL)
        return VB_OK;
    if ((t->n_used + 1) * 2 > t->n_slots)
        TRY(str_grow(t, a));
    char *copy = vb_arena_strndup(strings, s, len);
    if (copy == NULL)
        return VB_ENOMEM;
    size_t mask = t->n_slots - 1;
    size_t i = (size_t)hash & mask;
    while (t->slots[i].s != NULL)
        i = (i + 1) & mask;
    t->slots[i] = (str_slot){copy, hash, (uint32_t)len, 0};
    t->n_used++;
    *out = &t->slots[i];
    return VB_OK;
}


static vb_status edge_add(edge_table *t, const vb_allocator *a, uint32_t node, uint32_t id,
                          uint32_t child)
{
    if ((t->n_used + 1) * 2 > t->n_slots) {
        size_t n = t->n_slots == 0 ? 64 : t->n_slots * 2;
        edge_slot *slots = vb_calloc(a, n, sizeof *slots);
        if (slots == NULL)
            return VB_ENOMEM;
        for (size_t k = 0; k < t->n_slots; k++) {
            if (t->slots[k].key == 0)
                continue;
            size_t i = edge_hash(t->slots[k].key) & (n - 1);
            while (slots[i].key != 0)
                i = (i + 1) & (n - 1);
            slots[i] = t->slots[k];
        }
        vb_free(a, t->slots);
        t->slots = slots;
        t->n_slots = n;
    }
    const uint64_t key = (uint64_t)node << 32 | id;
    size_t mask = t->n_slots - 1;
    size_t i = edge_hash(key) & mask;
    while (t->slots[i].key != 0)
        i = (i + 1) & mask;
    t->slots[i] = (edge_slot){key, child};
    t->n_used++;
    return VB_OK;
}
vb_status vb_themes_grow(const vb_allocator *a, void **items, size_t *cap, size_t need,
                         size_t size)
{
    if (need <= *cap)
        return VB_OK;
    size_t new_cap = *cap == 0 ? 16 : *cap;
    while (new_cap < need)
        new_cap *= 2;
    if (vb_mul_overflows(new_cap, size))
        return VB_ENOMEM;
    void *p = vb_realloc(a, *items, new_cap * size);
    if (p == NULL)
        return VB_ENOMEM;
    *items = p;
    *cap = new_cap;
    return VB_OK;
}

void vb_themes_free(vb_themes *t)
{
    if (t == NULL)
        return;
    const vb_allocator *a = t->alloc;
    for (size_t i = 0; i < t->n_regexes; i++)
        vb_regex_free(t->regexes[i].re);
    vb_free(a, t->regexes);
    vb_free(a, t->exact);
    vb_free(a, t->scope);
    vb_free(a, t->parent);
    vb_free(a, t->nears);
    vb_free(a, t->outs);
    vb_free(a, t->near_ops);
    vb_free(a, t->nodes);
    vb_free(a, t->edges.slots);
    vb_free(a, t->stems.slots);
    vb_free(a, t->near_heads);
    vb_free(a, t->near_sets_block);
    vb_free(a, t->prefixes.slots);
    vb_free(a, t->info);
    vb_free(a, t->json_head);
    vb_free(a, t->json_head_len);
    vb_arena_free(&t->strings);
    vb_free(a, t);
}

size_t vb_themes_count(const vb_themes *t)
{
    return t != NULL ? t->n_themes : 0;
}

const vb_theme_info *vb_themes_info(const vb_themes *t, size_t index)
{
    return t != NULL && index < t->n_themes ? &t->info[index] : NULL;
}

size_t vb_themes_n_regex(const vb_themes *t)
{
    return t != NULL ? t->n_regexes : 0;
}

uint64_t vb_themes_fingerprint(const vb_themes *t)
{
    return t != NULL ? t->fingerprint : 0;
}

/* Adds an output to the list whose head is *head, unless the list has the
 * same output already (a theme listing "deliver" and "delivered", or a
 * phrase and its hyphenated spelling). */
static vb_status add_output(vb_themes *t, uint32_t *head, const output *o)
{
    for (uint32_t i = *head; i != 0; i = t->outs[i].next) {
        const output *h = &t->outs[i];
        if (h->theme == o->theme && h->role == o->role && h->near == o->near &&
            h->exact == o->exact && (h->role != ROLE_OPINION || h->valence == o->valence))
            return VB_OK;
    }
    if (t->n_outs == 0)
        t->n_outs = 1; /* outs[0] is the list end */
    TRY(vb_themes_grow(t->alloc, (void **)&t->outs, &t->cap_outs, t->n_outs + 1, sizeof *t->outs));
    t->outs[t->n_outs] = *o;
    t->outs[t->n_outs].next = *head;
    *head = (uint32_t)t->n_outs++;
    return VB_OK;
}

/* ---- compiling ------------------------------------------------------------ */

/* The start of each theme's JSON object, escaped once at load. */
static vb_status build_json_heads(vb_themes *t)
{
    t->json_head = vb_calloc(t->alloc, t->n_themes, sizeof *t->json_head);
    t->json_head_len = vb_calloc(t->alloc, t->n_themes, sizeof *t->json_head_len);
    if (t->json_head == NULL || t->json_head_len == NULL)
        return VB_ENOMEM;
    vb_buf b;
    vb_buf_init(&b, t->alloc, (size_t)1 << 20);
    vb_status st = VB_OK;
    for (size_t i = 0; i < t->n_themes && st == VB_OK; i++) {
        const vb_theme_info *info = &t->info[i];
        vb_buf_reset(&b);
        if ((st = vb_buf_puts(&b, "{\"id\":")) != VB_OK ||
            (st = vb_json_string(&b, info->id, strlen(info->id))) != VB_OK ||
            (st = vb_buf_puts(&b, ",\"label\":")) != VB_OK ||
            (st = vb_json_string(&b, info->label, strlen(info->label))) != VB_OK ||
            (st = vb_buf_puts(&b, ",\"sentiment\":")) != VB_OK)
            break;
        t->json_head[i] = vb_arena_strndup(&t->strings, b.data, b.len);
        t->json_head_len[i] = b.len;
        if (t->json_head[i] == NULL)
            st = VB_ENOMEM;
    }
    vb_buf_free(&b);
    return st;
}

void vb_themes_json_head(const vb_themes *t, size_t index, const char **json, size_t *len)
{
    *json = t->json_head[index];
    *len = t->json_head_len[index];
}

void vb_themes_json_heads(const vb_themes *t, const char *const **json, const size_t **len)
{
    *json = t->json_head;
    *len = t->json_head_len;
}

typedef struct compiler {
    vb_themes *t;
    const vb_taxonomy *tax;
    vb_text *text;
    vb_arena scratch;           /* one term's analysis */
    vb_tax_report_fn report;
    void *ctx;
    size_t n_problems;
    bool *has_terms;            /* per theme: has match, match_alone or regex entries */
} compiler;

static void problem(compiler *c, const vb_tax_term *term, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void problem(compiler *c, const vb_tax_term *term, const char *fmt, ...)
{
    char path[1200], msg[768];
    if (term->path != NULL)
        snprintf(path, sizeof path, "%s", term->path);
    else
        snprintf(path, sizeof path, "%s.%s[%u]", c->tax->themes[term->theme].path,
                 vb_tax_list_names[term->list], term->index);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->n_problems++;
    if (c->report != NULL)
        c->report(path, msg, c->ctx);
}

/* Keeps the lookup forms of an exact term's tokens, in a run; *first is
 * 1 + the index of the first. */
static vb_status add_exact_forms(vb_themes *t, const vb_doc *doc, uint32_t *first)
{
    TRY(vb_themes_grow(t->alloc, (void **)&t->exact, &t->cap_exact, t->n_exact + doc->n_tokens,
                       sizeof *t->exact));
    *first = (uint32_t)t->n_exact + 1;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const vb_token *k = &doc->tokens[i];
        const char *s = vb_arena_strndup(&t->strings, k->lookup, k->lookup_len);
        if (s == NULL)
            return VB_ENOMEM;
        t->exact[t->n_exact++] = (exact_form){s, k->lookup_len};
    }
    return VB_OK;
}

/* The trie path of the stems of `doc`'s tokens, output `o` added where it
 * ends. */
static vb_status add_path(vb_themes *t, const vb_doc *doc, const output *o)
{
    uint32_t node = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const vb_token *k = &doc->tokens[i];
        str_slot *slot;
        TRY(str_intern(&t->stems, t->alloc, &t->strings, k->stem, k->stem_len, &slot));
        if (slot->value == 0)
            slot->value = (uint32_t)t->stems.n_used;
        uint32_t child = edge_find(&t->edges, node, slot->value);
        if (child == 0) {
            TRY(vb_themes_grow(t->alloc, (void **)&t->nodes, &t->cap_nodes, t->n_nodes + 1,
                     sizeof *t->nodes));
            child = (uint32_t)t->n_nodes++;
            t->nodes[child] = (trie_node){0};
            TRY(edge_add(&t->edges, t->alloc, node, slot->value, child));
            t->nodes[node].kids |= (uint64_t)1 << (slot->value & 63);
        }
        node = child;
    }
    return add_output(t, near_operand(o) ? &t->nodes[node].near_out : &t->nodes[node].out, o);
}

/* Customers write a compound apart, hyphenated or closed up, and a
 * taxonomy lists one form: "customer service" is also written
 * "customer-service", "true to size" "true-to-size", "check-in"
 * "checkin". So a term's words are compiled in their other spellings
 * too: where the term has a space, a hyphen; where it has a hyphen,
 * nothing. Not the other way: a phrase closed up or a compound taken
 * apart can be other words ("check out" is not "checkout", "running
 * around" no "run-around"). With more than MAX_ALL_JOINS joins, only the
 * term all hyphenated. The closed-up form of a hyphenated word in a
 * comment is the matcher's (text.c). */
#define MAX_ALL_JOINS 3
#define MAX_SPELLING_BYTES 256
#define MAX_SPELLING_PARTS 16 /* a longer term has no other spellings */

enum { JOIN_SPACE, JOIN_HYPHEN }; /* how the term joins two parts */

/* The words of a term cut at its spaces and hyphens: the parts, one
 * after the other, and how each joins the next. */
typedef struct term_parts {
    char text[MAX_SPELLING_BYTES];
    size_t end[MAX_SPELLING_PARTS];  /* part i is text[end[i-1], end[i]) */
    uint8_t join[MAX_SPELLING_PARTS]; /* JOIN_*: between part i and i + 1 */
    size_t n;
} term_parts;

/* False for a term that is not all words, has an empty part or is too
 * long. */
static bool cut_term(const vb_doc *doc, term_parts *p)
{
    size_t used = 0;
    p->n = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const vb_token *k = &doc->tokens[i];
        if (k->kind != VB_TOKEN_WORD || used + k->norm_len > sizeof p->text)
            return false;
        for (size_t j = 0; j <= k->norm_len; j++) {
            if (j < k->norm_len && k->norm[j] != '-') {
                p->text[used++] = k->norm[j];
                continue;
            }
            if (used == (p->n > 0 ? p->end[p->n - 1] : 0) || p->n == MAX_SPELLING_PARTS)
                return false;
            p->join[p->n] = j < k->norm_len ? JOIN_HYPHEN : JOIN_SPACE;
            p->end[p->n++] = used;
        }
    }
    return true;
}

/* Compiles the parts joined by `sep` (a '\0' joins with nothing), unless
 * the spelling does not read as one sentence of words ("24-7" is numbers). */
static vb_status compile_spelling(compiler *c, const term_parts *p, const char *sep,
                                  const output *o)
{
    char text[MAX_SPELLING_BYTES + MAX_SPELLING_PARTS];
    size_t len = 0;
    for (size_t i = 0, from = 0; i < p->n; from = p->end[i++]) {
        memcpy(text + len, p->text + from, p->end[i] - from);
        len += p->end[i] - from;
        if (i + 1 < p->n && sep[i] != '\0')
            text[len++] = sep[i];
    }
    vb_doc doc;
    vb_arena_reset(&c->scratch);
    vb_text_forget(c->text);
    TRY(vb_text_analyze(c->text, &c->scratch, text, len, &doc));
    if (doc.n_sentences != 1)
        return VB_OK;
    for (size_t i = 0; i < doc.n_tokens; i++)
        if (doc.tokens[i].kind != VB_TOKEN_WORD)
            return VB_OK;
    return add_path(c->t, &doc, o);
}

static vb_status compile_spellings(compiler *c, const vb_doc *doc, const output *o)
{
    term_parts p;
    if (!cut_term(doc, &p) || p.n < 2)
        return VB_OK;
    const size_t n_joins = p.n - 1;
    char sep[MAX_SPELLING_PARTS];
    if (n_joins > MAX_ALL_JOINS) {
        memset(sep, '-', n_joins);
        return compile_spelling(c, &p, sep, o);
    }
    /* Spelling v's join j is its kind's other choice where bit j of v is
     * set; v = 0 is the term itself. */
    static const char choices[2][2] = {[JOIN_SPACE] = {' ', '-'}, [JOIN_HYPHEN] = {'-', '\0'}};
    for (size_t v = 1; v < (size_t)1 << n_joins; v++) {
        for (size_t j = 0; j < n_joins; j++)
            sep[j] = choices[p.join[j]][v >> j & 1];
        TRY(compile_spelling(c, &p, sep, o));
    }
    return VB_OK;
}

/* Compiles one operand, adding (theme, role, near) to the node or prefix
 * where it ends. A problem is reported and skipped (VB_OK). */
static vb_status compile_side(compiler *c, const vb_tax_term *term, const vb_tax_side *side,
                              uint32_t role, uint32_t near)
{
    vb_themes *t = c->t;
    vb_doc doc;
    vb_arena_reset(&c->scratch);
    vb_text_forget(c->text);
    TRY(vb_text_analyze(c->text, &c->scratch, side->text, side->len, &doc));
    size_t n_words = 0;
    for (size_t i = 0; i < doc.n_tokens; i++)
        n_words += doc.tokens[i].kind != VB_TOKEN_PUNCT;
    if (n_words == 0) {
        problem(c, term, "no words in \"%s\"", side->text);
        return VB_OK;
    }
    if (side->prefix) {
        const vb_token *k = &doc.tokens[0];
        if (doc.n_tokens != 1) {
            problem(c, term, "a prefix is one word followed by * (e.g. parcel*)");
            return VB_OK;
        }
        if (k->lookup_len > MAX_PREFIX_BYTES) {
            problem(c, term, "prefix longer than %d bytes", MAX_PREFIX_BYTES);
            return VB_OK;
        }
        str_slot *slot;
        TRY(str_intern(&t->prefixes, t->alloc, &t->strings, k->lookup, k->lookup_len, &slot));
        const output o = {.theme = term->theme, .role = role, .near = near};
        TRY(add_output(t, &slot->value, &o));
        t->prefix_len[k->lookup_len] = true;
        if (t->min_prefix_len == 0 || k->lookup_len < t->min_prefix_len)
            t->min_prefix_len = k->lookup_len;
        if (k->lookup_len > t->max_prefix_len)
            t->max_prefix_len = k->lookup_len;
        const uint8_t b = (uint8_t)k->lookup[0];
        t->prefix_first[b >> 6] |= UINT64_C(1) << (b & 63);
        return VB_OK;
    }
    if (doc.n_sentences > 1) {
        problem(c, term, "a phrase cannot span sentences");
        return VB_OK;
    }
    uint32_t exact = 0;
    if (side->exact)
        TRY(add_exact_forms(t, &doc, &exact));
    const output o = {.theme = term->theme,
                      .role = role,
                      .near = near,
                      .exact = exact,
                      .valence = (float)term->valence};
    TRY(add_path(t, &doc, &o));
    /* An exact term is the form it gives, and only that. */
    return side->exact ? VB_OK : compile_spellings(c, &doc, &o);
}

/* A child's `match` terms and regexes are conditional on its parent,
 * unless the parent has no terms of its own (a theme that only groups
 * children), where they could never count. An exclude reaches the
 * sentence or, with a narrower exclude_scope, only nearby hits. An
 * answer counts on its own, where the sentence says nothing else
 * (themes_match.c). */
static uint32_t role_of(const compiler *c, const vb_tax_theme *th, vb_tax_list list)
{
    if (vb_tax_list_excludes(list))
        return th->exclude_scope == VB_TAX_SCOPE_SENTENCE ? ROLE_EXCL : ROLE_EXCL_SCOPED;
    if (list == VB_TAX_OPINION)
        return ROLE_OPINION;
    if (list == VB_TAX_ANSWER)
        return ROLE_ANSWER;
    if (list == VB_TAX_MATCH_ALONE || th->parent < 0 || !c->has_terms[th->parent])
        return ROLE_FREE;
    return ROLE_COND;
}

static vb_status compile_term(compiler *c, const vb_tax_term *term)
{
    vb_themes *t = c->t;
    const uint32_t role = role_of(c, &c->tax->themes[term->theme], term->list);
    if (vb_tax_list_is_regex(term->list)) {
        vb_regex *re;
        size_t offset;
        char msg[256];
        vb_status st = vb_regex_compile(term->raw, term->raw_len, t->alloc, &re, &offset, msg,
                                        sizeof msg);
        if (st == VB_EPARSE) {
            problem(c, term, "bad regex at offset %zu: %s", offset, msg);
            return VB_OK;
        }
        TRY(st);
        st = vb_themes_grow(t->alloc, (void **)&t->regexes, &t->cap_regexes, t->n_regexes + 1,
                  sizeof *t->regexes);
        if (st != VB_OK) {
            vb_regex_free(re);
            return st;
        }
        t->regexes[t->n_regexes++] =
            (regex_rule){re, term->theme, role, term->index + 1, vb_tax_list_names[term->list]};
        return VB_OK;
    }
    if (term->near_k == 0) return compile_side(c, term, &term->a, role, 0);
    TRY(vb_themes_grow(t->alloc, (void **)&t->nears, &t->cap_nears, t->n_nears + 1, sizeof *t->nears));
    const uint32_t near = (uint32_t)t->n_nears++;
    t->nears[near] = (near_rule){term->theme, role, term->near_k, term->near_ordered};
    for (const vb_tax_side *side = &term->a; side != NULL; side = side->next_alt)
        TRY(compile_side(c, term, side, ROLE_NEAR_A, near));
    for (const vb_tax_side *side = &term->b; side != NULL; side = side->next_alt)
        TRY(compile_side(c, term, side, ROLE_NEAR_B, near));
    return VB_OK;
}

/* ---- the layout the matcher walks ---------------------------------------- */

/* The trie_node.out of a list that is one plain output, or 0. */
static uint32_t lone_output(const output *outs, uint32_t head)
{
    if (head == 0 || outs[head].next != 0 || outs[head].exact != 0 ||
        outs[head].theme >= OUT_THEME_LIMIT)
        return 0;
    const uint32_t role = outs[head].role;
    if (role != ROLE_FREE && role != ROLE_COND && role != ROLE_EXCL && role != ROLE_EXCL_SCOPED)
        return 0;
    return OUT_ONE | role << OUT_ROLE_SHIFT | outs[head].theme;
}

/* Copies list `head` of `src` to dst[*n...] as one run; returns its new
 * head. */
static uint32_t copy_run(const output *src, uint32_t head, output *dst, size_t *n)
{
    if (head == 0)
        return 0;
    const uint32_t first = (uint32_t)*n;
    for (uint32_t i = head; i != 0; i = src[i].next) {
        dst[*n] = src[i];
        dst[*n].next = src[i].next != 0 ? (uint32_t)*n + 1 : 0;
        (*n)++;
    }
    return first;
}

/* Lays the output lists out as runs (see trie_node): node lists first, in
 * node order, then the prefixes'. */
static vb_status pack_outputs(vb_themes *t)
{
    output *packed = vb_calloc(t->alloc, t->n_outs > 0 ? t->n_outs : 1, sizeof *packed);
    if (packed == NULL)
        return VB_ENOMEM;
    size_t n = 1;
    for (size_t i = 0; i < t->n_nodes; i++) {
        trie_node *nd = &t->nodes[i];
        const uint32_t lone = lone_output(t->outs, nd->out);
        nd->out = lone != 0 ? lone : copy_run(t->outs, nd->out, packed, &n);
        nd->near_out = copy_run(t->outs, nd->near_out, packed, &n);
    }
    for (size_t i = 0; i < t->prefixes.n_slots; i++)
        if (t->prefixes.slots[i].s != NULL)
            t->prefixes.slots[i].value = copy_run(t->outs, t->prefixes.slots[i].value, packed, &n);
    vb_free(t->alloc, t->outs);
    t->outs = packed;
    t->n_outs = t->cap_outs = n;
    return VB_OK;
}

/* The NEAR_OP_* word of each packed output (vb_themes.near_ops). */
static vb_status near_ops(vb_themes *t)
{
    if (t->n_nears > NEAR_OP_SIDE / 2)
        return VB_ELIMIT;
    t->near_ops = vb_calloc(t->alloc, t->n_outs, sizeof *t->near_ops);
    if (t->near_ops == NULL)
        return VB_ENOMEM;
    for (size_t i = 1; i < t->n_outs; i++) {
        const output *o = &t->outs[i];
        t->near_ops[i] = (near_operand(o) ? o->near * 2 + near_side(o) : NEAR_OP_NONE) |
                         (o->next == 0 ? NEAR_OP_LAST : 0);
    }
    return VB_OK;
}

/* Moves each node's run of NEAR operands (packed) to vb_themes.near_heads,
 * with the sets of their rules beside it, and points the node there. */
static vb_status near_nodes(vb_themes *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_nodes; i++)
        n += t->nodes[i].near_out != 0;
    t->near_heads = vb_calloc(t->alloc, n > 0 ? n : 1, sizeof *t->near_heads);
    t->near_sets = vb_calloc_lines(t->alloc, n > 0 ? n : 1, sizeof *t->near_sets,
                                   &t->near_sets_block);
    if (t->near_heads == NULL || t->near_sets == NULL)
        return VB_ENOMEM;
    t->n_near_nodes = n;
    n = 0;
    for (size_t i = 0; i < t->n_nodes; i++) {
        const uint32_t head = t->nodes[i].near_out;
        if (head == 0)
            continue;
        for (uint32_t o = head; o != 0; o = t->outs[o].next != 0 ? o + 1 : 0)
            near_sets_add(&t->near_sets[n], &t->outs[o]);
        t->near_heads[n] = head;
        t->nodes[i].near_out = (uint32_t)++n;
    }
    return VB_OK;
}

/* Renumbers the trie so that stem id k's one-token path is node k (see
 * trie_node), with the edges to match. */
static vb_status pack_nodes(vb_themes *t)
{
    const size_t n_ids = t->stems.n_used, n_old = t->n_nodes;
    uint32_t *new_of = vb_calloc(t->alloc, n_old, sizeof *new_of);
    if (new_of == NULL)
        return VB_ENOMEM;
    for (size_t i = 0; i < t->stems.n_slots; i++) {
        const str_slot *e = &t->stems.slots[i];
        const uint32_t node = e->s != NULL ? edge_find(&t->edges, 0, e->value) : 0;
        if (node != 0)
            new_of[node] = e->value;
    }
    size_t n = n_ids + 1;
    for (size_t i = 1; i < n_old; i++)
        if (new_of[i] == 0)
            new_of[i] = (uint32_t)n++;
    trie_node *nodes = vb_calloc(t->alloc, n, sizeof *nodes);
    edge_table edges = {0};
    vb_status st = nodes != NULL ? VB_OK : VB_ENOMEM;
    for (size_t i = 1; st == VB_OK && i < n_old; i++)
        nodes[new_of[i]] = t->nodes[i];
    for (size_t i = 0; st == VB_OK && i < t->edges.n_slots; i++) {
        const uint64_t key = t->edges.slots[i].key;
        const uint32_t from = (uint32_t)(key >> 32);
        if (key != 0 && from != 0)
            st = edge_add(&edges, t->alloc, new_of[from], (uint32_t)key,
                          new_of[t->edges.slots[i].child]);
    }
    vb_free(t->alloc, new_of);
    if (st != VB_OK) {
        vb_free(t->alloc, nodes);
        vb_free(t->alloc, edges.slots);
        return st;
    }
    vb_free(t->alloc, t->nodes);
    vb_free(t->alloc, t->edges.slots);
    t->nodes = nodes;
    t->n_nodes = t->cap_nodes = n;
    t->edges = edges;
    return VB_OK;
}

/* Adds the TERM_* flags to the stem ids in the stem table (packed). */
static vb_status flag_term_ids(vb_themes *t)
{
    const size_t n_ids = t->stems.n_used;
    bool *follows = vb_calloc(t->alloc, n_ids + 1, sizeof *follows);
    if (follows == NULL)
        return VB_ENOMEM;
    for (size_t i = 0; i < t->edges.n_slots; i++)
        if (t->edges.slots[i].key != 0)
            follows[(uint32_t)t->edges.slots[i].key] = true;
    for (size_t i = 0; i < t->stems.n_slots; i++) {
        str_slot *e = &t->stems.slots[i];
        if (e->s == NULL)
            continue;
        const trie_node *nd = &t->nodes[e->value];
        e->value |= (nd->out != 0 ? TERM_OUT : 0) | (nd->near_out != 0 ? TERM_NEAR : 0) |
                    (nd->kids != 0 ? TERM_KIDS : 0) | (follows[e->value] ? TERM_FOLLOWS : 0);
    }
    vb_free(t->alloc, follows);
    return VB_OK;
}

static vb_status pack_trie(vb_themes *t)
{
    if (t->stems.n_used > TERM_ID)
        return VB_ELIMIT;
    TRY(pack_nodes(t));
    TRY(pack_outputs(t));
    TRY(near_ops(t));
    TRY(near_nodes(t));
    return flag_term_ids(t);
}

static vb_status compile(compiler *c)
{
    vb_themes *t = c->t;
    const vb_taxonomy *tax = c->tax;
    if (tax->n_themes == 0)
        return VB_OK;
    t->info = vb_calloc(t->alloc, tax->n_themes, sizeof *t->info);
    t->scope = vb_calloc(t->alloc, tax->n_themes, sizeof *t->scope);
    t->parent = vb_calloc(t->alloc, tax->n_themes, sizeof *t->parent);
    if (t->info == NULL || t->scope == NULL || t->parent == NULL)
        return VB_ENOMEM;
    for (size_t i = 0; i < tax->n_themes; i++) {
        const vb_tax_theme *th = &tax->themes[i];
        t->info[i].id = vb_arena_strndup(&t->strings, th->id, strlen(th->id));
        t->info[i].label = vb_arena_strndup(&t->strings, th->label, strlen(th->label));
        if (t->info[i].id == NULL || t->info[i].label == NULL)
            return VB_ENOMEM;
        t->info[i].parent = th->parent;
        t->parent[i] = th->parent;
        t->scope[i] = (uint8_t)th->exclude_scope;
    }
    t->n_themes = tax->n_themes;
    TRY(vb_themes_grow(t->alloc, (void **)&t->nodes, &t->cap_nodes, 1, sizeof *t->nodes));
    t->nodes[0] = (trie_node){0};
    t->n_nodes = 1;
    c->has_terms = vb_calloc(t->alloc, tax->n_themes, sizeof *c->has_terms);
    vb_status st = c->has_terms != NULL ? VB_OK : VB_ENOMEM;
    for (size_t i = 0; i < tax->n_terms && st == VB_OK; i++) {
        /* Answers count in so few sentences that a child's terms
         * conditional on them would hardly ever count. */
        if (tax->terms[i].list == VB_TAX_ANSWER)
            t->has_answers = true;
        else if (vb_tax_list_matches(tax->terms[i].list))
            c->has_terms[tax->terms[i].theme] = true;
    }
    for (size_t i = 0; i < tax->n_terms && st == VB_OK; i++)
        st = compile_term(c, &tax->terms[i]);
    if (st == VB_OK)
        st = pack_trie(t);
    if (st == VB_OK)
        st = build_json_heads(t);
    vb_free(t->alloc, c->has_terms);
    c->has_terms = NULL;
    return st;
}

/* Reports a language the taxonomy names that is not the analysis language.
 * Returns VB_OK or VB_ENOMEM; *mismatch says whether they differ. */
static vb_status check_language(compiler *c, const vb_lang *lang, bool report, bool *mismatch)
{
    *mismatch = false;
    const char *want = c->tax->language;
    if (want == NULL)
        return VB_OK;
    vb_error e;
    vb_lang *tl = vb_lang_load(NULL, want, c->t->alloc, &e);
    if (tl == NULL) {
        if (e.code == VB_ENOMEM)
            return VB_ENOMEM;
        *mismatch = true;
        if (report) {
            c->n_problems++;
            if (c->report != NULL)
                c->report("$.language", "unknown language (see 'verbatim --help' for --lang)",
                          c->ctx);
        }
        return VB_OK;
    }
    if (strcmp(vb_lang_stemmer_name(tl), vb_lang_stemmer_name(lang)) != 0) {
        *mismatch = true;
        if (report) {
            char msg[256];
            snprintf(msg, sizeof msg, "the taxonomy is for %s, the analysis language is %s",
                     vb_lang_stemmer_name(tl), vb_lang_stemmer_name(lang));
            c->n_problems++;
            if (c->report != NULL)
                c->report("$.language", msg, c->ctx);
        }
    }
    vb_lang_free(tl);
    return VB_OK;
}

/* ---- Fingerprint ---------------------------------------------------------- */

/* `v`'s 8 bytes, least significant first: the same on every machine. */
static void le64(char out[8], uint64_t v)
{
    for (int i = 0; i < 8; i++)
        out[i] = (char)(v >> (8 * i));
}

/* Continues FNV-1a with a field: its length first, so that fields cannot
 * run into each other ("ab" "c" is not "a" "bc"). NULL differs from "". */
static uint64_t fp_field(uint64_t h, const char *s, size_t len)
{
    char n[8];
    le64(n, s != NULL ? (uint64_t)len : UINT64_MAX);
    h = vb_senti_hash_more(h, n, sizeof n);
    return s != NULL ? vb_senti_hash_more(h, s, len) : h;
}

static uint64_t fp_str(uint64_t h, const char *s)
{
    return fp_field(h, s, s != NULL ? strlen(s) : 0);
}

static uint64_t fp_u64(uint64_t h, uint64_t v)
{
    char bytes[8];
    le64(bytes, v);
    return fp_field(h, bytes, sizeof bytes);
}

/* MurmurHash3's finaliser: every input bit reaches every output bit, so
 * that the sum below is not fooled by FNV's weak high bits. */
static uint64_t fp_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* The fingerprint of `tax` compiled for `lang` (vb_themes_fingerprint()):
 * one hash per theme (id, label, parent's id, exclude scope) and per term
 * (its theme's id, list, text as written, opinion valence), added up, so
 * that the order of themes, terms and keys in the file does not count;
 * nor do whitespace, "name", "description" and "x-" keys, which match
 * nothing. */
static uint64_t taxonomy_fingerprint(const vb_taxonomy *tax, const vb_lang *lang)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < tax->n_themes; i++) {
        const vb_tax_theme *th = &tax->themes[i];
        uint64_t h = fp_str(VB_SENTI_HASH_INIT, "theme");
        h = fp_str(h, th->id);
        h = fp_str(h, th->label);
        h = fp_str(h, th->parent >= 0 ? tax->themes[th->parent].id : NULL);
        h = fp_u64(h, (uint64_t)th->exclude_scope);
        sum += fp_mix(h);
    }
    for (size_t i = 0; i < tax->n_terms; i++) {
        const vb_tax_term *t = &tax->terms[i];
        const double valence = t->list == VB_TAX_OPINION && t->valence != 0 ? t->valence : 0;
        uint64_t bits;
        memcpy(&bits, &valence, sizeof bits);
        uint64_t h = fp_str(VB_SENTI_HASH_INIT, "term");
        h = fp_str(h, tax->themes[t->theme].id);
        h = fp_u64(h, (uint64_t)t->list);
        h = fp_field(h, t->raw, t->raw_len);
        h = fp_u64(h, bits);
        sum += fp_mix(h);
    }
    uint64_t h = fp_str(VB_SENTI_HASH_INIT, "verbatim taxonomy");
    h = fp_str(h, vb_lang_stemmer_name(lang));
    h = fp_mix(fp_u64(h, sum));
    return h != 0 ? h : 1; /* 0 means no taxonomy */
}

/* The work of vb_themes_compile_file(); `lenient_language` turns a
 * language mismatch into "no themes" instead of a problem. `lang` NULL:
 * the taxonomy's own language, else English. */
static vb_status compile_file(const char *path, const vb_lang *lang, const vb_allocator *a,
                              vb_tax_report_fn report, void *ctx, bool lenient_language,
                              vb_themes **out, size_t *n_problems, vb_error *err)
{
    *out = NULL;
    *n_problems = 0;
    a = vb_allocator_or_default(a);
    vb_taxonomy *tax;
    size_t n_syntax;
    vb_status st = vb_taxonomy_read(path, a, report, ctx, &tax, &n_syntax, err);
    if (st != VB_OK)
        return st;

    compiler c;
    memset(&c, 0, sizeof c);
    c.tax = tax;
    c.report = report;
    c.ctx = ctx;
    c.n_problems = n_syntax;
    vb_arena_init(&c.scratch, a, 4096);
    vb_lang *own_lang = NULL;
    c.t = vb_calloc(a, 1, sizeof *c.t);
    if (c.t == NULL) {
        st = VB_ENOMEM;
        goto done;
    }
    c.t->alloc = a;
    vb_arena_init(&c.t->strings, a, 16384);
    if (lang == NULL) {
        vb_error e;
        own_lang = vb_lang_load(NULL, tax->language != NULL ? tax->language : "english", a, &e);
        if (own_lang == NULL && e.code == VB_ENOMEM) {
            st = VB_ENOMEM;
            goto done;
        }
        if (own_lang == NULL) {
            c.n_problems++;
            if (report != NULL)
                report("$.language", "unknown language", ctx);
            own_lang = vb_lang_load(NULL, "english", a, &e);
            if (own_lang == NULL) {
                st = VB_ENOMEM;
                goto done;
            }
        }
        lang = own_lang;
    } else {
        bool mismatch;
        st = check_language(&c, lang, !lenient_language, &mismatch);
        if (st != VB_OK || (mismatch && lenient_language))
            goto done;
    }
    c.text = vb_text_new(lang, a);
    if (c.text == NULL) {
        st = VB_ENOMEM;
        goto done;
    }
    st = compile(&c);

done:
    if (st == VB_ENOMEM && err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_ENOMEM;
        snprintf(err->source, sizeof err->source, "%.255s", path);
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    if (st == VB_OK && c.n_problems == 0 && c.t != NULL && c.t->info != NULL) {
        c.t->fingerprint = taxonomy_fingerprint(tax, lang);
        *out = c.t;
        c.t = NULL;
    }
    *n_problems = c.n_problems;
    vb_themes_free(c.t);
    vb_text_free(c.text);
    vb_lang_free(own_lang);
    vb_arena_free(&c.scratch);
    vb_taxonomy_free(tax);
    return st;
}

vb_status vb_themes_compile_file(const char *path, const vb_lang *lang, const vb_allocator *a,
                                 vb_tax_report_fn report, void *ctx, vb_themes **out,
                                 size_t *n_problems, vb_error *err)
{
    return compile_file(path, lang, a, report, ctx, false, out, n_problems, err);
}

/* Keeps the first problem for vb_error. */
typedef struct first_problem {
    char path[256];
    char message[400];
    size_t n;
} first_problem;

static void keep_first(const char *json_path, const char *message, void *ctx)
{
    first_problem *f = ctx;
    if (f->n++ == 0) {
        snprintf(f->path, sizeof f->path, "%s", json_path);
        snprintf(f->message, sizeof f->message, "%s", message);
    }
}

vb_status vb_themes_load(const char *data_dir, const char *taxonomy, const vb_lang *lang,
                         const vb_allocator *a, vb_themes **out, vb_error *err)
{
    *out = NULL;
    if (taxonomy != NULL && taxonomy[0] == '\0')
        return VB_OK;
    char def[4096];
    const char *path = taxonomy;
    if (path == NULL) {
        /* The default taxonomy is optional: no file, no themes. */
        int n = snprintf(def, sizeof def, "%s/" VB_DEFAULT_TAXONOMY, data_dir != NULL ? data_dir : ".");
        if (n < 0 || (size_t)n >= sizeof def)
            return VB_OK;
        FILE *f = fopen(def, "rb");
        if (f == NULL)
            return VB_OK;
        fclose(f);
        path = def;
    }
    first_problem first;
    memset(&first, 0, sizeof first);
    size_t n_problems;
    vb_status st = compile_file(path, lang, a, keep_first, &first, taxonomy == NULL, out,
                                &n_problems, err);
    if (st != VB_OK)
        return st;
    if (n_problems > 0 && err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_EPARSE;
        snprintf(err->source, sizeof err->source, "%.255s", path);
        if (n_problems > 1)
            snprintf(err->message, sizeof err->message, "%.200s: %.250s (and %zu more problems)",
                     first.path, first.message, n_problems - 1);
        else
            snprintf(err->message, sizeof err->message, "%.200s: %.300s", first.path,
                     first.message);
    }
    return n_problems > 0 ? VB_EPARSE : VB_OK;
}

size_t vb_taxonomy_check(const char *path, const vb_options *opts,
                         vb_taxonomy_report_fn report, void *ctx, vb_taxonomy_counts *counts,
                         vb_error *err)
{
    vb_options defaults;
    if (opts == NULL) {
        vb_options_init(&defaults);
        defaults.language = NULL;
        opts = &defaults;
    }
    if (counts != NULL)
        memset(counts, 0, sizeof *counts);
    const vb_allocator *a = vb_allocator_or_default(&opts->alloc);
    vb_lang *lang = NULL;
    if (opts->language != NULL) {
        lang = vb_lang_load(NULL, opts->language, a, err);
        if (lang == NULL)
            return SIZE_MAX;
    }
    vb_themes *t;
    size_t n_problems;
    vb_status st = compile_file(path, lang, a, report, ctx, false, &t, &n_problems, err);
    if (st == VB_OK && t != NULL && counts != NULL) {
        counts->n_themes = t->n_themes;
        for (size_t i = 0; i < t->n_themes; i++)
            counts->n_top_level += t->info[i].parent < 0;
        counts->n_regex = t->n_regexes;
    }
    vb_themes_free(t);
    vb_lang_free(lang);
    return st == VB_OK ? n_problems : SIZE_MAX;
}
